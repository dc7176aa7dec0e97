import type { Meilisearch } from 'meilisearch';
import type { SearchDocument } from '../search-engine';
import type { OutboxStore } from '../outbox/outbox-store';
import { DeliveryRejected, type DrainReport, type OutboxWorker } from '../outbox/outbox-worker';
import { PRIMARY_KEY, toMeiliDocument } from './document-mapper';
import type { IndexAdmin } from './index-admin';
import { asRejection, settle, type TaskWait } from './meili-sink';

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
  readonly now?: () => number;
  readonly logger?: { warn(obj: object, msg: string): void };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Adds one batch; a rejected batch is split so one bad document costs only itself. */
async function addBatch(deps: ReindexDeps, uid: string, docs: readonly SearchDocument[]): Promise<number> {
  try {
    const task = await deps.client.index(uid).addDocuments(docs.map(toMeiliDocument), { primaryKey: PRIMARY_KEY });
    await settle(deps.client, task.taskUid, deps.wait);
    return 0;
  } catch (caught) {
    const e = asRejection(caught);
    if (!(e instanceof DeliveryRejected)) throw e;
    if (docs.length === 1) {
      deps.logger?.warn({ doc: { type: docs[0].type, id: docs[0].id }, err: e.message }, 'reindex: document rejected, skipped');
      return 1;
    }
    const mid = Math.ceil(docs.length / 2);
    return (await addBatch(deps, uid, docs.slice(0, mid))) + (await addBatch(deps, uid, docs.slice(mid)));
  }
}

/**
 * Builds a fresh index beside the live one and swaps it in; search keeps answering from the old
 * index throughout. The outbox lease is held for the whole build, so the worker (on any instance)
 * pauses; changes committed meanwhile stay in the outbox, are replayed into the new index before
 * the swap, and whatever lands after the replay is delivered by the worker to the new live index.
 */
export async function reindex(deps: ReindexDeps, onProgress?: (done: number, total: number) => void): Promise<{ indexed: number; skipped: number }> {
  const now = deps.now ?? Date.now;
  const holder = `reindex:${deps.worker.holder}`;
  const deadline = now() + deps.leaseTtlMs * 2;
  while (!(await deps.store.acquireLease(holder, deps.leaseTtlMs))) {
    if (now() > deadline) throw new Error('reindex: the search outbox lease is held by another process');
    await sleep(100);
  }
  const tmpUid = `${deps.liveUid}_tmp_${now()}`;
  let swapped = false;
  try {
    await deps.admin.ensure(deps.liveUid);
    await deps.admin.create(tmpUid);
    await deps.admin.ensure(tmpUid);
    const total = (await deps.countDocuments?.()) ?? 0;
    let done = 0;
    let skipped = 0;
    onProgress?.(0, total);
    for await (const batch of deps.loadDocuments()) {
      if (!batch.length) continue;
      skipped += await addBatch(deps, tmpUid, batch);
      done += batch.length;
      await deps.store.acquireLease(holder, deps.leaseTtlMs); // renew
      onProgress?.(done, Math.max(total, done));
    }
    let replay: DrainReport;
    do {
      replay = await deps.worker.deliverReady(tmpUid);
      if (replay.status === 'unavailable') throw new Error(`reindex: engine unavailable during replay: ${replay.error ?? ''}`);
    } while (replay.more);
    await deps.admin.swap(deps.liveUid, tmpUid);
    swapped = true;
    // After the swap the temporary uid holds the old documents.
    await deps.admin.delete(tmpUid).catch((e: unknown) => deps.logger?.warn({ err: String(e), index: tmpUid }, 'reindex: old index not deleted'));
    return { indexed: done - skipped, skipped };
  } finally {
    if (!swapped) await deps.admin.delete(tmpUid).catch(() => undefined);
    await deps.store.releaseLease(holder);
  }
}
