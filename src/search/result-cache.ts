import { VersionedCache } from '../shared/content-version';
import type { SearchEngine, SearchResult, Suggestion } from './search-engine';

/**
 * Search results memoised until the catalogue or newsroom changes. Only sound where the index
 * changes in the same commit as the version counters (the embedded engine); behind an outbox the
 * index lags the counters, so a result cached in between would outlive the change.
 */
export function withResultCache(engine: SearchEngine, versions: () => Promise<string>, maxEntries = 2000): SearchEngine {
  const results = new VersionedCache<SearchResult>(maxEntries);
  const suggestions = new VersionedCache<Suggestion[]>(maxEntries);
  const products = new VersionedCache<Suggestion[]>(maxEntries);
  const suggestProducts = engine.suggestProducts?.bind(engine);
  return Object.assign(Object.create(engine) as SearchEngine, {
    async search(query: Parameters<SearchEngine['search']>[0]): Promise<SearchResult> {
      const started = performance.now();
      const hit = await results.get(await versions(), JSON.stringify(query), () => engine.search(query));
      return { ...hit, processingTimeMs: Math.round(performance.now() - started) };
    },
    async suggest(q: string, limit: number): Promise<Suggestion[]> {
      return suggestions.get(await versions(), `${limit}\u0000${q}`, () => engine.suggest(q, limit));
    },
    // Keystrokes that complete to the same words (bao, baoj, baoju → 宝骏) share one lookup.
    ...(suggestProducts && {
      async suggestProducts(q: string, limit: number): Promise<Suggestion[]> {
        return products.get(await versions(), `${limit}\u0000${q}`, () => suggestProducts(q, limit));
      },
    }),
  });
}
