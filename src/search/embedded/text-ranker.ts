import type { SearchSort } from '../search-engine';
import { fold, joinHyphenatedCodes, type HighlightTerms } from '../text';
import { hasTypos, highlightOf, matchExpression, type QueryPlan, type Slot } from './query-plan';
import type { DocRow } from './hit-builder';
import { orderSql, type Filters } from './sql-parts';
import type { DocFacts, FitQuery } from './doc-facts';

/** Runs SQL; a malformed FTS5 expression answers no rows (see EmbeddedSearchEngine.safeRaw). */
export type Raw = <T>(sql: string, bindings: readonly (string | number)[]) => Promise<T[]>;

export interface TextOutcome {
  readonly ranked: readonly number[];
  readonly highlight: HighlightTerms;
  /** Documents already read while ranking (the proximity window and the page), so the page needs no second read. */
  readonly rows: ReadonlyMap<number, DocRow>;
}

/** The positions [from, to) of the ranked list that the caller will show. */
export interface Window {
  readonly from: number;
  readonly to: number;
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

/**
 * The slots matched in any text column. Only the facets column is left out, and its tokens (x, a
 * kind letter, hex) all start with x: when no word or prefix of the query has one, nothing can match
 * there and the column filter is left off (FTS5 would check the columns of every hit: a quarter of
 * a broad word's read).
 */
export function inTextColumns(slots: readonly Slot[], withTypos: boolean): string {
  const all = matchExpression(slots, withTypos);
  // Any x at all, not only at a word's start: SQLite's tokenizer splits on a few characters that
  // JavaScript counts as letters, so a term could start with x there and not here.
  return all.includes('x') ? `{${TEXT_COLUMNS.join(' ')}} : (${all})` : all;
}
/** bm25 weights per FTS column (title … body, facets): the last tie-break, shorter and title matches first. */
const bm25 = (table: string) => `bm25(${table}, 10.0, 4.0, 3.0, 2.0, 1.0, 0.0)`;
/** Documents whose title is checked for adjacent query words and exact phrases. */
const PROXIMITY_WINDOW = 40;
/** A word is counted for dropping up to this many documents: beyond it, it is "frequent" anyway. */
const FREQUENCY_CAP = 20000;

/** The filters' FTS5 table as `f`, each match joined to its row in search_docs as `d`. */
const from = (filters: Filters) => `${filters.table} f CROSS JOIN search_docs d ON d.doc = f.rowid`;
export const DOC_COLUMNS = 'd.doc, d.type, d.ref_id, d.price, t.title, t.subtitle, t.body, t.url, t.image, t.published_at';

function withFilter(match: string, filters: Filters): string {
  return filters.narrow(match);
}

/** Narrowed, the articles left in on a product search: for reads whose articles never count (see narrowWithArticles). */
function withArticles(match: string, filters: Filters): string {
  return (filters.narrowWithArticles ?? filters.narrow)(match);
}

/** The article documents: a product search reads them with its lists and drops them. */
const ARTICLE_DOCS = `(SELECT ${jsonList('doc')} FROM search_docs WHERE type = 'article')`;

/**
 * Matching documents, newest first. When the filter tokens say all the filters say, FTS5's rows
 * are the answer and no document is looked up in search_docs (a thousand lookups for a broad word).
 * A product search's rows come with the articles in (FTS5 excluding them costs a third of the read)
 * and as many more rows as there are articles; the reader drops the articles (`dropsArticles`).
 * Looked up in search_docs, the SQL's type condition excludes them.
 */
function matchingDocsSql(filters: Filters): { sql: string; bindings: (match: string) => (string | number)[]; dropsArticles: boolean } {
  const t = filters.table;
  const loose = filters.narrowWithArticles;
  if (filters.exact && loose) {
    const extra = "(SELECT count(*) FROM search_docs WHERE type = 'article')";
    return { sql: `SELECT f.rowid AS doc FROM ${t} f WHERE f.${t} MATCH ? ORDER BY f.rowid DESC LIMIT ? + ${extra}`, bindings: (m) => [loose(m)], dropsArticles: true };
  }
  if (filters.exact) return { sql: `SELECT f.rowid AS doc FROM ${t} f WHERE f.${t} MATCH ? ORDER BY f.rowid DESC LIMIT ?`, bindings: (m) => [withFilter(m, filters)], dropsArticles: false };
  return { sql: `SELECT f.rowid AS doc FROM ${from(filters)} WHERE f.${t} MATCH ? AND ${filters.sql} ORDER BY f.rowid DESC LIMIT ?`, bindings: (m) => [withArticles(m, filters), ...filters.bindings], dropsArticles: false };
}

interface Scores {
  /** Best attribute bucket (see rank); absent: none of them. */
  readonly b: number | null;
  readonly score: number;
  /** 0–3 when the document fits the named vehicle (see fitTiers), 4 when it does not. */
  readonly fit: number;
}

interface Candidate {
  readonly doc: number;
}

/**
 * Lists of matching documents (newest first, at most MAX_TOTAL_HITS + 1) by FTS5 expression, each
 * read once per search, and those asked for together in one statement: every statement is a round
 * trip to SQLite's thread. Each list is one JSON string: a thousand rows cost more to hand over
 * than to find.
 */
class ListReader {
  private readonly known = new Map<string, number[]>();

  constructor(
    private readonly raw: Raw,
    private readonly filters: Filters,
  ) {}

  peek(match: string): number[] | undefined {
    return this.known.get(match);
  }

  /**
   * `withinFirst`: every other list's documents are among the first's (a bucket or the fitting
   * documents of the matches). When the first is empty, the others are not looked for: FTS5 would
   * evaluate the whole expression once more for each (a query whose words do not all match, before
   * words are dropped).
   */
  async read(matches: readonly string[], { withinFirst = false } = {}): Promise<number[][]> {
    if (withinFirst && this.known.get(matches[0])?.length === 0) for (const m of matches) this.known.set(m, []);
    const missing = [...new Set(matches.filter((m) => !this.known.has(m)))];
    if (missing.length > 0) {
      const q = matchingDocsSql(this.filters);
      // No ORDER BY in the aggregate: a sort of its own (a temporary b-tree) cost a third of a list's
      // read, and the rows arrive newest first anyway; newestFirst makes sure of it.
      const list = `(SELECT ${jsonList('doc')} FROM (${q.sql}))`;
      const bind = (m: string) => [...q.bindings(m), MAX_TOTAL_HITS + 1];
      const articleList = q.dropsArticles ? `, ${ARTICLE_DOCS} AS articles` : '';
      const nested = withinFirst && missing.length > 1 && missing[0] === matches[0];
      const rest = missing.slice(1);
      const rows = await this.raw<Record<string, string>>(
        nested
          ? `SELECT l0, ${rest.map((_, i) => `CASE WHEN l0 = '[]' THEN '[]' ELSE ${list} END AS l${i + 1}`).join(', ')}${articleList} FROM (SELECT ${list} AS l0)`
          : `SELECT ${missing.map((_, i) => `${list} AS l${i}`).join(', ')}${articleList}`,
        // Bound in the order the placeholders appear in the text: nested, the first list's come last.
        nested ? [...rest.flatMap(bind), ...bind(missing[0])] : missing.flatMap(bind),
      );
      // Read in the same statement as the lists, so from the same snapshot.
      const articles = q.dropsArticles && rows.length > 0 ? new Set(JSON.parse(rows[0].articles) as number[]) : null;
      missing.forEach((m, i) => {
        const docs = rows.length > 0 ? newestFirst(JSON.parse(rows[0][`l${i}`]) as number[]) : [];
        this.known.set(m, articles && articles.size > 0 ? docs.filter((d) => !articles.has(d)).slice(0, MAX_TOTAL_HITS + 1) : docs);
      });
    }
    return matches.map((m) => this.known.get(m) as number[]);
  }
}

/**
 * The embedded engine's text ranking, after Meilisearch's rules: words (drop stop words, then the
 * most frequent words, never the vehicle or the part), the named vehicle and year, typo, proximity,
 * attribute, exactness; ties by bm25, not by age.
 */
export class TextRanker {
  constructor(
    private readonly raw: Raw,
    private readonly facts: DocFacts,
  ) {}

  async search(plan: QueryPlan, filters: Filters, sort: SearchSort, window: Window): Promise<TextOutcome> {
    let slots = plan.slots;
    const lists = new ListReader(this.raw, filters);
    // An empty window only counts the matches: no order to decide, unless there are more than are
    // ranked (then which of them count for the facets depends on the order).
    const ranking = sort === 'relevance' && window.to > window.from;
    // Ranking by relevance always reads the first attribute bucket and the documents fitting the
    // named vehicle: in the same statement as the matches.
    let matches = await this.candidates(slots, filters, sort, lists, ranking ? firstLists(slots, plan) : []);
    if (matches.length === 0 && slots.length > 1) {
      const order = await this.dropOrder(slots, filters);
      for (const drop of order) {
        if (slots.length === 1) break;
        slots = slots.filter((s) => s !== drop);
        matches = await this.candidates(slots, filters, sort, lists);
        if (matches.length > 0) break;
      }
      if (matches.length === 0 && slots.some((s) => s.broader)) {
        // Nothing for this model: the same part for its make, rather than nothing or another part.
        const wider = slots.map((s) => (s.broader ? { ...s, exact: [s.broader], typo: [], broader: undefined, terms: [] } : s));
        const found = await this.candidates(wider, filters, sort, lists);
        if (found.length > 0) {
          slots = wider;
          matches = found;
        }
      }
    }
    const rows = new Map<number, DocRow>();
    const ranks = sort === 'relevance' && matches.length > 1 && (ranking || matches.length > MAX_TOTAL_HITS);
    const ranked = ranks ? await this.rank(slots, plan, filters, matches, window, rows, lists) : matches.map((m) => m.doc);
    return { ranked, highlight: highlightOf(slots), rows };
  }

  /** Words that may go, most frequent first (Meilisearch's "frequency" strategy); vehicle and part words stay. */
  private async dropOrder(slots: readonly Slot[], filters: Filters): Promise<Slot[]> {
    const droppable = slots.filter((s) => !s.keep);
    const counts = new Map<Slot, number>();
    if (droppable.length === 0) return [];
    // Every word counted in one statement; should FTS5 refuse one word's expression (see safeRaw),
    // each alone, so the others still count.
    const t = filters.table;
    const count = (group: readonly Slot[]) =>
      this.raw<Record<string, number>>(
        `SELECT ${group.map((_, i) => `(SELECT count(*) FROM (SELECT rowid FROM ${t} WHERE ${t} MATCH ? LIMIT ${FREQUENCY_CAP})) AS n${i}`).join(', ')}`,
        group.map((s) => withFilter(inTextColumns([s], true), filters)),
      );
    const rows = await count(droppable);
    if (rows.length > 0) droppable.forEach((s, i) => counts.set(s, Number(rows[0][`n${i}`] ?? 0)));
    else for (const s of droppable) counts.set(s, Number((await count([s]))[0]?.n0 ?? 0));
    return [...droppable].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || slots.indexOf(b) - slots.indexOf(a));
  }

  private async candidates(slots: readonly Slot[], filters: Filters, sort: SearchSort, lists: ListReader, alongside: readonly string[] = []): Promise<Candidate[]> {
    const match = inTextColumns(slots, true);
    if (sort === 'relevance') return (await lists.read([match, ...alongside], { withinFirst: true }))[0].map((doc) => ({ doc }));
    return this.raw<Candidate>(
      `SELECT f.rowid AS doc FROM ${from(filters)} WHERE f.${filters.table} MATCH ? AND ${filters.sql} ORDER BY ${orderSql(sort)} LIMIT ?`,
      [withFilter(match, filters), ...filters.bindings, MAX_TOTAL_HITS + 1],
    );
  }

  /**
   * How well each matching document fits the vehicle the query names: 0 when a fitment row has
   * exactly that model and a year range containing the query's year, 1 for that model in other
   * years, 2–3 when the vehicle words only match its fitment text (宏光 in 宏光S). Documents not
   * listed do not fit at all, so other models of the same make never come first.
   */
  private async fitTiers(slots: readonly Slot[], plan: QueryPlan, lists: ListReader): Promise<Map<number, number>> {
    const tiers = new Map<number, number>();
    const fit = vehicleFit(slots, plan);
    if (!fit) return tiers;
    const [docs] = await lists.read([fit.match]);
    await this.facts.ensure(docs);
    for (const d of docs) tiers.set(d, this.facts.fitTier(d, fit.query));
    return tiers;
  }

  /**
   * For every match at once, in one statement: its best attribute bucket, its bm25 score and whether
   * its fitment text has the vehicle words (then its tier comes from the document facts). The filter
   * tokens narrow each part; the candidates decide which rows count.
   */
  private async scores(slots: readonly Slot[], plan: QueryPlan, filters: Filters, buckets: readonly string[], known: ListReader): Promise<Map<number, Scores>> {
    const fit = vehicleFit(slots, plan);
    // One row: the matches with their scores, then each bucket's and the fit's documents, every list a
    // JSON string (the LIMIT keeps bm25 out of the aggregate, where SQLite refuses it). Lists read
    // with the matches are not read again.
    const inFts = `FROM ${filters.table} WHERE ${filters.table} MATCH ?`;
    const wanted = [...buckets, ...(fit ? [fit.match] : [])];
    const lists = wanted.filter((m) => known.peek(m) === undefined);
    const rows = await this.raw<Record<string, string>>(
      [
        `SELECT (SELECT ${jsonList("doc || ',' || score")} FROM (SELECT rowid AS doc, ${bm25(filters.table)} AS score ${inFts} LIMIT -1)) AS scored`,
        ...lists.map((_, i) => `(SELECT ${jsonList('rowid')} ${inFts}) AS l${i}`),
      ].join(', '),
      // Articles scored or listed here are never ranked (only the matches are): FTS5 need not exclude them.
      [inTextColumns(slots, true), ...lists].map((m) => withArticles(m, filters)),
    );
    const out = new Map<number, { b: number | null; score: number; fit: number }>();
    if (rows.length === 0) return out;
    const scored = JSON.parse(rows[0].scored) as number[];
    for (let i = 0; i + 1 < scored.length; i += 2) out.set(scored[i], { b: null, score: scored[i + 1], fit: 4 });
    const listOf = (m: string): number[] => known.peek(m) ?? (JSON.parse(rows[0][`l${lists.indexOf(m)}`]) as number[]);
    // Later buckets are wider: walking them last to first leaves each document its first bucket.
    for (let i = buckets.length - 1; i >= 0; i--) for (const d of listOf(buckets[i])) { const e = out.get(d); if (e) e.b = i; }
    if (fit) {
      const fitting = listOf(fit.match);
      await this.facts.ensure(fitting);
      for (const d of fitting) { const e = out.get(d); if (e) e.fit = this.facts.fitTier(d, fit.query); }
    }
    return out;
  }

  private async rank(slots: readonly Slot[], plan: QueryPlan, filters: Filters, matches: readonly Candidate[], window: Window, rows: Map<number, DocRow>, lists: ListReader): Promise<number[]> {
    // Buckets: attributes with zero typos, then all attributes, then attributes with typos; a match in
    // none of them is in the last one. Without typo alternatives every candidate matches the whole query
    // exactly, so the all-attributes bucket is simply the rest and needs no query.
    const buckets = ATTRIBUTE_BUCKETS.map((cols) => matchExpression(slots, false, cols));
    if (hasTypos(slots)) buckets.push(inTextColumns(slots, false), ...ATTRIBUTE_BUCKETS.map((cols) => matchExpression(slots, true, cols)));
    const exactBuckets = ATTRIBUTE_BUCKETS.length + 1;

    if (matches.length > MAX_TOTAL_HITS) {
      // A broad query: fitting documents, then buckets in order until MAX_TOTAL_HITS, usually from the first one alone.
      const fit = await this.fitTiers(slots, plan, lists);
      const fitOf = (d: number) => fit.get(d) ?? 4;
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
      const list = async (i: number) => (await lists.read([buckets[i]]))[0];
      // A typo query usually has no exact match at all (门坎条): then the exact buckets, all inside
      // the exact all-attributes one, need no reading.
      const first = hasTypos(slots) && (await list(exactBuckets - 1)).length === 0 ? exactBuckets : 0;
      for (let i = first; i < buckets.length; i++) {
        if (ranked.length >= MAX_TOTAL_HITS) break;
        take(await list(i));
      }
      take(matches.map((m) => m.doc));
      return ranked;
    }
    // Every match is known (at most MAX_TOTAL_HITS): bm25 here only, where on a broad word it would cost more than the search.
    const scores = await this.scores(slots, plan, filters, buckets, lists);
    const none: Scores = { b: null, score: 0, fit: 4 };
    const of = (d: number) => scores.get(d) ?? none;
    const fitOf = (d: number) => of(d).fit;
    const bucketOf = (d: number) => of(d).b ?? buckets.length;
    const typoOf = (d: number) => (bucketOf(d) >= exactBuckets ? 1 : 0);
    const byRules = (a: number, b: number) => fitOf(a) - fitOf(b) || typoOf(a) - typoOf(b) || bucketOf(a) - bucketOf(b) || of(a).score - of(b).score || b - a;
    const ranked = matches.map((m) => m.doc).sort(byRules);
    // Proximity and exactness need the text: checked on the leading documents, which is where they show.
    // The same read brings the page's documents (positions past the window keep their place).
    const head = ranked.slice(0, PROXIMITY_WINDOW);
    const page = ranked.slice(Math.max(window.from, PROXIMITY_WINDOW), Math.max(window.to, PROXIMITY_WINDOW));
    for (const r of await this.docRows([...head, ...page])) rows.set(r.doc, r);
    const near = proximity(head, slots, rows);
    head.sort((a, b) => fitOf(a) - fitOf(b) || typoOf(a) - typoOf(b) || (near.get(b) ?? 0) - (near.get(a) ?? 0) || byRules(a, b));
    return [...head, ...ranked.slice(PROXIMITY_WINDOW)];
  }

  async docRows(docs: readonly number[]): Promise<DocRow[]> {
    if (docs.length === 0) return [];
    return this.raw<DocRow>(`SELECT ${DOC_COLUMNS} FROM search_docs d JOIN search_doc_texts t ON t.doc = d.doc WHERE d.doc IN (SELECT value FROM json_each(?))`, [JSON.stringify(docs)]);
  }
}

/**
 * The lists every relevance ranking of these slots reads: the first attribute bucket, the fitting
 * documents and, when typos widen the match, the exact matches in any attribute (whether any exist
 * decides which buckets a broad query reads; a narrow one ranks by it) and the first bucket with typos.
 */
function firstLists(slots: readonly Slot[], plan: QueryPlan): string[] {
  const fit = vehicleFit(slots, plan);
  // With typos, also the first attribute bucket with them: a typo usually has no exact match, and
  // then that bucket comes next (a narrow query's ranking reads it in any case).
  const typos = hasTypos(slots) ? [inTextColumns(slots, false), matchExpression(slots, true, ATTRIBUTE_BUCKETS[0])] : [];
  return [matchExpression(slots, false, ATTRIBUTE_BUCKETS[0]), ...typos, ...(fit ? [fit.match] : [])];
}

/**
 * The documents newest (highest number) first. SQLite hands an aggregate the rows in the order its
 * subquery produced them, but does not promise to: checked in one pass, sorted only if not.
 */
export function newestFirst(docs: number[]): number[] {
  for (let i = 1; i < docs.length; i++) if (docs[i] > docs[i - 1]) return docs.sort((a, b) => b - a);
  return docs;
}

/** SQL: the values of `expr` over the rows as one JSON array text ('[]' for none), in the order the rows come (see newestFirst). */
function jsonList(expr: string): string {
  return `'[' || coalesce(group_concat(${expr}), '') || ']'`;
}

/** Per document: query words found next to each other in the title, plus a bonus for the whole query as a phrase or the exact title. */
function proximity(docs: readonly number[], slots: readonly Slot[], rows: ReadonlyMap<number, DocRow>): Map<number, number> {
  const out = new Map<number, number>();
  if (slots.length === 0) return out;
  const words = slots.map((s) => s.text);
  const phrase = words.join('');
  for (const doc of docs) {
    const row = rows.get(doc);
    if (!row) continue;
    const title = compact(row.title);
    let score = 0;
    for (let i = 0; i + 1 < words.length; i++) {
      const at = title.indexOf(words[i]);
      if (at >= 0 && title.startsWith(words[i + 1], at + words[i].length)) score += 1;
    }
    if (words.length > 1 && title.includes(phrase)) score += 1;
    if (title === phrase) score += 2;
    out.set(doc, score);
  }
  return out;
}

/** The models the query's vehicle words name, folded as fitment models are compared (宝骏310, not 宝骏310W). */
export function namedModels(slots: readonly Slot[]): string[] {
  return [...new Set(slots.filter((s) => s.vehicle).flatMap((s) => s.models ?? []))];
}

/** SQL: the document in column `doc` has a fitment row for exactly one of the models bound as a JSON list. */
export function fitsModelSql(doc: string): string {
  return `EXISTS (SELECT 1 FROM search_vehicles v WHERE v.doc = ${doc} AND replace(replace(lower(v.model), ' ', ''), '-', '') IN (SELECT value FROM json_each(?)))`;
}

/**
 * How a match fits the vehicle the query names: the FTS5 expression of matches whose fitment text
 * has the vehicle words, and what their fitment rows are checked against (DocFacts.fitTier): exactly
 * the named model, and a year range containing the query's years.
 */
function vehicleFit(slots: readonly Slot[], plan: QueryPlan): { match: string; query: FitQuery } | null {
  const vehicle = slots.filter((s) => s.vehicle);
  if (vehicle.length === 0) return null;
  return {
    match: `(${inTextColumns(slots, true)}) AND (${matchExpression(vehicle, false, ['vehicle'])})`,
    query: { models: new Set(namedModels(vehicle)), yearFrom: plan.yearFrom, yearTo: plan.yearTo },
  };
}
/** A title as query words are compared with it: folded, codes joined, no spaces. */
export function compact(text: string): string {
  return joinHyphenatedCodes(fold(text)).replace(/\s+/g, '');
}
