import { MeilisearchApiError, type Meilisearch, type Task } from 'meilisearch';
import { DeliveryRejected, type OutboxSink } from '../outbox/outbox-worker';
import type { OutboxRow } from '../outbox/outbox-store';
import { documentUid, PRIMARY_KEY, toMeiliDocument } from './document-mapper';

export interface TaskWait {
  readonly timeoutMs: number;
  readonly intervalMs: number;
}

/**
 * Waits for a task's final state. A failed task does not throw in the client: it resolves with
 * `status: 'failed'`, which is a rejection of the change, not an outage.
 */
export async function settle(client: Meilisearch, taskUid: number, wait: TaskWait): Promise<Task> {
  const task = await client.tasks.waitForTask(taskUid, { timeout: wait.timeoutMs, interval: wait.intervalMs });
  if (task.status === 'failed' || task.status === 'canceled') {
    const err = task.error;
    throw new DeliveryRejected(err ? `${err.code}: ${err.message}` : `task ${taskUid} ${task.status}`);
  }
  return task;
}

/** 4xx answers (other than auth and rate limits) are the server judging the request: a rejection. */
export function asRejection(e: unknown): unknown {
  if (e instanceof MeilisearchApiError) {
    const status = e.response.status;
    if (status >= 400 && status < 500 && status !== 401 && status !== 403 && status !== 408 && status !== 429) {
      return new DeliveryRejected(`${e.cause?.code ?? status}: ${e.message}`);
    }
  }
  return e;
}

/** Outbox rows → Meilisearch documents additions and deletions, confirmed task by task. */
export class MeiliSink implements OutboxSink {
  constructor(
    private readonly client: Meilisearch,
    private readonly wait: TaskWait,
    private readonly prepare: (target: string) => Promise<void>,
  ) {}

  async apply(target: string, rows: readonly OutboxRow[]): Promise<void> {
    await this.prepare(target);
    const upserts = rows.filter((r) => r.op === 'upsert' && r.doc !== null).map((r) => toMeiliDocument(r.doc!));
    const deletes = rows.filter((r) => r.op === 'delete').map((r) => documentUid(r.key));
    const index = this.client.index(target);
    try {
      if (upserts.length) {
        const task = await index.addDocuments(upserts, { primaryKey: PRIMARY_KEY });
        await settle(this.client, task.taskUid, this.wait);
      }
      if (deletes.length) {
        const task = await index.deleteDocuments(deletes);
        await settle(this.client, task.taskUid, this.wait);
      }
    } catch (e) {
      throw asRejection(e);
    }
  }
}
