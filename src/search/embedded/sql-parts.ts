import type { SearchQuery, SearchSort } from '../search-engine';
import { PRICE_BUCKETS } from '../price-buckets';

/** Every document is in search_fts; articles are also in their own small table (migration 0017). */
export const FTS_TABLE = 'search_fts';
export const ARTICLE_FTS_TABLE = 'search_fts_articles';

export interface SqlPart {
  readonly sql: string;
  readonly bindings: readonly (string | number)[];
}

export interface Filters extends SqlPart {
  /** The FTS5 table a text search reads: articles alone have a small one of their own. */
  readonly table: typeof FTS_TABLE | typeof ARTICLE_FTS_TABLE;
  /** The same filters (those that are tokens) as an FTS5 expression on the `facets` column, or null. */
  readonly fts: string | null;
  /** A text match narrowed by the filter tokens (see narrowText). */
  readonly narrow: (match: string) => string;
  /**
   * A product search's match narrowed by the other tokens, the articles left in: for reads that
   * drop the (few) articles themselves, cheaper than FTS5 excluding them row by row. Absent for
   * other types.
   */
  readonly narrowWithArticles?: (match: string) => string;
  /** A category, make or model token narrows the documents enough for FTS5 to drive a browse. */
  readonly selective: boolean;
  /**
   * The tokens say exactly what the SQL says (no price or year condition): a text search may then
   * take FTS5's matches as they are, without looking each one up in search_docs.
   */
  readonly exact: boolean;
}

const FACET_PREFIX = { type: 'xt', category: 'xc', make: 'xm', model: 'xo', vehicle: 'xv' } as const;

/** A filter value as one FTS5 token: hex keeps any slug or name a single alphanumeric token. */
export function facetToken(kind: keyof typeof FACET_PREFIX, ...values: string[]): string {
  return FACET_PREFIX[kind] + Buffer.from(values.join('\u0001'), 'utf8').toString('hex');
}

/**
 * WHERE conditions on `search_docs d` for the query's filters ('1 = 1' when none). The SQL is the
 * truth; the FTS5 tokens only narrow the matches early and never decide on their own.
 */
export function filterSql(q: SearchQuery): Filters {
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
    // The unary + keeps SQLite on the (doc) index: without statistics it would pick (make, model,
    // doc) and scan every vehicle of the make for each candidate.
    const v: string[] = ['v.doc = d.doc'];
    if (q.make !== undefined) {
      v.push('+v.make = ?');
      bindings.push(q.make);
    }
    if (q.model !== undefined) {
      v.push('+v.model = ?');
      bindings.push(q.model);
    }
    if (q.year !== undefined) {
      v.push('(v.year_from IS NULL OR v.year_from <= ?) AND (v.year_to IS NULL OR v.year_to >= ?)');
      bindings.push(q.year, q.year);
    }
    parts.push(`EXISTS (SELECT 1 FROM search_vehicles v WHERE ${v.join(' AND ')})`);
  }
  const tokens: string[] = [];
  if (q.type !== 'all') tokens.push(facetToken('type', q.type));
  if (q.category !== undefined) tokens.push(facetToken('category', q.category));
  if (q.make !== undefined && q.model !== undefined) tokens.push(facetToken('vehicle', q.make, q.model));
  else if (q.make !== undefined) tokens.push(facetToken('make', q.make));
  else if (q.model !== undefined) tokens.push(facetToken('model', q.model));
  const fts = tokens.length > 0 ? facetsExpression(tokens) : null;
  const selective = tokens.length > (q.type !== 'all' ? 1 : 0);
  const exact = q.priceMin === undefined && q.priceMax === undefined && q.year === undefined;
  const table = q.type === 'article' ? ARTICLE_FTS_TABLE : FTS_TABLE;
  const narrowWithArticles = q.type === 'product' ? (match: string) => narrowText(match, { ...q, type: 'all' }, tokens.filter((t) => t !== facetToken('type', 'product'))) : undefined;
  return { sql: parts.length > 0 ? parts.join(' AND ') : '1 = 1', bindings, fts, selective, exact, table, narrow: (match) => narrowText(match, q, tokens), narrowWithArticles };
}

function facetsExpression(tokens: readonly string[]): string {
  return `{facets} : (${tokens.map((t) => `"${t}"`).join(' AND ')})`;
}

/**
 * A text match narrowed by the filter tokens. Every document is a product or an article, and the
 * articles are few: a product search excludes the articles rather than intersecting with every
 * product, so FTS5 reads a short posting list instead of one entry per product (bm25 also counts
 * each phrase's documents, which made the product token cost more than the search).
 */
function narrowText(match: string, q: SearchQuery, tokens: readonly string[]): string {
  if (q.type === 'article') {
    // The articles' own table holds nothing else: the type token would only cost a posting list.
    const rest = tokens.filter((t) => t !== facetToken('type', 'article'));
    return rest.length > 0 ? `(${match}) AND ${facetsExpression(rest)}` : match;
  }
  if (q.type !== 'product') return tokens.length > 0 ? `(${match}) AND ${facetsExpression(tokens)}` : match;
  const rest = tokens.filter((t) => t !== facetToken('type', 'product'));
  const narrowed = rest.length > 0 ? `(${match}) AND ${facetsExpression(rest)}` : `(${match})`;
  return `${narrowed} NOT ${facetsExpression([facetToken('type', 'article')])}`;
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

/**
 * Facets for browsing (no words): grouped straight from the tables over covering indexes, exact
 * for any number of documents.
 */
export function browseFacetSql(f: SqlPart): SqlPart {
  const vehicles = f.bindings.length > 0 ? `FROM search_vehicles v JOIN search_docs d ON d.doc = v.doc WHERE ${f.sql}` : 'FROM search_vehicles v';
  const sql = `SELECT 'category' AS facet, d.category AS value, count(*) AS n FROM search_docs d WHERE ${f.sql} AND d.category IS NOT NULL GROUP BY d.category
    UNION ALL SELECT 'price', ${priceCase()}, count(*) FROM search_docs d WHERE ${f.sql} AND d.price IS NOT NULL GROUP BY 2
    UNION ALL SELECT 'make', v.make, count(DISTINCT v.doc) ${vehicles} GROUP BY v.make
    UNION ALL SELECT 'model', v.model, count(DISTINCT v.doc) ${vehicles} GROUP BY v.model`;
  const b = f.bindings.length > 0 ? [...f.bindings, ...f.bindings, ...f.bindings, ...f.bindings] : [];
  return { sql, bindings: b };
}

export function toFacetDistribution(rows: readonly { facet: string | null; value: string; n: number }[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = { category: {}, make: {}, model: {}, price: {} };
  for (const r of rows) if (r.facet !== null) out[r.facet][r.value] = Number(r.n);
  return out;
}

/** A facet count, or (facet null) one document as JSON: one column instead of ten beside the counts. */
export interface FacetOrDocRow {
  readonly facet: string | null;
  readonly value: string;
  readonly n: number;
  readonly doc: string | null;
}

const DOC_JSON = `json_object('doc', d.doc, 'type', d.type, 'ref_id', d.ref_id, 'price', d.price, 'title', t.title, 'subtitle', t.subtitle,
  'body', t.body, 'url', t.url, 'image', t.image, 'published_at', t.published_at)`;

/**
 * Facet counts and the page's documents in one statement, or null when neither is wanted: every
 * statement is a round trip to SQLite's worker thread, which costs more than these few rows.
 */
export function facetsAndDocsSql(facets: SqlPart | null, docs: readonly number[]): SqlPart | null {
  const parts: SqlPart[] = [];
  if (facets) parts.push({ sql: `SELECT facet, value, n, NULL AS doc FROM (${facets.sql})`, bindings: facets.bindings });
  if (docs.length > 0) {
    parts.push({
      sql: `SELECT NULL AS facet, NULL AS value, NULL AS n, ${DOC_JSON} AS doc FROM search_docs d JOIN search_doc_texts t ON t.doc = d.doc WHERE d.doc IN (SELECT value FROM json_each(?))`,
      bindings: [JSON.stringify(docs)],
    });
  }
  if (parts.length === 0) return null;
  return { sql: parts.map((p) => p.sql).join(' UNION ALL '), bindings: parts.flatMap((p) => p.bindings) };
}
