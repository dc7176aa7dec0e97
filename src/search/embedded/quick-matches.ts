import { matchExpression, type QueryPlan } from './query-plan';
import type { Filters } from './sql-parts';
import { TEXT_COLUMNS, type Raw } from './text-ranker';

const FROM = 'search_fts f CROSS JOIN search_docs d ON d.doc = f.rowid';

/**
 * Documents for as-you-type suggestions: every word of the plan must match (no word dropping),
 * title matches first, newest first inside each. FTS5 walks its posting lists by rowid and stops
 * at the limit, so a keystroke costs two bounded reads however broad the words are; the full
 * ranking, the count and the facets of a search are left to the search page.
 */
export async function quickMatches(raw: Raw, plan: QueryPlan, filters: Filters, limit: number): Promise<number[]> {
  if (plan.slots.length === 0 || limit < 1) return [];
  const found: number[] = [];
  for (const match of [matchExpression(plan.slots, false, ['title', 'subtitle']), matchExpression(plan.slots, true, TEXT_COLUMNS)]) {
    const rows = await raw<{ doc: number }>(
      `SELECT f.rowid AS doc FROM ${FROM} WHERE f.search_fts MATCH ? AND ${filters.sql} ORDER BY f.rowid DESC LIMIT ?`,
      [filters.fts ? `(${match}) AND ${filters.fts}` : match, ...filters.bindings, limit + found.length],
    );
    for (const r of rows) if (found.length < limit && !found.includes(r.doc)) found.push(r.doc);
    if (found.length === limit) break;
  }
  return found;
}
