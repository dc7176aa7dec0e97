import type { Knex } from 'knex';
import { Meilisearch } from 'meilisearch';
import { AppError } from '../../shared/errors';
import type { DocumentKey, SearchDocument, SearchEngine, SearchHealth, SearchQuery, SearchResult, Suggestion } from '../search-engine';
import { fold, segmenterWords } from '../text';
import { OutboxStore } from '../outbox/outbox-store';
import { OutboxWorker, type DrainReport, type OutboxSink, type OutboxWorkerOptions } from '../outbox/outbox-worker';
import { IndexAdmin } from './index-admin';
import { IndexGuard, type IndexCondition } from './index-guard';
import { isIndexNotFound, isOutage, SettingsRejected } from './meili-errors';
import { MeiliSink, type TaskWait } from './meili-sink';
import { buildSearchParams, foldQuery, POST_TAG, PRE_TAG } from './query-builder';
import { toMarkedHtml, toSearchResult } from './result-mapper';
import { reindex, type ReindexDeps, type ReindexOutcome } from './reindex';
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
  /**
   * Outbox worker tuning. Production keeps the defaults (backoff 1 s doubling to 5 min); tests
   * shrink the backoff range so a whole outage cycle fits in a test.
   */
  readonly worker?: Partial<OutboxWorkerOptions>;
  readonly logger?: OutboxWorkerOptions['logger'] & { warn(obj: object, msg: string): void };
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
  private readonly guard: IndexGuard;
  private ready: Promise<void> | null = null;
  /** When the live index was created, as last configured: a different one was recreated or swapped in. */
  private liveCreatedAt: string | null = null;
  /** Why the server refused the settings; shown in /readyz until the settings are sent again. */
  private settingsError: string | null = null;
  /** Set by stop(): an automatic rebuild in progress gives up between batches. */
  private stopping = false;
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
    const sink = new MeiliSink(this.client, this.wait, (target) => (target === this.indexUid ? this.prepareLive() : Promise.resolve()));
    // Settings rows (an admin edited synonyms or stop words) send the settings again before the documents.
    const liveSink: OutboxSink = { apply: (target, rows) => sink.apply(target, rows), applySettings: () => this.resendSettings() };
    const workerOptions = { ...opts.worker, logger: opts.logger };
    this.worker = new OutboxWorker(this.store, liveSink, () => this.indexUid, workerOptions);
    this.guard = new IndexGuard({
      admin: this.admin,
      store: this.store,
      liveUid: this.indexUid,
      ensureSettings: () => this.ensureSettings(),
      countDocuments: opts.countDocuments,
      rebuild: (onlyIf) => this.runReindex(undefined, { onlyIf }),
      retryBaseMs: opts.worker?.retryBaseMs ?? 1000,
      retryMaxMs: opts.worker?.retryMaxMs ?? 5 * 60_000,
      logger: opts.logger,
    });
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

  /**
   * Creates the index if needed and applies the settings, once per process (again after a
   * failure). Settings the server refuses stay refused, without being resent, until they change
   * (`refreshSettings`), a reindex, or a restart: resending them cannot help.
   */
  ensureSettings(): Promise<void> {
    this.ready ??= this.admin.ensure(this.indexUid).then(
      (createdAt) => {
        this.liveCreatedAt = createdAt;
        this.settingsError = null;
      },
      (e: unknown) => {
        if (e instanceof SettingsRejected) {
          this.settingsError = e.message;
          this.opts.logger?.error({ err: e.message, index: this.indexUid }, 'meilisearch refused the index settings; search changes wait in the outbox until an operator acts');
        } else this.ready = null;
        throw e;
      },
    );
    return this.ready;
  }

  /** Sends the settings as the database has them now. A refusal is kept for /readyz (and logged), not thrown. */
  private async resendSettings(): Promise<void> {
    this.ready = null;
    this.settingsError = null;
    this.admin.forgetSettings(this.indexUid);
    await this.ensureSettings().catch((e: unknown) => {
      if (!(e instanceof SettingsRejected)) throw e;
    });
  }

  /**
   * Re-applies settings now, e.g. right after an admin saved the synonyms: the settings rows written
   * before it are covered. Unreachable → throws and the rows stay for the worker.
   */
  async refreshSettings(): Promise<void> {
    const upTo = await this.store.settingsDueUpTo();
    await this.resendSettings();
    await this.store.clearSettings(upTo);
    if (this.settingsError) throw new SettingsRejected(this.settingsError);
  }

  /** Synonyms or stop words changed in `trx`: an outbox row makes sure the settings follow, even after an outage. */
  async settingsChanged(trx: Knex.Transaction): Promise<void> {
    await this.store.enqueueSettings(trx);
    this.wakeAfterCommit(trx);
  }

  /** Before each batch to the live index: configured, and still the index we configured. */
  private async prepareLive(): Promise<void> {
    await this.ensureSettings();
    const createdAt = await this.admin.createdAt(this.indexUid);
    if (createdAt === this.liveCreatedAt) return;
    // Swapped in by a reindex elsewhere, or deleted / recreated behind our back: configure it again.
    this.ready = null;
    if (createdAt === null) {
      this.opts.logger?.error({ index: this.indexUid }, 'meilisearch index disappeared; recreating it and rebuilding from the database');
      this.guard.indexLost();
    }
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
      throw this.searchError(e);
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
      throw this.searchError(e);
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

  /**
   * A missing index is not "no results": the index is created at start-up, so it was deleted or
   * the server wiped; say so (503) and rebuild, rather than answer 0 hits as if all were well.
   */
  private searchError(e: unknown): unknown {
    if (e instanceof AppError) return e;
    if (isIndexNotFound(e)) {
      this.guard.indexLost();
      return new SearchUnavailableError(`index ${this.indexUid} not found; rebuilding it`);
    }
    if (isOutage(e)) return new SearchUnavailableError(e instanceof Error ? e.message : String(e));
    return e;
  }

  async reindex(onProgress?: (done: number, total: number) => void): Promise<void> {
    const outcome = await this.runReindex(onProgress);
    if (outcome.status === 'busy') throw new Error('reindex: the search outbox lease is held by another process');
  }

  private async runReindex(onProgress?: (done: number, total: number) => void, extra: Partial<ReindexDeps> = {}): Promise<ReindexOutcome> {
    // A reindex sends the current settings afresh: whatever was refused before is tried again.
    this.settingsError = null;
    this.admin.forgetServer();
    const outcome = await reindex(
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
        aborted: () => this.stopping,
        logger: this.opts.logger,
        ...extra,
      },
      onProgress,
    );
    if (outcome.status === 'done') this.guard.rebuilt();
    this.ready = null;
    return outcome;
  }

  /** Dead rows (documents Meilisearch rejected) go back in the queue; `npm run reindex` also clears them. */
  requeueDead(): Promise<number> {
    return this.store.requeueDead();
  }

  /**
   * Never fails the instance for search: pages keep serving while search is degraded. `ok` is
   * false (state `degraded`) when Meilisearch is unreachable, the index is missing or empty, or
   * the settings were refused; `detail` says which, with the outbox lag and dead rows.
   */
  async health(): Promise<SearchHealth> {
    const lag = await this.store.lag();
    const problems: string[] = [];
    let index: IndexCondition = 'unknown';
    try {
      await this.client.health();
      index = await this.guard.check();
    } catch (e) {
      problems.push(`meilisearch unreachable (${e instanceof Error ? e.message : String(e)})`);
    }
    if (index === 'missing' || index === 'empty') {
      problems.push(`index ${this.indexUid} ${index}: ${this.guard.isRebuilding ? 'rebuilding it from the database' : 'rebuild pending; run `npm run reindex` if this persists'}`);
    }
    if (this.settingsError) problems.push(this.settingsError);
    const detail = [...problems, `outbox: ${lag.pending} pending, oldest ${Math.round(lag.oldestAgeMs / 1000)}s, ${lag.dead} dead`].join('; ');
    const ok = problems.length === 0;
    return { ok, state: ok ? 'ok' : 'degraded', detail, outboxLag: lag.pending, dead: lag.dead, index };
  }

    /** The worker, and the start-up check: index and settings now, a rebuild if the index lost its documents. */
  start(): void {
    this.stopping = false;
    this.worker.start();
    this.guard.start();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.guard.stop();
    await this.worker.stop();
  }

  /** Delivers everything ready now; tests and the reindex CLI use it. */
  drain(): Promise<DrainReport> {
    return this.worker.drainAll();
  }
}
