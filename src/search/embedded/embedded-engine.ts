import { performance } from 'node:perf_hooks';
import type { Knex } from 'knex';
import { hitSuggestion, type DocumentKey, type SearchDocument, type SearchEngine, type SearchHealth, type SearchHit, type SearchQuery, type SearchResult, type Suggestion } from '../search-engine';
import { loadSynonymGroups } from '../synonyms';
import { analyzeQuery, escapeHtml, fold, highlight, Vocabulary, type HighlightTerms } from '../text';
import { escapeLike } from '../../db/knex';
import { clearIndex, lastDocNumber, prepareDocuments, removeDocuments, writeDocuments, writePrepared, type FtsColumns } from './index-writer';
import { startAnalyzer, type Analyzer } from './analysis-pool';
import { toHit, type DocRow } from './hit-builder';
import { buildSynonymIndex, MAX_PREFIX_TERMS, planQuery, prefixWords, type QueryPlan, type SynonymIndex } from './query-plan';
import { sqliteChangeProbe, VersionedCache } from '../../shared/content-version';
import { rawReader, type RawRead } from '../../db/raw-reader';
import { quickSuggestions } from './quick-suggestions';
import { DocFacts, type FacetDistribution } from './doc-facts';
import { MAX_TOTAL_HITS, TextRanker, type TextOutcome, type Window } from './text-ranker';
import { loadStopWords, STOPWORDS_VERSION_SQL } from '../stopwords';
import { browseFacetSql, facetsAndDocsSql, facetSql, filterSql, orderSql, toFacetDistribution, type FacetOrDocRow, type Filters, type SqlPart, FTS_TABLE, ARTICLE_FTS_TABLE } from './sql-parts';

export { MAX_TOTAL_HITS };

/** Bump when indexTerms changes what a document is indexed as: existing indexes are rebuilt on start. */
export const ANALYZER_VERSION = 'issue11-prefix-terms-5';
const META_TABLE = 'search_index_meta';

/** Words read from a query before noise and years are set aside (the plan keeps ten, as Meilisearch). */
const QUERY_WORDS_READ = 24;
const PLAN_CACHE_SIZE = 1000;
/** Rebuilds of at least this many documents analyse text in a worker thread (starting one costs ~0.5 s). */
const WORKER_FROM = 20_000;

type Conn = Knex | Knex.Transaction;

/** Where `reindex` reads the truth from. It gets the reindex transaction, so it can read on the one SQLite connection. */
export interface DocumentSource {
  count(conn: Conn): Promise<number>;
  batches(conn: Conn): AsyncIterable<readonly SearchDocument[]>;
}


export class EmbeddedSearchEngine implements SearchEngine {
  readonly name = 'embedded' as const;
  /** Latin words typo tolerance draws from (the prefix terms stay in search_terms, read per plan). */
  private readonly vocabulary = new Vocabulary();
  private vocabularyId = 0;
  private synonyms: SynonymIndex = buildSynonymIndex([]);
  private synonymsVersion = '';
  private stopWords: ReadonlySet<string> = new Set();
  private stopWordsVersion = '';
  /** Category, price and fitment of every document, for facets and vehicle tiers without SQL joins. */
  private readonly facts = new DocFacts((sql, bindings) => this.safeRaw(sql, bindings));
  private readonly ranker = new TextRanker((sql, bindings) => this.safeRaw(sql, bindings), this.facts);
  /**
   * Query plans by query text, for the synonyms, stop words and vocabulary loaded now; searches
   * arriving together (type=all's products and articles) share one.
   */
  private readonly plans = new VersionedCache<QueryPlan | null>(PLAN_CACHE_SIZE);
  private readonly changeToken: (() => string) | null;
  private readonly read: RawRead;
  private cachesReadAt: string | null = null;
  private refreshing: { readonly token: string | null; readonly done: Promise<void> } | null = null;

  constructor(
    private readonly db: Knex,
    private readonly source: DocumentSource,
  ) {
    this.changeToken = sqliteChangeProbe(db);
    this.read = rawReader(db);
  }

  async index(trx: Knex.Transaction, docs: readonly SearchDocument[]): Promise<void> {
    await writeDocuments(trx, docs);
  }

  async remove(trx: Knex.Transaction, keys: readonly DocumentKey[]): Promise<void> {
    await removeDocuments(trx, keys);
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const started = performance.now();
    const filters = filterSql(query);
    const from = (query.page - 1) * query.perPage;
    let ids: readonly number[];
    let totalHits: number;
    let facets: SqlPart | null = null;
    let facetDistribution: FacetDistribution | null = null;
    let match: HighlightTerms = { terms: new Set(), prefixes: [] };
    let known: ReadonlyMap<number, DocRow> = new Map();
    let considered: readonly number[] | null = null;
    const text = await this.textSearch(query, filters, { from, to: from + query.perPage });
    if (text) {
      ids = text.ranked.slice(from, from + query.perPage);
      known = text.rows;
      totalHits = Math.min(text.ranked.length, MAX_TOTAL_HITS);
      considered = text.ranked.slice(0, MAX_TOTAL_HITS);
      match = text.highlight;
    } else {
      // Browsing: a selective filter (category, make, model) is a posting list in FTS5, which finds
      // its documents directly; otherwise the document table's indexes serve the sort.
      const source = filters.selective && filters.fts
        ? { from: 'search_fts f CROSS JOIN search_docs d ON d.doc = f.rowid', where: `f.search_fts MATCH ? AND ${filters.sql}`, bindings: [filters.fts, ...filters.bindings] }
        : { from: 'search_docs d', where: filters.sql, bindings: [...filters.bindings] };
      const rows = await this.safeRaw<{ doc: number }>(
        `SELECT d.doc FROM ${source.from} WHERE ${source.where} ORDER BY ${orderSql(query.sort)} LIMIT ? OFFSET ?`,
        [...source.bindings, query.perPage, from],
      );
      ids = rows.map((r) => r.doc);
      const count = await this.safeRaw<{ n: number }>(`SELECT count(*) AS n FROM ${source.from} WHERE ${source.where}`, source.bindings);
      totalHits = Number(count[0]?.n ?? 0);
      facets = source.from === 'search_docs d' ? browseFacetSql(filters) : facetSql({ sql: `SELECT d.doc FROM ${source.from} WHERE ${source.where}`, bindings: source.bindings });
    }
    // No documents, no facets (an article search for a product word usually ends here); the page's
    // documents not read while ranking come in the same statement as the counts.
    const combined = facetsAndDocsSql(totalHits > 0 && facets ? facets : null, ids.filter((id) => !known.has(id)));
    const reading = combined ? this.read<FacetOrDocRow>(combined.sql, combined.bindings) : Promise.resolve([]);
    if (considered) {
      // Counted from the document facts while SQLite reads the page.
      reading.catch(() => undefined);
      await this.facts.ensure(considered);
      facetDistribution = this.facts.facets(considered);
    }
    const rows = await reading;
    const docs = new Map(known);
    for (const r of rows) {
      if (r.doc === null) continue;
      const doc = JSON.parse(r.doc) as DocRow;
      docs.set(doc.doc, doc);
    }
    const hits = await this.hits(ids, match, docs);
    return {
      query: query.q, engine: 'embedded', hits, facetDistribution: facetDistribution ?? toFacetDistribution(rows), totalHits,
      page: query.page, hitsPerPage: query.perPage, processingTimeMs: Math.round(performance.now() - started),
    };
  }

  async suggest(q: string, limit: number): Promise<Suggestion[]> {
    const n = Math.max(0, Math.min(limit, 20));
    if (n === 0) return [];
    const query: SearchQuery = { q, type: 'all', sort: 'relevance', page: 1, perPage: n };
    const text = await this.textSearch(query, filterSql(query), { from: 0, to: n });
    if (!text) return [];
    const categories = await this.categorySuggestions(q, text.highlight, Math.min(3, n));
    const hits = await this.hits(text.ranked.slice(0, n - categories.length), text.highlight, text.rows);
    return [...categories, ...hits.map(hitSuggestion)];
  }

  async suggestProducts(q: string, limit: number): Promise<Suggestion[]> {
    const plan = await this.plan(q);
    if (!plan) return [];
    const filters = filterSql({ q, type: 'product', sort: 'relevance', page: 1, perPage: limit });
    return quickSuggestions((sql, bindings) => this.safeRaw(sql, bindings), plan, filters, limit);
  }

  async reindex(onProgress?: (done: number, total: number) => void, options: { workerFrom?: number } = {}): Promise<void> {
    await this.db.transaction(async (trx) => {
      const total = await this.source.count(trx);
      const analyzer = total >= (options.workerFrom ?? WORKER_FROM) ? await startAnalyzer() : null;
      try {
        // Numbered on from the old index's numbers, read before it is cleared: a process holding
        // facts of the old documents must never see one of their numbers again.
        const first = (await lastDocNumber(trx)) + 1;
        await clearIndex(trx);
        await this.rebuild(trx, first, total, analyzer, onProgress);
      } finally {
        await analyzer?.close();
      }
      // Merge FTS5 segments once: later queries read one b-tree per term instead of many.
      for (const table of [FTS_TABLE, ARTICLE_FTS_TABLE]) await trx.raw(`INSERT INTO ${table}(${table}) VALUES ('optimize')`);
    });
    // A rebuild leaves the whole index in the WAL; until it is checkpointed every read searches the
    // WAL index first, which made queries after a 100k reindex several times slower.
    if (this.db.client.config.client !== 'pg') await this.db.raw('PRAGMA wal_checkpoint(TRUNCATE)');
    await this.facts.refresh();
  }

  /**
   * A pipeline: SQLite writes batch N on its thread while the analyzer (a worker thread for big
   * rebuilds) segments batch N+1 and this thread reads batch N+2. The writes are handed to SQLite
   * all at once (writePrepared), so they never wait for this thread.
   */
  private async rebuild(trx: Knex.Transaction, first: number, total: number, analyzer: Analyzer | null, onProgress?: (done: number, total: number) => void): Promise<void> {
    let done = 0;
    let next = first;
    onProgress?.(0, total);
    let writing: Promise<void> = Promise.resolve();
    let inFlight = 0;
    const written = async () => {
      await writing;
      done += inFlight;
      if (inFlight > 0) onProgress?.(done, Math.max(total, done));
      inFlight = 0;
    };
    const write = async (batch: readonly SearchDocument[], columns: Promise<FtsColumns[]> | null) => {
      const prepared = prepareDocuments(batch, next, columns ? await columns : undefined);
      next = prepared.next;
      await written();
      writing = writePrepared(trx, prepared);
      inFlight = batch.length;
      // Awaited on the next turn or after the loop; until then a failure must not go unhandled.
      writing.catch(() => undefined);
    };
    let analysing: { batch: readonly SearchDocument[]; columns: Promise<FtsColumns[]> | null } | null = null;
    try {
      for await (const batch of this.source.batches(trx)) {
        const current = { batch, columns: analyzer ? analyzer.analyse(batch) : null };
        current.columns?.catch(() => undefined);
        if (analysing) await write(analysing.batch, analysing.columns);
        analysing = current;
      }
      if (analysing) await write(analysing.batch, analysing.columns);
      await written();
    } catch (err) {
      // The transaction rolls back when this throws: no insert may still be queued behind it.
      await writing.catch(() => undefined);
      throw err;
    }
  }

  async prepare(): Promise<void> {
    if (!(await this.db.schema.hasTable(META_TABLE))) return;
    const row = await this.db(META_TABLE).where({ name: 'analyzer' }).first<{ value: string } | undefined>('value');
    // Read before serving: at a million documents this takes seconds, which no shopper should wait for.
    if (row?.value === ANALYZER_VERSION) return this.facts.refresh();
    await this.reindex();
    await this.db(META_TABLE).insert({ name: 'analyzer', value: ANALYZER_VERSION }).onConflict('name').merge();
  }

  async health(): Promise<SearchHealth> {
    try {
      const rows = await this.db.raw<{ n: number }[]>('SELECT count(*) AS n FROM search_docs');
      await this.db.raw(`SELECT rowid FROM search_fts WHERE search_fts MATCH '"qipei"' LIMIT 1`);
      return { ok: true, detail: `${rows[0].n} documents` };
    } catch (err) {
      return { ok: false, detail: err instanceof Error ? err.message : String(err) };
    }
  }

  /** Ranked internal numbers of the matches (at most MAX_TOTAL_HITS + 1), or null when q has no words. */
  private async textSearch(query: SearchQuery, filters: Filters, window: Window): Promise<TextOutcome | null> {
    const plan = await this.plan(query.q);
    return plan ? this.ranker.search(plan, filters, query.sort, window) : null;
  }

  /**
   * The query's words as FTS5 slots, or null when q has none. Segmenting, folding and expanding a
   * query does not depend on the documents: done once per text while the caches stay the same.
   */
  private async plan(q: string): Promise<QueryPlan | null> {
    // Browsing (no letter or digit at all) needs neither the caches nor a plan.
    if (!/[\p{L}\p{N}]/u.test(q)) return null;
    await this.refreshCaches();
    return this.plans.get(this.cachesVersion(), q, () => this.newPlan(q));
  }

  /** What the plans were made from: a plan made while this moved is not kept. */
  private cachesVersion(): string {
    return `${this.vocabularyId}|${this.synonymsVersion}|${this.stopWordsVersion}`;
  }

  private async newPlan(q: string): Promise<QueryPlan | null> {
    const analyzed = analyzeQuery(q, QUERY_WORDS_READ);
    let plan: QueryPlan | null = null;
    if (analyzed.words.length > 0) {
      const completions = await this.completions(prefixWords(analyzed));
      plan = planQuery(analyzed, { synonyms: this.synonyms, stopWords: this.stopWords, vocabulary: this.vocabulary, complete: (w) => completions.get(w) ?? null });
    }
    return plan;
  }

  /**
   * The index terms each word starts (see isPrefixTerm), from search_terms' index: null for a word
   * more than MAX_PREFIX_TERMS terms start, left to FTS5's prefix scan. Read when a query is planned,
   * not held in memory: a catalogue of part numbers has millions of such terms.
   */
  private async completions(words: readonly string[]): Promise<Map<string, readonly string[] | null>> {
    const out = new Map<string, readonly string[] | null>();
    for (const w of words) {
      const rows = await this.safeRaw<{ term: string }>('SELECT term FROM search_terms WHERE term >= ? AND term < ? ORDER BY term LIMIT ?', [w, `${w}\u{10FFFF}`, MAX_PREFIX_TERMS + 1]);
      out.set(w, rows.length > MAX_PREFIX_TERMS ? null : rows.map((r) => r.term));
    }
    return out;
  }

  /**
   * FTS5 only ever sees quoted terms we produced, but SQLite's tokenizer tables are older than
   * JavaScript's Unicode data: a character it splits on would turn a term into an unsupported
   * phrase. Such a query matches nothing rather than failing the request.
   */
  private async safeRaw<T>(sql: string, bindings: readonly (string | number)[]): Promise<T[]> {
    try {
      return await this.read<T>(sql, bindings);
    } catch (err) {
      if (err instanceof Error && /fts5|MATCH/i.test(err.message)) return [];
      throw err;
    }
  }

  private async hits(ids: readonly number[], match: HighlightTerms, known: ReadonlyMap<number, DocRow> = new Map()): Promise<SearchHit[]> {
    if (ids.length === 0) return [];
    const byDoc = new Map(known);
    for (const r of await this.ranker.docRows(ids.filter((id) => !known.has(id)))) byDoc.set(r.doc, r);
    return ids.flatMap((id) => {
      const row = byDoc.get(id);
      return row ? [toHit(row, match)] : [];
    });
  }

  private async categorySuggestions(q: string, match: HighlightTerms, limit: number): Promise<Suggestion[]> {
    const folded = fold(q).trim();
    if (!folded || !(await this.db.schema.hasTable('categories'))) return [];
    const like = `%${escapeLike(folded)}%`;
    const rows = await this.db('categories')
      .select<{ slug: string; name: string }[]>('slug', 'name')
      .whereRaw("name LIKE ? ESCAPE '\\'", [like])
      .orWhereRaw("lower(name_en) LIKE ? ESCAPE '\\'", [like])
      .orderBy('position')
      .limit(limit);
    return rows.map((r) => ({ type: 'category', title: r.name, url: `/c/${r.slug}`, _formatted: { title: highlight(r.name, match) || escapeHtml(r.name) } }));
  }

  /**
   * One cheap read tells whether new vocabulary or edited synonyms must be loaded; it is skipped
   * while nothing at all has been committed to the database file since the last one.
   */
  private async refreshCaches(): Promise<void> {
    const token = this.changeToken?.() ?? null;
    if (token !== null && token === this.cachesReadAt) return;
    // Searches arriving together (type=all's products and articles) share one refresh.
    if (this.refreshing?.token !== token || token === null) {
      const refresh = (async () => {
        await this.readCaches();
        await this.facts.refresh();
        this.cachesReadAt = token;
      })();
      this.refreshing = { token, done: refresh };
      const settled = () => this.refreshing?.done === refresh && (this.refreshing = null);
      refresh.then(settled, settled);
    }
    await this.refreshing!.done;
  }

  private async readCaches(): Promise<void> {
    // On the engine's own connections: a write transaction holding knex's one connection must not
    // hold up searches.
    const rows = await this.read<{ vocab: number | null; syn: string; stop: string }>(
      `SELECT (SELECT max(id) FROM search_terms) AS vocab,
              (SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(max(updated_at), 0) FROM search_synonyms) AS syn,
              ${STOPWORDS_VERSION_SQL} AS stop`,
      [],
    );
    const { vocab, syn, stop } = rows[0];
    if (stop !== this.stopWordsVersion) {
      this.stopWords = new Set(await loadStopWords(this.db));
      this.stopWordsVersion = stop;
    }
    if (Number(vocab ?? 0) > this.vocabularyId) {
      // Typo targets only: Latin words of 4–40 letters, long enough for a 5+ letter query's one edit.
      // The rest of search_terms is read per plan.
      const terms = await this.read<{ term: string }>(
        "SELECT term FROM search_terms WHERE id > ? AND length(term) BETWEEN 4 AND 40 AND term NOT GLOB '*[^a-z]*'",
        [this.vocabularyId],
      );
      for (const t of terms) this.vocabulary.add(t.term);
      this.vocabularyId = Number(vocab);
    }
    if (syn !== this.synonymsVersion) {
      this.synonyms = buildSynonymIndex(await loadSynonymGroups(this.db));
      this.synonymsVersion = syn;
    }
  }
}
