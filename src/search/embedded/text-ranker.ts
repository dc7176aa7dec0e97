import type { SearchSort } from '../search-engine';
import { fold, joinHyphenatedCodes, type HighlightTerms } from '../text';
import { hasTypos, highlightOf, matchExpression, type QueryPlan, type Slot } from './query-plan';
import { orderSql, type Filters } from './sql-parts';

/** Runs SQL; a malformed FTS5 expression answers no rows (see EmbeddedSearchEngine.safeRaw). */
export type Raw = <T>(sql: string, bindings: readonly (string | number)[]) => Promise<T[]>;

export interface TextOutcome {
  readonly ranked: readonly number[];
  readonly highlight: HighlightTerms;
}

/** Like Meilisearch's `pagination.maxTotalHits`: a text query considers at most this many matches. */
export const MAX_TOTAL_HITS = 1000;

/** Meilisearch's ranking, as FTS5 buckets: zero typos before typos; inside those, matches in earlier attributes first. */
const ATTRIBUTE_BUCKETS: readonly (readonly string[])[] = [
  ['title', 'subtitle'],
  ['title', 'subtitle', 'vehicle'],
  ['title', 'subtitle', 'vehicle', 'category'],
];
export const TEXT_COLUMNS = ['title', 'subtitle', 'vehicle', 'category', 'body'] as const;
/** bm25 weights per FTS column (title … body, facets): the last tie-break, shorter and title matches first. */
const BM25 = 'bm25(search_fts, 10.0, 4.0, 3.0, 2.0, 1.0, 0.0)';
/** Documents whose title is checked for adjacent query words and exact phrases. */
const PROXIMITY_WINDOW = 40;
/** A word is counted for dropping up to this many documents: beyond it, it is "frequent" anyway. */
const FREQUENCY_CAP = 20000;

const FROM = 'search_fts f CROSS JOIN search_docs d ON d.doc = f.rowid';

function withFilter(match: string, filters: Filters): string {
  return filters.fts ? `(${match}) AND ${filters.fts}` : match;
}

interface Candidate {
  readonly doc: number;
}

/**
 * The embedded engine's text ranking, after Meilisearch's rules: words (drop stop words, then the
 * most frequent words, never the vehicle or the part), the named vehicle and year, typo, proximity,
 * attribute, exactness; ties by bm25, not by age.
 */
export class TextRanker {
  constructor(private readonly raw: Raw) {}

  async search(plan: QueryPlan, filters: Filters, sort: SearchSort): Promise<TextOutcome> {
    let slots = plan.slots;
    let matches = await this.candidates(slots, filters, sort);
    if (matches.length === 0 && slots.length > 1) {
      const order = await this.dropOrder(slots, filters);
      for (const drop of order) {
        if (slots.length === 1) break;
        slots = slots.filter((s) => s !== drop);
        matches = await this.candidates(slots, filters, sort);
        if (matches.length > 0) break;
      }
      if (matches.length === 0 && slots.some((s) => s.broader)) {
        // Nothing for this model: the same part for its make, rather than nothing or another part.
        const wider = slots.map((s) => (s.broader ? { ...s, exact: [s.broader], typo: [], broader: undefined, terms: [] } : s));
        const found = await this.candidates(wider, filters, sort);
        if (found.length > 0) {
          slots = wider;
          matches = found;
        }
      }
    }
    const ranked = sort === 'relevance' && matches.length > 1 ? await this.rank(slots, plan, filters, matches) : matches.map((m) => m.doc);
    return { ranked, highlight: highlightOf(slots) };
  }

  /** Words that may go, most frequent first (Meilisearch's "frequency" strategy); vehicle and part words stay. */
  private async dropOrder(slots: readonly Slot[], filters: Filters): Promise<Slot[]> {
    const droppable = slots.filter((s) => !s.keep);
    const counts = new Map<Slot, number>();
    for (const s of droppable) {
      const rows = await this.raw<{ n: number }>(`SELECT count(*) AS n FROM (SELECT rowid FROM search_fts WHERE search_fts MATCH ? LIMIT ${FREQUENCY_CAP})`, [withFilter(matchExpression([s], true, TEXT_COLUMNS), filters)]);
      counts.set(s, Number(rows[0]?.n ?? 0));
    }
    return [...droppable].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || slots.indexOf(b) - slots.indexOf(a));
  }

  private async candidates(slots: readonly Slot[], filters: Filters, sort: SearchSort): Promise<Candidate[]> {
    const order = sort === 'relevance' ? 'f.rowid DESC' : orderSql(sort);
    return this.raw<Candidate>(
      `SELECT f.rowid AS doc FROM ${FROM} WHERE f.search_fts MATCH ? AND ${filters.sql} ORDER BY ${order} LIMIT ?`,
      [withFilter(matchExpression(slots, true, TEXT_COLUMNS), filters), ...filters.bindings, MAX_TOTAL_HITS + 1],
    );
  }

  private async docs(match: string, filters: Filters, limit: number): Promise<number[]> {
    const rows = await this.raw<{ doc: number }>(
      `SELECT f.rowid AS doc FROM ${FROM} WHERE f.search_fts MATCH ? AND ${filters.sql} ORDER BY f.rowid DESC LIMIT ?`,
      [withFilter(match, filters), ...filters.bindings, limit],
    );
    return rows.map((r) => r.doc);
  }

  /**
   * How well each matching document fits the vehicle the query names: 0 when a fitment row has
   * exactly that model and a year range containing the query's year, 1 for that model in other
   * years, 2–3 when the vehicle words only match its fitment text (宏光 in 宏光S). Documents not
   * listed do not fit at all, so other models of the same make never come first.
   */
  private async fitTiers(slots: readonly Slot[], plan: QueryPlan, filters: Filters, limit: number): Promise<Map<number, number>> {
    const tiers = new Map<number, number>();
    const vehicle = slots.filter((s) => s.vehicle);
    if (vehicle.length === 0) return tiers;
    const match = `(${matchExpression(slots, true, TEXT_COLUMNS)}) AND (${matchExpression(vehicle, false, ['vehicle'])})`;
    const models = JSON.stringify([...new Set(vehicle.flatMap((s) => s.models ?? []))]);
    const withYear = plan.yearFrom !== null && plan.yearTo !== null;
    const year = withYear ? '(v.year_from IS NULL OR v.year_from <= ?) AND (v.year_to IS NULL OR v.year_to >= ?)' : '1';
    const exact = "replace(replace(lower(v.model), ' ', ''), '-', '') IN (SELECT value FROM json_each(?))";
    const rows = await this.raw<{ doc: number; exact: number; inYear: number }>(
      `SELECT f.rowid AS doc, EXISTS (SELECT 1 FROM search_vehicles v WHERE v.doc = d.doc AND ${exact}) AS exact,
         EXISTS (SELECT 1 FROM search_vehicles v WHERE v.doc = d.doc AND ${year}) AS inYear
       FROM ${FROM} WHERE f.search_fts MATCH ? AND ${filters.sql} ORDER BY f.rowid DESC LIMIT ?`,
      [models, ...(withYear ? [plan.yearTo!, plan.yearFrom!] : []), withFilter(match, filters), ...filters.bindings, limit],
    );
    for (const r of rows) tiers.set(r.doc, (r.exact ? 0 : 2) + (r.inYear ? 0 : 1));
    return tiers;
  }

  private async rank(slots: readonly Slot[], plan: QueryPlan, filters: Filters, matches: readonly Candidate[]): Promise<number[]> {
    const buckets = ATTRIBUTE_BUCKETS.map((cols) => matchExpression(slots, false, cols));
    buckets.push(matchExpression(slots, false, TEXT_COLUMNS));
    const exactBuckets = buckets.length;
    if (hasTypos(slots)) buckets.push(...ATTRIBUTE_BUCKETS.map((cols) => matchExpression(slots, true, cols)));
    const fit = await this.fitTiers(slots, plan, filters, MAX_TOTAL_HITS + 1);
    const fitOf = (d: number) => fit.get(d) ?? 4;

    if (matches.length > MAX_TOTAL_HITS) {
      // A broad query: fitting documents, then buckets in order until MAX_TOTAL_HITS, usually from the first one alone.
      const ranked: number[] = [];
      const seen = new Set<number>();
      const take = (docs: readonly number[]) => {
        for (const d of docs) {
          if (seen.has(d) || ranked.length > MAX_TOTAL_HITS) continue;
          seen.add(d);
          ranked.push(d);
        }
      };
      take([...fit.keys()].sort((a, b) => fitOf(a) - fitOf(b) || b - a));
      for (const m of buckets) {
        if (ranked.length >= MAX_TOTAL_HITS) break;
        take(await this.docs(m, filters, MAX_TOTAL_HITS + 1));
      }
      take(matches.map((m) => m.doc));
      return ranked;
    }
    // Every match is known: one statement gives each document its best bucket.
    const sql = buckets.map((_, i) => `SELECT f.rowid AS doc, ${i} AS b FROM ${FROM} WHERE f.search_fts MATCH ? AND ${filters.sql}`).join(' UNION ALL ');
    const rows = await this.raw<{ doc: number; b: number }>(sql, buckets.flatMap((m) => [withFilter(m, filters), ...filters.bindings]));
    const best = new Map<number, number>();
    for (const r of rows) best.set(r.doc, Math.min(best.get(r.doc) ?? r.b, r.b));
    const bucketOf = (d: number) => best.get(d) ?? buckets.length;
    const typoOf = (d: number) => (bucketOf(d) >= exactBuckets ? 1 : 0);
    // bm25 only here, where every match is known and there are at most MAX_TOTAL_HITS: on a broad word it would cost more than the search.
    const scored = await this.raw<{ doc: number; score: number }>(`SELECT rowid AS doc, ${BM25} AS score FROM search_fts WHERE search_fts MATCH ?`, [matchExpression(slots, true, TEXT_COLUMNS)]);
    const score = new Map(scored.map((m) => [m.doc, Number(m.score)]));
    const byRules = (a: number, b: number) =>
      fitOf(a) - fitOf(b) || typoOf(a) - typoOf(b) || bucketOf(a) - bucketOf(b) || (score.get(a) ?? 0) - (score.get(b) ?? 0) || b - a;
    const ranked = matches.map((m) => m.doc).sort(byRules);
    // Proximity and exactness need the text: checked on the leading documents, which is where they show.
    const head = ranked.slice(0, PROXIMITY_WINDOW);
    const near = await this.proximity(head, slots);
    head.sort((a, b) => fitOf(a) - fitOf(b) || typoOf(a) - typoOf(b) || (near.get(b) ?? 0) - (near.get(a) ?? 0) || byRules(a, b));
    return [...head, ...ranked.slice(PROXIMITY_WINDOW)];
  }

  /** Per document: query words found next to each other in the title, plus a bonus for the whole query as a phrase or the exact title. */
  private async proximity(docs: readonly number[], slots: readonly Slot[]): Promise<Map<number, number>> {
    const out = new Map<number, number>();
    if (slots.length === 0 || docs.length === 0) return out;
    const rows = await this.raw<{ doc: number; title: string }>('SELECT doc, title FROM search_doc_texts WHERE doc IN (SELECT value FROM json_each(?))', [JSON.stringify(docs)]);
    const words = slots.map((s) => s.text);
    const phrase = words.join('');
    for (const r of rows) {
      const title = compact(r.title);
      let score = 0;
      for (let i = 0; i + 1 < words.length; i++) {
        const at = title.indexOf(words[i]);
        if (at >= 0 && title.startsWith(words[i + 1], at + words[i].length)) score += 1;
      }
      if (words.length > 1 && title.includes(phrase)) score += 1;
      if (title === phrase) score += 2;
      out.set(r.doc, score);
    }
    return out;
  }
}

/** A title as query words are compared with it: folded, codes joined, no spaces. */
export function compact(text: string): string {
  return joinHyphenatedCodes(fold(text)).replace(/\s+/g, '');
}
