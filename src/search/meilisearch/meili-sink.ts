import type { Meilisearch, Task } from 'meilisearch';
import { DeliveryPending, DeliveryRejected, type OutboxSink } from '../outbox/outbox-worker';
import type { OutboxRow } from '../outbox/outbox-store';
import { documentUid, PRIMARY_KEY, toMeiliDocument } from './document-mapper';
import { asRejection, isTaskNotFound, isTaskTimeout, SettingsRejected, TaskOutage, taskFailure } from './meili-errors';

export { asRejection } from './meili-errors';

export interface TaskWait {
  readonly timeoutMs: number;
  readonly intervalMs: number;
}

/**
 * Waits for a task's final state. A failed task does not throw in the client: it resolves with
 * `status: 'failed'`; `taskFailure` tells a rejected change from a server problem. A wait that
 * times out throws MeilisearchTaskTimeOutError: the task is still queued, and the caller keeps
 * its uid to wait on it again rather than send the work twice.
 */
export async function settle(client: Meilisearch, taskUid: number, wait: TaskWait): Promise<Task> {
  const task = await client.tasks.waitForTask(taskUid, { timeout: wait.timeoutMs, interval: wait.intervalMs });
  if (task.status !== 'succeeded') throw taskFailure(task);
  return task;
}

/** As `settle`, but a timeout means "wait again on the same task"; `between` runs before each new wait (lease renewal). */
export async function settlePatiently(client: Meilisearch, taskUid: number, wait: TaskWait, between: () => Promise<void>): Promise<Task> {
  for (;;) {
    try {
      return await settle(client, taskUid, wait);
    } catch (e) {
      if (!isTaskTimeout(e)) throw e;
      await between();
    }
  }
}

/** Outbox rows → Meilisearch documents additions and deletions, confirmed task by task. */
export class MeiliSink implements OutboxSink {
  constructor(
    private readonly client: Meilisearch,
    private readonly wait: TaskWait,
    private readonly prepare: (target: string) => Promise<void>,
    /** Set for a reindex's replay: wait on a slow task (renewing the lease) instead of handing it back. */
    private readonly patience?: () => Promise<void>,
  ) {}

  async apply(target: string, rows: readonly OutboxRow[]): Promise<void> {
    try {
      await this.prepare(target);
    } catch (e) {
      // Settings are not the documents' fault: never let them count as a rejected batch.
      throw e instanceof DeliveryRejected ? new SettingsRejected(e.message) : e;
    }
    const confirmed: OutboxRow[] = [];
    const unsent = await this.resume(target, rows, confirmed);
    const upserts = unsent.filter((r) => r.op === 'upsert' && r.doc !== null);
    const deletes = unsent.filter((r) => r.op === 'delete');
    const index = this.client.index(target);
    if (upserts.length) {
      const task = await index.addDocuments(upserts.map((r) => toMeiliDocument(r.doc!)), { primaryKey: PRIMARY_KEY }).catch((e: unknown) => Promise.reject(asRejection(e)));
      await this.confirm(task.taskUid, upserts, confirmed);
    }
    if (deletes.length) {
      const task = await index.deleteDocuments(deletes.map((r) => documentUid(r.key))).catch((e: unknown) => Promise.reject(asRejection(e)));
      await this.confirm(task.taskUid, deletes, confirmed);
    }
  }

  /**
   * Rows whose task was already sent (its wait timed out earlier, on this instance or another):
   * wait on that task again. Succeeded: confirmed. Failed or cancelled: sent again with the rest,
   * so the new task's outcome judges them.
   */
  private async resume(target: string, rows: readonly OutboxRow[], confirmed: OutboxRow[]): Promise<OutboxRow[]> {
    const byTask = new Map<number, OutboxRow[]>();
    for (const r of rows) {
      if (r.task?.index !== target) continue;
      byTask.set(r.task.uid, [...(byTask.get(r.task.uid) ?? []), r]);
    }
    if (!byTask.size) return [...rows];
    const done = new Set<number>();
    for (const [uid, list] of byTask) {
      try {
        if (this.patience) await settlePatiently(this.client, uid, this.wait, this.patience);
        else await settle(this.client, uid, this.wait);
      } catch (e) {
        if (isTaskTimeout(e)) throw new DeliveryPending(uid, list, confirmed);
        // Failed, cancelled, or forgotten by a wiped server: send again below.
        if (e instanceof DeliveryRejected || e instanceof TaskOutage || isTaskNotFound(e)) continue;
        throw e;
      }
      confirmed.push(...list);
      for (const r of list) done.add(r.id);
    }
    return rows.filter((r) => !done.has(r.id));
  }

  private async confirm(taskUid: number, rows: readonly OutboxRow[], confirmed: OutboxRow[]): Promise<void> {
    try {
      if (this.patience) await settlePatiently(this.client, taskUid, this.wait, this.patience);
      else await settle(this.client, taskUid, this.wait);
    } catch (e) {
      if (isTaskTimeout(e)) throw new DeliveryPending(taskUid, rows, confirmed);
      throw e;
    }
    confirmed.push(...rows);
  }
}
