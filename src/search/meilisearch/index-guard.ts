import type { OutboxStore } from '../outbox/outbox-store';
import type { IndexAdmin } from './index-admin';
import { SettingsRejected } from './meili-errors';
import type { ReindexOutcome } from './reindex';

/** `missing`: no live index. `empty`: it holds nothing while the database has documents the outbox won't bring. */
export type IndexCondition = 'ok' | 'missing' | 'empty' | 'unknown';

export interface IndexGuardDeps {
  readonly admin: IndexAdmin;
  readonly store: OutboxStore;
  readonly liveUid: string;
  /** Creates the live index and applies the settings (cached by the engine). */
  readonly ensureSettings: () => Promise<void>;
  /** Published documents in the database. */
  readonly countDocuments?: () => Promise<number>;
  /** A rebuild under the outbox lease that first re-checks `onlyIf`. */
  readonly rebuild: (onlyIf: () => Promise<boolean>) => Promise<ReindexOutcome>;
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
  readonly logger?: { info?(obj: object, msg: string): void; warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

/**
 * Keeps the live index present and filled. A Meilisearch that was wiped or replaced while the
 * outbox was empty would otherwise answer every search with nothing and look healthy: at start-up
 * (retrying while the server is unreachable), whenever the index is found missing, and on every
 * health check, the index is compared with the database and rebuilt when it lost its documents.
 */
export class IndexGuard {
  /** The live index was seen gone (deleted, wiped): whatever Meilisearch holds now is partial. */
  private lost = false;
  private running = false;
  private rebuilding: Promise<void> | null = null;
  private startup: Promise<void> | null = null;
  private wakeSleep: (() => void) | null = null;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: IndexGuardDeps) {}

  get isRebuilding(): boolean {
    return this.rebuilding !== null;
  }

  /** Start-up: create and configure the index now (not on the first batch), then check it. */
  start(): void {
    this.running = true;
    this.startup ??= this.startUp();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wakeSleep?.();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.startup?.catch(() => undefined);
    await this.rebuilding?.catch(() => undefined);
  }

  /** The index was found missing (a search, a batch): remember it and rebuild. */
  indexLost(): void {
    this.lost = true;
    this.trigger();
  }

  /** A rebuild finished: the index holds the database again. */
  rebuilt(): void {
    this.lost = false;
  }

  async condition(): Promise<IndexCondition> {
    const docs = await this.deps.admin.documentCount(this.deps.liveUid);
    if (docs === null) return 'missing';
    if (docs > 0 && !this.lost) return 'ok';
    // Empty is fine while the outbox still holds every document (a fresh install). After a loss,
    // a full index again means another instance rebuilt it: no second rebuild.
    const inDb = (await this.deps.countDocuments?.()) ?? 0;
    const lag = await this.deps.store.lag();
    if (docs + lag.pending + lag.dead >= inDb) {
      this.lost = false;
      return 'ok';
    }
    return 'empty';
  }

  /** For health checks: the condition, and a rebuild started when it is bad. */
  async check(): Promise<IndexCondition> {
    const c = await this.condition();
    if (c === 'missing' || c === 'empty') this.trigger();
    return c;
  }

  private async startUp(): Promise<void> {
    for (let attempt = 1; this.running; attempt++) {
      try {
        await this.deps.ensureSettings();
        await this.check();
        return;
      } catch (e) {
        if (e instanceof SettingsRejected) return; // the engine logged it; an operator must act
        this.deps.logger?.warn({ err: e instanceof Error ? e.message : String(e), attempt }, 'meilisearch not ready at start-up; search is degraded, retrying');
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, Math.min(this.deps.retryMaxMs, this.deps.retryBaseMs * 2 ** (attempt - 1)));
          t.unref();
          this.wakeSleep = () => {
            clearTimeout(t);
            resolve();
          };
        });
        this.wakeSleep = null;
      }
    }
  }

  private trigger(): void {
    if (!this.running || this.rebuilding) return;
    this.rebuilding = this.rebuildOnce().finally(() => {
      this.rebuilding = null;
    });
  }

  private async rebuildOnce(): Promise<void> {
    const log = this.deps.logger;
    log?.error({ index: this.deps.liveUid }, 'meilisearch index missing or empty while the database has documents: rebuilding it (as `npm run reindex` does)');
    try {
      const outcome = await this.deps.rebuild(async () => (await this.condition()) !== 'ok');
      if (outcome.status === 'done') {
        this.lost = false;
        log?.warn({ index: this.deps.liveUid, indexed: outcome.indexed, skipped: outcome.skipped }, 'meilisearch index rebuilt from the database');
      } else if (outcome.status === 'busy') this.retrySoon();
    } catch (e) {
      log?.error({ err: e instanceof Error ? e.message : String(e) }, 'meilisearch index rebuild failed; will retry (or run `npm run reindex`)');
      this.retrySoon();
    }
  }

  private retrySoon(): void {
    if (!this.running) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.check().catch(() => undefined);
    }, this.deps.retryMaxMs);
    this.retryTimer.unref();
  }
}
