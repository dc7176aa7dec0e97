import type { SearchQuery, SearchSort } from '../search-engine';
import { PRICE_BUCKETS } from '../price-buckets';

export interface SqlPart {
  readonly sql: string;
  readonly bindings: readonly (string | number)[];
}

/** WHERE conditions on `search_docs d` for the query's filters ('1 = 1' when none). */
export function filterSql(q: SearchQuery): SqlPart {
  const parts: string[] = [];
  const bindings: (string | number)[] = [];
  if (q.type !== 'all') {
    parts.push('d.type = ?');
    bindings.push(q.type);
  }
  if (q.category !== undefined) {
    parts.push('d.category = ?');
    bindings.push(q.category);
  }
  if (q.priceMin !== undefined) {
    parts.push('d.price >= ?');
    bindings.push(q.priceMin);
  }
  if (q.priceMax !== undefined) {
    parts.push('d.price <= ?');
    bindings.push(q.priceMax);
  }
  if (q.make !== undefined || q.model !== undefined || q.year !== undefined) {
    // One vehicle must satisfy make, model and year together; open year bounds match any year.
    const v: string[] = ['v.doc = d.doc'];
    if (q.make !== undefined) {
      v.push('v.make = ?');
      bindings.push(q.make);
    }
    if (q.model !== undefined) {
      v.push('v.model = ?');
      bindings.push(q.model);
    }
    if (q.year !== undefined) {
      v.push('(v.year_from IS NULL OR v.year_from <= ?) AND (v.year_to IS NULL OR v.year_to >= ?)');
      bindings.push(q.year, q.year);
    }
    parts.push(`EXISTS (SELECT 1 FROM search_vehicles v WHERE ${v.join(' AND ')})`);
  }
  return { sql: parts.length > 0 ? parts.join(' AND ') : '1 = 1', bindings };
}

export function hasFilters(q: SearchQuery): boolean {
  return filterSql(q).bindings.length > 0;
}

/** ORDER BY for browsing and explicit sorts; documents without a price (articles) go last. */
export function orderSql(sort: SearchSort): string {
  switch (sort) {
    case 'price_asc':
      return 'd.price IS NULL, d.price ASC, d.created_at DESC, d.doc DESC';
    case 'price_desc':
      return 'd.price IS NULL, d.price DESC, d.created_at DESC, d.doc DESC';
    case 'newest':
    case 'relevance':
      return 'd.created_at DESC, d.doc DESC';
  }
}

function priceCase(): string {
  const whens = PRICE_BUCKETS.map((b) => (b.to === null ? `ELSE '${b.key}'` : `WHEN d.price < ${b.to} THEN '${b.key}'`));
  return `CASE ${whens.join(' ')} END`;
}

/**
 * Facet counts over a set of documents given as a SELECT of `doc` numbers: category, make, model
 * (a document counts once per value, however many vehicles carry it) and price buckets.
 */
export function facetSql(docsSelect: SqlPart): SqlPart {
  const sql = `WITH c(doc) AS (${docsSelect.sql})
    SELECT 'category' AS facet, d.category AS value, count(*) AS n FROM c JOIN search_docs d ON d.doc = c.doc WHERE d.category IS NOT NULL GROUP BY d.category
    UNION ALL SELECT 'make', v.make, count(DISTINCT v.doc) FROM c JOIN search_vehicles v ON v.doc = c.doc GROUP BY v.make
    UNION ALL SELECT 'model', v.model, count(DISTINCT v.doc) FROM c JOIN search_vehicles v ON v.doc = c.doc GROUP BY v.model
    UNION ALL SELECT 'price', ${priceCase()}, count(*) FROM c JOIN search_docs d ON d.doc = c.doc WHERE d.price IS NOT NULL GROUP BY 2`;
  return { sql, bindings: docsSelect.bindings };
}

export function toFacetDistribution(rows: readonly { facet: string; value: string; n: number }[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = { category: {}, make: {}, model: {}, price: {} };
  for (const r of rows) out[r.facet][r.value] = Number(r.n);
  return out;
}
