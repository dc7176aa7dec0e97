import type { Suggestion } from '../search-engine';
import { highlight } from '../text';
import { highlightOf, matchExpression, type QueryPlan } from './query-plan';
import type { Filters } from './sql-parts';
import { fitsModelSql, inTextColumns, namedModels, type Raw } from './text-ranker';

interface Row {
  readonly doc: number;
  readonly title: string;
  readonly url: string;
  readonly image: string | null;
}

/** A fitment row for exactly the model named, compared as the ranker's fit tiers do. */
const FITS_MODEL = fitsModelSql('f.rowid');
/** Title matches, newest first, among which parts that fit the named model are moved up: where they show. */
const FIT_WINDOW = 100;

/**
 * Products for as-you-type suggestions: every word of the plan must match (no word dropping);
 * title matches first, those that fit the vehicle named before the others (as in search, a
 * sibling model never comes first), then matches in any field; newest first inside each. FTS5
 * walks its posting lists by rowid and stops at the limit, so a keystroke costs one or two
 * bounded reads however broad the words are; the full ranking, the count and the facets of a
 * search are left to the search page.
 */
export async function quickSuggestions(raw: Raw, plan: QueryPlan, filters: Filters, limit: number): Promise<Suggestion[]> {
  if (plan.slots.length === 0 || limit < 1) return [];
  const models = namedModels(plan.slots);
  const passes = [
    { match: matchExpression(plan.slots, false, ['title', 'subtitle']), window: models.length > 0 ? FIT_WINDOW : limit },
    { match: inTextColumns(plan.slots, true), window: limit },
  ];
  const found = new Map<number, Row>();
  for (const { match, window } of passes) {
    // The window is read from the index alone; texts only for the rows kept.
    const rows = await raw<Row>(
      `SELECT w.doc, t.title, t.url, t.image FROM (
         SELECT f.rowid AS doc, ${models.length > 0 ? FITS_MODEL : '0'} AS fits FROM ${filters.table} f CROSS JOIN search_docs d ON d.doc = f.rowid
         WHERE f.${filters.table} MATCH ? AND ${filters.sql} ORDER BY f.rowid DESC LIMIT ?
       ) w JOIN search_doc_texts t ON t.doc = w.doc ORDER BY w.fits DESC, w.doc DESC LIMIT ?`,
      [...(models.length > 0 ? [JSON.stringify(models)] : []), filters.narrow(match), ...filters.bindings, window + found.size, limit + found.size],
    );
    for (const r of rows) if (found.size < limit && !found.has(r.doc)) found.set(r.doc, r);
    if (found.size === limit) break;
  }
  const terms = highlightOf(plan.slots);
  return [...found.values()].map((r) => ({ type: 'product', title: r.title, url: r.url, image: r.image, _formatted: { title: highlight(r.title, terms) } }));
}
