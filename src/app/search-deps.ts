import { activeVehicleOf } from '../fitment';
import { withResultCache } from '../search/result-cache';
import { createVersionReader } from '../shared/content-version';
import type { SearchRouteDeps } from '../search/search-routes';
import type { AppContext } from './context';
import { createSuggester } from '../search/suggest/suggester';
import { suggestVocabulary } from './suggest-sources';

/**
 * Search meets fitment here: make/model/year in the query are validated (400 for unknown ones)
 * and filter by canonical names; product hits get `fits` for the query's vehicle, or else the
 * shopper's active garage vehicle (which marks, but never filters).
 */
export function searchDeps(ctx: AppContext): SearchRouteDeps {
  const versions = createVersionReader(ctx.db);
  const engine = ctx.search.name === 'embedded' ? withResultCache(ctx.search, versions) : ctx.search;
  return {
    engine,
    suggest: createSuggester(engine, suggestVocabulary(ctx, versions)),
    async resolveVehicle(params) {
      const v = await ctx.fitment.resolve({ make: params.make, model: params.model, year: params.year });
      if (!v) return null;
      return { make: v.makeName, model: v.modelName ?? undefined, year: v.year ?? undefined };
    },
    async decorateHits(res, result, params) {
      const vehicle = (await ctx.fitment.resolve({ make: params.make, model: params.model, year: params.year })) ?? activeVehicleOf(res);
      if (!vehicle) return result;
      const ids = result.hits.filter((h) => h.type === 'product').map((h) => h.id);
      const flags = await ctx.fitment.fitsFlags(ids, vehicle);
      return { ...result, hits: result.hits.map((h) => (h.type === 'product' ? { ...h, fits: flags.get(h.id) ?? null } : h)) };
    },
    recordQuery: ctx.queryStats ? (q, totalHits) => ctx.queryStats?.record(q, totalHits) : undefined,
    async categoryNames() {
      const tree = await ctx.catalog.categoryTree();
      return new Map([...tree.bySlug].map(([slug, node]) => [slug, node.name]));
    },
  };
}
