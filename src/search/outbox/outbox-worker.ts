import os from 'node:os';
import { randomUUID } from 'node:crypto';
import type { OutboxRow, OutboxStore } from './outbox-store';

/** The engine looked at the change and refused it (a failed task, a 4xx): retrying the same batch is pointless. */
export class DeliveryRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeliveryRejected';
  }
}

/**
 * The engine accepted the changes in `waiting` as task `taskUid` but has not finished it yet (a
 * slow queue): the rows remember the task, and the next attempt waits on it instead of resending.
 * `confirmed` rows of the same batch did reach the engine.
 */
export class DeliveryPending extends Error {
  constructor(
    readonly taskUid: number,
    readonly waiting: readonly OutboxRow[],
    readonly confirmed: readonly OutboxRow[],
  ) {
    super(`task ${taskUid} is still being processed`);
    this.name = 'DeliveryPending';
  }
}

/**
 * Where the changes go. DeliveryRejected: the engine refused a change (only those are charged an
 * attempt). DeliveryPending: not finished yet. Anything else means "unreachable, try later".
 */
export interface OutboxSink {
  /** Resolves once the engine has confirmed every change (tasks succeeded). */
  apply(target: string, rows: readonly OutboxRow[]): Promise<void>;
  /**
   * Sends the index settings as they are now in the database. Resolves when the engine applied
   * them or refused them for good (the sink reports a refusal itself; resending cannot help until
   * they change again); throws when the engine is unreachable.
   */
  applySettings?(target: string): Promise<void>;
}

export interface OutboxWorkerOptions {
  readonly batchSize: number;
  /** Rejections of one document before it is buried (dead) so it stops blocking nothing but itself. */
  readonly maxAttempts: number;
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
  readonly idleMs: number;
  readonly leaseTtlMs: number;
  readonly logger?: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

export const DEFAULT_WORKER_OPTIONS: OutboxWorkerOptions = {
  batchSize: 500,
  maxAttempts: 5,
  retryBaseMs: 1000,
  retryMaxMs: 5 * 60_000,
  idleMs: 1000,
  // Short, and renewed while a batch runs: a crashed holder blocks delivery for at most this long.
  leaseTtlMs: 10_000,
};

export interface DrainReport {
  readonly status: 'idle' | 'delivered' | 'unavailable' | 'busy';
  readonly delivered: number;
  readonly rejected: number;
  readonly buried: number;
  /** More rows may be ready right away. */
  readonly more: boolean;
  readonly error?: string;
}

/** Latest change per document wins; older ones ride along so they are pruned (or retried) together. */
function coalesce(rows: readonly OutboxRow[]): { latest: OutboxRow; all: OutboxRow[] }[] {
  const groups = new Map<string, { latest: OutboxRow; all: OutboxRow[] }>();
  for (const row of rows) {
    const k = `${row.key.type}:${row.key.id}`;
    const g = groups.get(k);
    if (!g) groups.set(k, { latest: row, all: [row] });
    else {
      g.all.push(row);
      if (row.id > g.latest.id) g.latest = row;
    }
  }
  return [...groups.values()];
}

/**
 * Drains the outbox into the engine. One holder of the lease at a time across instances; a failed
 * batch is split in halves until the rejected documents are isolated, the rest is delivered.
 */
export class OutboxWorker {
  readonly holder = `worker:${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly opts: OutboxWorkerOptions;
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<DrainReport> | null = null;
  private outageStreak = 0;

  constructor(
    private readonly store: OutboxStore,
    private readonly sink: OutboxSink,
    private readonly target: () => string,
    options: Partial<OutboxWorkerOptions> = {},
  ) {
    this.opts = { ...DEFAULT_WORKER_OPTIONS, ...options };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Stops polling and waits for the batch in flight, so nothing is half-sent at shutdown. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.inFlight?.catch(() => undefined);
  }

  /** Consecutive unavailable rounds, and the wait before the next one (0 when the engine answers). */
  get outage(): { readonly rounds: number; readonly retryInMs: number } {
    return { rounds: this.outageStreak, retryInMs: this.outageStreak ? this.backoff(this.outageStreak) : 0 };
  }

  /** A transaction with outbox rows committed: deliver soon instead of at the next poll. */
  wake(): void {
    if (!this.running || this.inFlight || this.outageStreak > 0) return;
    this.schedule(0);
  }

  /** One batch under the lease. Tests call it directly; the loop calls it on a timer. */
  async drainOnce(): Promise<DrainReport> {
    if (this.inFlight) return this.inFlight;
    this.inFlight = this.leased(this.holder, () => this.deliverReady(this.target()));
    try {
      return await this.inFlight;
    } finally {
      this.inFlight = null;
    }
  }

  /** Drains until nothing is ready (or the engine is unreachable); for tests and the reindex CLI. */
  async drainAll(maxRounds = 1000): Promise<DrainReport> {
    let last: DrainReport = { status: 'idle', delivered: 0, rejected: 0, buried: 0, more: false };
    for (let i = 0; i < maxRounds; i++) {
      last = await this.drainOnce();
      if (!last.more || last.status === 'unavailable' || last.status === 'busy') break;
    }
    return last;
  }

  /** Runs `work` holding the lease; `busy` when another holder has it. */
  async leased(holder: string, work: () => Promise<DrainReport>): Promise<DrainReport> {
    if (!(await this.store.acquireLease(holder, this.opts.leaseTtlMs))) {
      return { status: 'busy', delivered: 0, rejected: 0, buried: 0, more: false };
    }
    // A slow batch keeps its lease alive; if renewal fails, the batch still finishes and the next
    // acquire decides who continues.
    const renew = setInterval(() => {
      this.store.acquireLease(holder, this.opts.leaseTtlMs).catch(() => undefined);
    }, Math.max(250, Math.floor(this.opts.leaseTtlMs / 3)));
    renew.unref();
    try {
      return await work();
    } finally {
      clearInterval(renew);
      await this.store.releaseLease(holder);
    }
  }

  /** One batch of ready rows into `target`, settings first; the caller holds the lease. */
  async deliverReady(target: string): Promise<DrainReport> {
    const settingsUpTo = this.sink.applySettings ? await this.store.settingsDueUpTo() : 0;
    if (settingsUpTo > 0) {
      try {
        await this.sink.applySettings!(target);
      } catch (e) {
        const error = e instanceof Error ? e.message : String(e);
        this.opts.logger?.warn({ err: error }, 'search outbox: engine unavailable for the settings, will retry');
        return { status: 'unavailable', delivered: 0, rejected: 0, buried: 0, more: false, error };
      }
      await this.store.clearSettings(settingsUpTo);
    }
    const rows = await this.store.readReady(this.opts.batchSize);
    if (!rows.length) return { status: settingsUpTo > 0 ? 'delivered' : 'idle', delivered: settingsUpTo > 0 ? 1 : 0, rejected: 0, buried: 0, more: false };
    const groups = coalesce(rows);
    const delivered: OutboxRow[] = [];
    const rejected: { rows: OutboxRow[]; error: string }[] = [];
    try {
      await this.deliver(target, groups, delivered, rejected);
    } catch (e) {
      // Unreachable: keep every row (those confirmed so far are pruned) and back off.
      if (e instanceof DeliveryPending) {
        delivered.push(...e.confirmed);
        await this.store.markPending(e.waiting, target, e.taskUid);
      }
      await this.store.markDelivered(delivered);
      const error = e instanceof Error ? e.message : String(e);
      this.opts.logger?.warn({ err: error, pending: rows.length }, 'search outbox: engine unavailable, will retry');
      return { status: 'unavailable', delivered: delivered.length, rejected: 0, buried: 0, more: false, error };
    }
    await this.store.markDelivered(delivered);
    let buried = 0;
    for (const r of rejected) {
      buried += await this.store.markFailed(r.rows, r.error, (n) => this.backoff(n), this.opts.maxAttempts);
      this.opts.logger?.error({ doc: r.rows[0].key, err: r.error }, 'search outbox: change rejected by the engine');
    }
    return {
      status: 'delivered',
      delivered: delivered.length,
      rejected: rejected.length,
      buried,
      more: rows.length === this.opts.batchSize,
    };
  }

  /**
   * A reindex's replay: every live row after `afterId` into `target`, rejected documents isolated,
   * and NOTHING removed from the outbox: the rows stay until the new index is live (the caller
   * prunes `delivered` after the swap), so a failed swap loses no change. Throws when unreachable.
   */
  async replayInto(target: string, afterId: number, sink: OutboxSink = this.sink): Promise<{ delivered: OutboxRow[]; lastId: number }> {
    const rows = await this.store.readAfter(afterId, this.opts.batchSize);
    if (!rows.length) return { delivered: [], lastId: afterId };
    const delivered: OutboxRow[] = [];
    const rejected: { rows: OutboxRow[]; error: string }[] = [];
    await this.deliver(target, coalesce(rows), delivered, rejected, sink);
    // Rejected rows are left as they are: the worker retries them against the live index.
    return { delivered, lastId: rows[rows.length - 1].id };
  }

  private async deliver(target: string, groups: { latest: OutboxRow; all: OutboxRow[] }[], ok: OutboxRow[], bad: { rows: OutboxRow[]; error: string }[], sink: OutboxSink = this.sink): Promise<void> {
    try {
      await sink.apply(target, groups.map((g) => g.latest));
      ok.push(...groups.map((g) => g.latest));
    } catch (e) {
      if (!(e instanceof DeliveryRejected)) throw e;
      if (groups.length === 1) {
        bad.push({ rows: groups[0].all, error: e.message });
        return;
      }
      const mid = Math.ceil(groups.length / 2);
      await this.deliver(target, groups.slice(0, mid), ok, bad, sink);
      await this.deliver(target, groups.slice(mid), ok, bad, sink);
    }
  }

  private backoff(attempts: number): number {
    return Math.min(this.opts.retryMaxMs, this.opts.retryBaseMs * 2 ** Math.max(0, attempts - 1));
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.cycle(), ms);
    this.timer.unref?.();
  }

  private async cycle(): Promise<void> {
    this.timer = null;
    if (!this.running) return;
    let report: DrainReport;
    try {
      report = await this.drainOnce();
    } catch (e) {
      // The database itself failed (locked, gone): same treatment as an unreachable engine.
      report = { status: 'unavailable', delivered: 0, rejected: 0, buried: 0, more: false, error: String(e) };
    }
    if (!this.running) return;
    if (report.status === 'unavailable') {
      this.outageStreak++;
      this.schedule(this.backoff(this.outageStreak));
      return;
    }
    this.outageStreak = 0;
    this.schedule(report.more ? 0 : this.opts.idleMs);
  }
}
