import type { Knex } from 'knex';
import { Meilisearch, MeilisearchApiError, MeilisearchRequestError, MeilisearchRequestTimeOutError } from 'meilisearch';
import { AppError } from '../../shared/errors';
import type { DocumentKey, SearchDocument, SearchEngine, SearchHealth, SearchQuery, SearchResult, Suggestion } from '../search-engine';
import { fold, segmenterWords } from '../text';
import { OutboxStore } from '../outbox/outbox-store';
import { OutboxWorker, type DrainReport, type OutboxWorkerOptions } from '../outbox/outbox-worker';
import { IndexAdmin, isIndexNotFound } from './index-admin';
import { MeiliSink, type TaskWait } from './meili-sink';
import { buildSearchParams, foldQuery, POST_TAG, PRE_TAG } from './query-builder';
import { toMarkedHtml, toSearchResult } from './result-mapper';
import { reindex } from './reindex';
import { queryAttempts } from './query-rewrite';
import { STOPWORDS_VERSION_SQL } from '../stopwords';

export interface MeilisearchEngineOptions {
  readonly db: Knex;
  readonly host: string;
  readonly apiKey?: string;
  /** MEILI_INDEX_PREFIX; the index is `${indexPrefix}documents` (products and articles, `type` field). */
  readonly indexPrefix: string;
  /** Synonyms in Meilisearch's format (`loadSynonyms(db)` of src/search/synonyms.ts). */
  readonly loadSynonyms: () => Promise<Record<string, string[]>>;
  /** Every searchable document, in batches: the source of a reindex. */
  readonly loadDocuments: () => AsyncIterable<readonly SearchDocument[]>;
  /** For the reindex progress bar; optional. */
  readonly countDocuments?: () => Promise<number>;
  /** The shared stop-word list (search_stopwords): Meilisearch `stopWords`, and left out of queries. */
  readonly loadStopWords?: () => Promise<string[]>;
  /** Words Meilisearch must not split (makes, models, part names); defaults to the text module's. */
  readonly dictionary?: readonly string[];
  readonly maxTotalHits?: number;
  readonly maxValuesPerFacet?: number;
  readonly taskTimeoutMs?: number;
  readonly taskPollMs?: number;
  readonly requestTimeoutMs?: number;
  readonly worker?: Partial<OutboxWorkerOptions>;
  readonly logger?: OutboxWorkerOptions['logger'] & { warn(obj: object, msg: string): void };
}

/** Unreachable, timed out, or a 5xx: the search is unavailable, not the request wrong. */
function isOutage(e: unknown): boolean {
  if (e instanceof MeilisearchRequestError || e instanceof MeilisearchRequestTimeOutError) return true;
  return e instanceof MeilisearchApiError && e.response.status >= 500;
}

export class SearchUnavailableError extends AppError {
  constructor(detail: string) {
    super(503, 'search_unavailable', '搜索暂时不可用，请稍后再试', { detail });
  }
}

/**
 * Meilisearch adapter. Writes go to the outbox inside the caller's transaction; the worker delivers
 * them. Search reads Meilisearch directly and maps its answer to the `/api/search` shape.
 */
export class MeilisearchEngine implements SearchEngine {
  readonly name = 'meilisearch' as const;
  readonly indexUid: string;
  readonly client: Meilisearch;
  readonly store: OutboxStore;
  readonly worker: OutboxWorker;
  private readonly admin: IndexAdmin;
  private readonly wait: TaskWait;
  private readonly maxTotalHits: number;
  private ready: Promise<void> | null = null;
  private stopWords: { version: string; words: ReadonlySet<string> } = { version: '', words: new Set() };

  constructor(private readonly opts: MeilisearchEngineOptions) {
    this.indexUid = `${opts.indexPrefix}documents`;
    // 1000 like Meilisearch's default and the embedded engine's MAX_TOTAL_HITS: same totalHits from both.
    this.maxTotalHits = opts.maxTotalHits ?? 1000;
    this.client = new Meilisearch({ host: opts.host, apiKey: opts.apiKey, timeout: opts.requestTimeoutMs ?? 10_000 });
    this.wait = { timeoutMs: opts.taskTimeoutMs ?? 30_000, intervalMs: opts.taskPollMs ?? 25 };
    this.admin = new IndexAdmin(this.client, this.wait, async () => ({
      synonyms: await opts.loadSynonyms(),
      stopWords: (await opts.loadStopWords?.()) ?? [],
      dictionary: opts.dictionary ?? segmenterWords(),
      maxTotalHits: this.maxTotalHits,
      maxValuesPerFacet: opts.maxValuesPerFacet ?? 100,
    }));
    this.store = new OutboxStore(opts.db);
    const sink = new MeiliSink(this.client, this.wait, (target) => (target === this.indexUid ? this.ensureSettings() : Promise.resolve()));
    this.worker = new OutboxWorker(this.store, sink, () => this.indexUid, { ...opts.worker, logger: opts.logger });
  }

  /** The stop-word table, re-read when it changes (one small query per search, like the embedded engine). */
  private async currentStopWords(): Promise<ReadonlySet<string>> {
    if (!this.opts.loadStopWords) return this.stopWords.words;
    const rows = (await this.opts.db.raw(`SELECT ${STOPWORDS_VERSION_SQL} AS v`)) as unknown;
    const list = Array.isArray(rows) ? rows : (rows as { rows: { v: string }[] }).rows;
    const version = String((list[0] as { v: unknown } | undefined)?.v ?? '');
    if (version !== this.stopWords.version) this.stopWords = { version, words: new Set(await this.opts.loadStopWords()) };
    return this.stopWords.words;
  }

  /** Creates the index if needed and applies the settings, once per process (again after a failure). */
  ensureSettings(): Promise<void> {
    this.ready ??= this.admin.ensure(this.indexUid).catch((e: unknown) => {
      this.ready = null;
      throw e;
    });
    return this.ready;
  }

  /** Re-applies settings now, e.g. after an admin edited the synonyms. */
  async refreshSettings(): Promise<void> {
    this.ready = null;
    await this.ensureSettings();
  }

  async index(trx: Knex.Transaction, docs: readonly SearchDocument[]): Promise<void> {
    await this.store.enqueueUpserts(trx, docs);
    this.wakeAfterCommit(trx);
  }

  async remove(trx: Knex.Transaction, keys: readonly DocumentKey[]): Promise<void> {
    await this.store.enqueueDeletes(trx, keys);
    this.wakeAfterCommit(trx);
  }

  private wakeAfterCommit(trx: Knex.Transaction): void {
    trx.executionPromise?.then(
      () => this.worker.wake(),
      () => undefined,
    );
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    try {
      const attempts = queryAttempts(query.q, await this.currentStopWords());
      let result: SearchResult | null = null;
      for (const text of attempts.length > 0 ? attempts : [query.q]) {
        const { q, params } = buildSearchParams({ ...query, q: text });
        result = { ...toSearchResult(await this.client.index(this.indexUid).search(q, params), query), query: query.q };
        if (result.totalHits > 0) break;
      }
      return result!;
    } catch (e) {
      if (isIndexNotFound(e)) {
        // Nothing delivered yet (first start): an empty index, not an outage.
        return { query: query.q, engine: 'meilisearch', hits: [], facetDistribution: { category: {}, make: {}, model: {}, price: {} }, totalHits: 0, page: query.page, hitsPerPage: query.perPage, processingTimeMs: 0 };
      }
      if (e instanceof AppError) throw e;
      if (isOutage(e)) throw new SearchUnavailableError((e as Error).message);
      throw e;
    }
  }

  async suggest(q: string, limit: number): Promise<Suggestion[]> {
    const text = foldQuery(q);
    if (!text || limit < 1) return [];
    let res;
    try {
      res = await this.client.index(this.indexUid).search(text, {
        limit,
        attributesToRetrieve: ['type', 'title', 'url', 'image', 'category', 'categoryName'],
        attributesToHighlight: ['title'],
        highlightPreTag: PRE_TAG,
        highlightPostTag: POST_TAG,
        matchingStrategy: 'all',
        ...(/\p{Script=Han}/u.test(text) ? { locales: ['cmn'] } : {}),
      });
    } catch (e) {
      if (isIndexNotFound(e)) return [];
      if (isOutage(e)) throw new SearchUnavailableError((e as Error).message);
      throw e;
    }
    type Row = { type: 'product' | 'article'; title: string; url: string; image?: string | null; category: string | null; categoryName: string | null; _formatted?: { title?: string } };
    const rows = res.hits as unknown as Row[];
    const categories = new Map<string, Suggestion>();
    for (const r of rows) {
      if (r.category && r.categoryName && fold(r.categoryName).includes(text) && !categories.has(r.category)) {
        categories.set(r.category, { type: 'category', title: r.categoryName, url: `/c/${r.category}`, _formatted: { title: toMarkedHtml(`${PRE_TAG}${r.categoryName}${POST_TAG}`) } });
      }
    }
    const hits: Suggestion[] = rows.map((r) => ({
      type: r.type,
      title: r.title,
      url: r.url,
      image: r.image ?? null,
      _formatted: { title: toMarkedHtml(r._formatted?.title ?? r.title) },
    }));
    // As the embedded engine: up to three categories first, then documents up to the limit.
    return [...[...categories.values()].slice(0, Math.min(3, limit)), ...hits].slice(0, limit);
  }

  async reindex(onProgress?: (done: number, total: number) => void): Promise<void> {
    await reindex(
      {
        client: this.client,
        admin: this.admin,
        store: this.store,
        worker: this.worker,
        wait: this.wait,
        liveUid: this.indexUid,
        loadDocuments: this.opts.loadDocuments,
        countDocuments: this.opts.countDocuments,
        leaseTtlMs: this.opts.worker?.leaseTtlMs ?? 60_000,
        logger: this.opts.logger,
      },
      onProgress,
    );
    this.ready = null;
  }

  async health(): Promise<SearchHealth> {
    const lag = await this.store.lag();
    const detail = `outbox: ${lag.pending} pending, oldest ${Math.round(lag.oldestAgeMs / 1000)}s, ${lag.dead} dead`;
    try {
      await this.client.health();
      return { ok: true, detail, outboxLag: lag.pending };
    } catch (e) {
      return { ok: false, detail: `meilisearch unreachable (${e instanceof Error ? e.message : String(e)}); ${detail}`, outboxLag: lag.pending };
    }
  }

  start(): void {
    this.worker.start();
  }

  async stop(): Promise<void> {
    await this.worker.stop();
  }

  /** Delivers everything ready now; tests and the reindex CLI use it. */
  drain(): Promise<DrainReport> {
    return this.worker.drainAll();
  }
}
