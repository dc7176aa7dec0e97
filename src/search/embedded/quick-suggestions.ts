import type { Suggestion } from '../search-engine';
import { highlight } from '../text';
import { highlightOf, matchExpression, type QueryPlan } from './query-plan';
import type { Filters } from './sql-parts';
import { TEXT_COLUMNS, type Raw } from './text-ranker';

interface Row {
  readonly doc: number;
  readonly title: string;
  readonly url: string;
  readonly image: string | null;
}

/**
 * Products for as-you-type suggestions: every word of the plan must match (no word dropping),
 * title matches first, newest first inside each. FTS5 walks its posting lists by rowid and stops
 * at the limit, so a keystroke costs one or two bounded reads however broad the words are; the
 * full ranking, the count and the facets of a search are left to the search page.
 */
export async function quickSuggestions(raw: Raw, plan: QueryPlan, filters: Filters, limit: number): Promise<Suggestion[]> {
  if (plan.slots.length === 0 || limit < 1) return [];
  const found = new Map<number, Row>();
  for (const match of [matchExpression(plan.slots, false, ['title', 'subtitle']), matchExpression(plan.slots, true, TEXT_COLUMNS)]) {
    const rows = await raw<Row>(
      `SELECT f.rowid AS doc, t.title, t.url, t.image FROM search_fts f CROSS JOIN search_docs d ON d.doc = f.rowid JOIN search_doc_texts t ON t.doc = f.rowid
       WHERE f.search_fts MATCH ? AND ${filters.sql} ORDER BY f.rowid DESC LIMIT ?`,
      [filters.fts ? `(${match}) AND ${filters.fts}` : match, ...filters.bindings, limit + found.size],
    );
    for (const r of rows) if (found.size < limit && !found.has(r.doc)) found.set(r.doc, r);
    if (found.size === limit) break;
  }
  const terms = highlightOf(plan.slots);
  return [...found.values()].map((r) => ({ type: 'product', title: r.title, url: r.url, image: r.image, _formatted: { title: highlight(r.title, terms) } }));
}
