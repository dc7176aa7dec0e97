import type { Knex } from 'knex';
import type { DocumentKey, SearchDocument } from '../search-engine';
import { indexTerms } from '../text';
import { isPrefixTerm } from '../text/tokens';
import { ARTICLE_FTS_TABLE, facetToken, FTS_TABLE } from './sql-parts';

type Conn = Knex | Knex.Transaction;

/** How FTS5's unicode61 tokenizer splits a column: on anything but letters, digits and marks. */
const FTS_SEPARATORS = /[^\p{L}\p{N}\p{M}]+/u;
const FTS_BATCH = 100;
const ROW_BATCH = 150;
/** search_index_meta row holding the highest document number given. */
const LAST_DOC = 'last_doc';

/** A document's FTS5 columns: title, subtitle, vehicle, category, body, facets (migration 0002). */
export type FtsColumns = [string, string, string, string, string, string];

interface FtsRow {
  readonly doc: number;
  readonly article: boolean;
  readonly columns: Readonly<FtsColumns>;
}

function join(terms: Iterable<string>): string {
  return [...terms].join(' ');
}

/** The FTS columns of a document, as space-separated terms (see migration 0002 for the layout). */
export function ftsColumns(d: SearchDocument): FtsColumns {
  const vehicles = new Set<string>();
  for (const v of d.vehicles) for (const t of indexTerms(`${v.make} ${v.model}`, 'rich')) vehicles.add(t);
  const category = new Set<string>();
  for (const text of [d.categoryName ?? '', d.category ?? '', ...(d.categoryPath ?? []), ...d.tags]) for (const t of indexTerms(text, 'rich')) category.add(t);
  const facets = new Set([facetToken('type', d.type)]);
  if (d.category) facets.add(facetToken('category', d.category));
  for (const v of d.vehicles) {
    facets.add(facetToken('make', v.make));
    facets.add(facetToken('model', v.model));
    facets.add(facetToken('vehicle', v.make, v.model));
  }
  return [join(indexTerms(d.title, 'rich')), join(indexTerms(d.subtitle, 'rich')), join(vehicles), join(category), join(indexTerms(d.body, 'plain')), join(facets)];
}

function insertFts(conn: Conn, table: string, rows: readonly FtsRow[]): PromiseLike<unknown>[] {
  const statements: PromiseLike<unknown>[] = [];
  for (let i = 0; i < rows.length; i += FTS_BATCH) {
    const chunk = rows.slice(i, i + FTS_BATCH);
    const bindings = chunk.flatMap((r) => [r.doc, ...r.columns]);
    const values = chunk.map(() => '(?,?,?,?,?,?,?)').join(',');
    statements.push(conn.raw(`INSERT INTO ${table}(rowid, title, subtitle, vehicle, category, body, facets) VALUES ${values}`, bindings));
  }
  return statements;
}

function insertRows(conn: Conn, table: string, rows: readonly Record<string, unknown>[]): PromiseLike<unknown>[] {
  const statements: PromiseLike<unknown>[] = [];
  for (let i = 0; i < rows.length; i += ROW_BATCH) statements.push(conn(table).insert(rows.slice(i, i + ROW_BATCH)));
  return statements;
}

/** Vocabulary from a batch's text columns: the terms a typed prefix completes to, typo targets among them. */
function vocabularyOf(rows: readonly FtsRow[]): string[] {
  const words = new Set<string>();
  for (const r of rows) for (let c = 0; c < 5; c++) for (const t of r.columns[c].split(FTS_SEPARATORS)) if (isPrefixTerm(t)) words.add(t);
  return [...words];
}

function insertVocabulary(conn: Conn, list: readonly string[]): PromiseLike<unknown>[] {
  const statements: PromiseLike<unknown>[] = [];
  for (let i = 0; i < list.length; i += ROW_BATCH) {
    const chunk = list.slice(i, i + ROW_BATCH);
    statements.push(conn.raw(`INSERT OR IGNORE INTO search_terms(term) VALUES ${chunk.map(() => '(?)').join(',')}`, chunk));
  }
  return statements;
}

/** Internal numbers of documents already indexed, by "type:id". */
async function existingDocs(conn: Conn, keys: readonly DocumentKey[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  if (keys.length === 0) return found;
  const rows = await conn.raw<{ doc: number; type: string; ref_id: number }[]>(
    `SELECT doc, type, ref_id FROM search_docs WHERE (type, ref_id) IN (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?))`,
    [JSON.stringify(keys.map((k) => [k.type, k.id]))],
  );
  for (const r of rows) found.set(`${r.type}:${r.ref_id}`, r.doc);
  return found;
}

async function deleteDocs(conn: Conn, docs: readonly number[]): Promise<void> {
  if (docs.length === 0) return;
  const list = JSON.stringify(docs);
  for (const table of [FTS_TABLE, ARTICLE_FTS_TABLE]) await conn.raw(`DELETE FROM ${table} WHERE rowid IN (SELECT value FROM json_each(?))`, [list]);
  await conn.raw('DELETE FROM search_vehicles WHERE doc IN (SELECT value FROM json_each(?))', [list]);
  await conn.raw('DELETE FROM search_doc_texts WHERE doc IN (SELECT value FROM json_each(?))', [list]);
  await conn.raw('DELETE FROM search_docs WHERE doc IN (SELECT value FROM json_each(?))', [list]);
}

/** A batch of documents analysed and numbered, ready to write: the CPU part of indexing, no SQL. */
export interface PreparedDocuments {
  readonly docRows: readonly Record<string, unknown>[];
  readonly textRows: readonly Record<string, unknown>[];
  readonly vehicleRows: readonly Record<string, unknown>[];
  readonly ftsRows: readonly FtsRow[];
  readonly vocabulary: readonly string[];
  /** The number the next batch starts at. */
  readonly next: number;
}

/**
 * Numbers documents from `first` on (a document twice in the batch counts once) and analyses their
 * text, unless `columns` (one per document, from ftsColumns) were computed elsewhere.
 */
export function prepareDocuments(docs: readonly SearchDocument[], first: number, columns?: readonly FtsColumns[]): PreparedDocuments {
  let next = first;
  const docRows: Record<string, unknown>[] = [];
  const textRows: Record<string, unknown>[] = [];
  const vehicleRows: Record<string, unknown>[] = [];
  const ftsRows: FtsRow[] = [];
  const seen = new Set<string>();
  for (const [i, d] of docs.entries()) {
    const key = `${d.type}:${d.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const doc = next++;
    docRows.push({ doc, type: d.type, ref_id: d.id, price: d.type === 'product' ? d.price : null, category: d.category, created_at: d.createdAt });
    textRows.push({ doc, title: d.title, subtitle: d.subtitle, body: d.body, url: d.url, image: d.image, published_at: d.publishedAt });
    for (const v of d.vehicles) vehicleRows.push({ doc, make: v.make, model: v.model, year_from: v.yearFrom, year_to: v.yearTo });
    ftsRows.push({ doc, article: d.type === 'article', columns: columns?.[i] ?? ftsColumns(d) });
  }
  return { docRows, textRows, vehicleRows, ftsRows, vocabulary: vocabularyOf(ftsRows), next };
}

/**
 * Writes a prepared batch (its numbers must be above every number given so far). The statements are
 * independent inserts, all handed to SQLite at once: they run back to back on its thread while this
 * one goes on (a rebuild analyses the next batch meanwhile), instead of each waiting for this thread
 * to send the next. Every one is settled before this returns, so a failure never leaves a statement
 * running into a rolled-back transaction.
 */
export async function writePrepared(conn: Conn, p: PreparedDocuments): Promise<void> {
  if (p.docRows.length === 0) return;
  const results = await Promise.allSettled([
    ...insertRows(conn, 'search_docs', p.docRows),
    ...insertRows(conn, 'search_doc_texts', p.textRows),
    ...insertRows(conn, 'search_vehicles', p.vehicleRows),
    ...insertFts(conn, FTS_TABLE, p.ftsRows),
    ...insertFts(conn, ARTICLE_FTS_TABLE, p.ftsRows.filter((r) => r.article)),
    ...insertVocabulary(conn, p.vocabulary),
    conn.raw(`INSERT INTO search_index_meta(name, value) VALUES ('${LAST_DOC}', ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value`, [String(p.next - 1)]),
  ]);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * Writes documents into the index on the caller's connection or transaction. A document indexed
 * before is replaced under a new, higher number: the number is the static rank ("newest changes
 * first" among equally relevant hits), and a fresh row is cheaper than diffing posting lists.
 */
export async function writeDocuments(conn: Conn, docs: readonly SearchDocument[]): Promise<void> {
  if (docs.length === 0) return;
  await deleteDocs(conn, [...(await existingDocs(conn, docs)).values()]);
  await writePrepared(conn, prepareDocuments(docs, (await lastDocNumber(conn)) + 1));
}

/**
 * The highest document number ever given, even if that document is gone (deleted, or a whole
 * index cleared): numbers are never reused, so a number names one version of one document for
 * good, which is what lets each process keep document facts in memory (doc-facts.ts).
 */
export async function lastDocNumber(conn: Conn): Promise<number> {
  const rows = await conn.raw<{ m: number | null }[]>(
    `SELECT max(coalesce((SELECT max(doc) FROM search_docs), 0), coalesce((SELECT CAST(value AS INTEGER) FROM search_index_meta WHERE name = '${LAST_DOC}'), 0)) AS m`,
  );
  return Number(rows[0]?.m ?? 0);
}

export async function removeDocuments(conn: Conn, keys: readonly DocumentKey[]): Promise<void> {
  await deleteDocs(conn, [...(await existingDocs(conn, keys)).values()]);
}

export async function clearIndex(conn: Conn): Promise<void> {
  for (const table of [FTS_TABLE, ARTICLE_FTS_TABLE]) await conn.raw(`INSERT INTO ${table}(${table}) VALUES ('delete-all')`);
  await conn('search_vehicles').delete();
  await conn('search_doc_texts').delete();
  await conn('search_docs').delete();
}
