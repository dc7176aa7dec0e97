import type { Meilisearch } from 'meilisearch';
import type { SearchDocument } from '../search-engine';
import type { OutboxRow, OutboxStore } from '../outbox/outbox-store';
import { DeliveryRejected, type OutboxWorker } from '../outbox/outbox-worker';
import { PRIMARY_KEY, toMeiliDocument } from './document-mapper';
import type { IndexAdmin } from './index-admin';
import { asRejection } from './meili-errors';
import { MeiliSink, settlePatiently, type TaskWait } from './meili-sink';

export interface ReindexDeps {
  readonly client: Meilisearch;
  readonly admin: IndexAdmin;
  readonly store: OutboxStore;
  readonly worker: OutboxWorker;
  readonly wait: TaskWait;
  readonly liveUid: string;
  readonly loadDocuments: () => AsyncIterable<readonly SearchDocument[]>;
  readonly countDocuments?: () => Promise<number>;
  readonly leaseTtlMs: number;
  /** How long to wait for the outbox lease (another reindex, a worker batch); default two TTLs. */
  readonly leaseWaitMs?: number;
  /** Checked once the lease is held: false skips the rebuild (an automatic one another instance already did). */
  readonly onlyIf?: () => Promise<boolean>;
  /** Checked between batches: a stopping process abandons the build (the live index is untouched). */
  readonly aborted?: () => boolean;
  readonly now?: () => number;
  readonly logger?: { warn(obj: object, msg: string): void };
}

export type ReindexOutcome = { readonly status: 'done'; readonly indexed: number; readonly skipped: number } | { readonly status: 'busy' | 'not_needed' };

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * The outbox lease held for a whole rebuild: renewed on a timer and at every step, and checked,
 * because a holder that lost it (a long pause, a clock jump) must not swap over another's work.
 */
class HeldLease {
  private lost = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly store: OutboxStore,
    private readonly holder: string,
    private readonly ttlMs: number,
  ) {
    this.timer = setInterval(() => {
      this.store.acquireLease(holder, ttlMs).then(
        (ok) => (this.lost ||= !ok),
        () => undefined, // a database hiccup: the next renewal or step decides
      );
    }, Math.max(250, Math.floor(ttlMs / 3)));
    this.timer.unref();
  }

  /** Renews now; throws when the lease went to someone else. */
  readonly renew = async (): Promise<void> => {
    if (this.lost || !(await this.store.acquireLease(this.holder, this.ttlMs))) {
      this.lost = true;
      throw new Error('reindex: the search outbox lease was lost to another process; aborted before the swap, the live index is untouched');
    }
  };

  async release(): Promise<void> {
    clearInterval(this.timer);
    if (!this.lost) await this.store.releaseLease(this.holder);
  }
}

/** Adds one batch; a rejected batch is split so one bad document costs only itself. */
async function addBatch(deps: ReindexDeps, uid: string, docs: readonly SearchDocument[], renew: () => Promise<void>): Promise<number> {
  try {
    const task = await deps.client.index(uid).addDocuments(docs.map(toMeiliDocument), { primaryKey: PRIMARY_KEY });
    await settlePatiently(deps.client, task.taskUid, deps.wait, renew);
    return 0;
  } catch (caught) {
    const e = asRejection(caught);
    if (!(e instanceof DeliveryRejected)) throw e;
    if (docs.length === 1) {
      deps.logger?.warn({ doc: { type: docs[0].type, id: docs[0].id }, err: e.message }, 'reindex: document rejected, skipped');
      return 1;
    }
    const mid = Math.ceil(docs.length / 2);
    return (await addBatch(deps, uid, docs.slice(0, mid), renew)) + (await addBatch(deps, uid, docs.slice(mid), renew));
  }
}

/**
 * Builds a fresh index beside the live one and swaps it in; search keeps answering from the old
 * index throughout. The outbox lease is held for the whole build, so the worker (on any instance)
 * pauses; changes committed meanwhile stay in the outbox and are replayed into the new index
 * before the swap. Replayed rows are removed only once the swap succeeded: if it fails, they are
 * still there for the worker to deliver to the live index, which kept serving.
 */
export async function reindex(deps: ReindexDeps, onProgress?: (done: number, total: number) => void): Promise<ReindexOutcome> {
  const now = deps.now ?? Date.now;
  const holder = `reindex:${deps.worker.holder}`;
  const deadline = now() + (deps.leaseWaitMs ?? deps.leaseTtlMs * 2);
  while (!(await deps.store.acquireLease(holder, deps.leaseTtlMs))) {
    if (deps.aborted?.()) return { status: 'busy' };
    if (now() >= deadline) {
      if (deps.leaseWaitMs !== undefined) return { status: 'busy' };
      throw new Error('reindex: the search outbox lease is held by another process');
    }
    await sleep(100);
  }
  const lease = new HeldLease(deps.store, holder, deps.leaseTtlMs);
  // Between steps and during long task waits: keep the lease, and give up if the process stops.
  const carryOn = async (): Promise<void> => {
    if (deps.aborted?.()) throw new Error('reindex: abandoned, the process is stopping; the live index is untouched');
    await lease.renew();
  };
  const tmpUid = `${deps.liveUid}_tmp_${now()}`;
  let created = false;
  let swapped = false;
  try {
    if (deps.onlyIf && !(await deps.onlyIf())) return { status: 'not_needed' };
    const coveredUpTo = await deps.store.maxId();
    await deps.admin.ensure(deps.liveUid);
    await carryOn();
    created = true;
    await deps.admin.create(tmpUid);
    await deps.admin.ensure(tmpUid);
    await carryOn();
    const total = (await deps.countDocuments?.()) ?? 0;
    let done = 0;
    let skipped = 0;
    onProgress?.(0, total);
    for await (const batch of deps.loadDocuments()) {
      if (!batch.length) continue;
      skipped += await addBatch(deps, tmpUid, batch, carryOn);
      done += batch.length;
      await carryOn();
      onProgress?.(done, Math.max(total, done));
    }
    const replayed: OutboxRow[] = [];
    const sink = new MeiliSink(deps.client, deps.wait, async () => undefined, carryOn);
    for (let after = 0; ; ) {
      const { delivered, lastId } = await deps.worker.replayInto(tmpUid, after, sink);
      await carryOn();
      if (lastId === after) break;
      replayed.push(...delivered);
      after = lastId;
    }
    // Once sent, the swap is waited for even by a stopping process: it is quick and decides what is live.
    await deps.admin.swap(deps.liveUid, tmpUid, lease.renew);
    swapped = true;
    await deps.store.markDelivered(replayed);
    // Dead rows written before the build started are superseded: the database was read after them.
    await deps.store.dropDeadUpTo(coveredUpTo);
    // After the swap the temporary uid holds the old documents.
    await deps.admin.delete(tmpUid).catch((e: unknown) => deps.logger?.warn({ err: String(e), index: tmpUid }, 'reindex: old index not deleted'));
    return { status: 'done', indexed: done - skipped, skipped };
  } finally {
    if (created && !swapped) await deps.admin.delete(tmpUid).catch(() => undefined);
    await lease.release();
  }
}
