import type { Knex } from 'knex';
import type { DocumentKey, SearchDocument } from '../search-engine';

export type OutboxOp = 'upsert' | 'delete';

export interface OutboxRow {
  readonly id: number;
  readonly op: OutboxOp;
  readonly key: DocumentKey;
  readonly doc: SearchDocument | null;
  readonly attempts: number;
  /** The engine task this change was sent in, when its wait timed out: wait on it, don't resend. */
  readonly task: { readonly uid: number; readonly index: string } | null;
}

export interface OutboxLag {
  readonly pending: number;
  readonly dead: number;
  /** Age of the oldest pending change, ms; 0 when none. */
  readonly oldestAgeMs: number;
}

interface DbRow {
  id: number | string;
  op: string;
  doc_type: string;
  doc_id: number | string;
  payload: string | null;
  attempts: number | string;
  task_uid: number | string | null;
  task_index: string | null;
}

const TABLE = 'search_outbox';
const LEASE = 'search_outbox_lease';
/**
 * A settings row: "the synonyms or stop words changed, send the index settings again". It carries
 * no payload (the settings are read from their tables when sent), so any number of them collapse
 * into one delivery.
 */
const SETTINGS = { op: 'settings', doc_type: 'settings', doc_id: 0 } as const;

function toRow(r: DbRow): OutboxRow {
  return {
    id: Number(r.id),
    op: r.op === 'delete' ? 'delete' : 'upsert',
    key: { type: r.doc_type === 'article' ? 'article' : 'product', id: Number(r.doc_id) },
    doc: r.payload === null ? null : (JSON.parse(r.payload) as SearchDocument),
    attempts: Number(r.attempts),
    task: r.task_uid === null || r.task_uid === undefined || !r.task_index ? null : { uid: Number(r.task_uid), index: r.task_index },
  };
}

/** The outbox table: written inside the caller's transaction, read and pruned by the worker. */
export class OutboxStore {
  constructor(
    private readonly db: Knex,
    private readonly now: () => number = Date.now,
  ) {}

  async enqueueUpserts(trx: Knex.Transaction, docs: readonly SearchDocument[]): Promise<void> {
    if (!docs.length) return;
    const at = this.now();
    const rows = docs.map((d) => ({ op: 'upsert', doc_type: d.type, doc_id: d.id, payload: JSON.stringify(d), created_at: at }));
    for (let i = 0; i < rows.length; i += 200) await trx(TABLE).insert(rows.slice(i, i + 200));
  }

  async enqueueDeletes(trx: Knex.Transaction, keys: readonly DocumentKey[]): Promise<void> {
    if (!keys.length) return;
    const at = this.now();
    const rows = keys.map((k) => ({ op: 'delete', doc_type: k.type, doc_id: k.id, payload: null, created_at: at }));
    for (let i = 0; i < rows.length; i += 200) await trx(TABLE).insert(rows.slice(i, i + 200));
  }

  /** Written in the transaction that changed the synonyms or stop words. */
  async enqueueSettings(trx: Knex.Transaction): Promise<void> {
    await trx(TABLE).insert({ ...SETTINGS, payload: null, created_at: this.now() });
  }

  /** The newest settings row due now (0 when none): sending the settings covers it and every older one. */
  async settingsDueUpTo(): Promise<number> {
    const row = (await this.db(TABLE).where({ op: SETTINGS.op, dead: false }).andWhere('next_attempt_at', '<=', this.now()).max({ id: 'id' }).first()) as
      | { id: number | string | null }
      | undefined;
    return Number(row?.id ?? 0);
  }

  /** The settings were sent (or refused, which resending cannot change) after these rows were written. */
  async clearSettings(upToId: number): Promise<void> {
    if (upToId > 0) await this.db(TABLE).where({ op: SETTINGS.op }).andWhere('id', '<=', upToId).delete();
  }

  /** Live document rows due now, oldest first. */
  async readReady(limit: number): Promise<OutboxRow[]> {
    const rows = (await this.db(TABLE)
      .where({ dead: false })
      .whereNot({ op: SETTINGS.op })
      .andWhere('next_attempt_at', '<=', this.now())
      .orderBy('id', 'asc')
      .limit(limit)) as DbRow[];
    return rows.map(toRow);
  }

  /**
   * Live rows after `afterId`, due or backing off alike: a reindex replays every change the new
   * index must hold, without deleting them until the new index is live.
   */
  async readAfter(afterId: number, limit: number): Promise<OutboxRow[]> {
    // Settings rows stay for the worker: it sends them to the live index once the swap is done.
    const rows = (await this.db(TABLE).where({ dead: false }).whereNot({ op: SETTINGS.op }).andWhere('id', '>', afterId).orderBy('id', 'asc').limit(limit)) as DbRow[];
    return rows.map(toRow);
  }

  /** The newest row id (0 when empty): what a reindex that starts now will cover. */
  async maxId(): Promise<number> {
    const row = (await this.db(TABLE).max({ id: 'id' }).first()) as { id: number | string | null } | undefined;
    return Number(row?.id ?? 0);
  }

  /** The engine accepted these rows in task `taskUid` but did not finish it in time. */
  async markPending(rows: readonly OutboxRow[], index: string, taskUid: number): Promise<void> {
    if (!rows.length) return;
    const ids = rows.map((r) => r.id);
    for (let i = 0; i < ids.length; i += 500) {
      await this.db(TABLE).whereIn('id', ids.slice(i, i + 500)).update({ task_uid: taskUid, task_index: index });
    }
  }

  /** Dead rows go back in the queue, with fresh attempts (after the operator fixed the cause). */
  async requeueDead(): Promise<number> {
    return Number(await this.db(TABLE).where({ dead: true }).update({ dead: false, attempts: 0, next_attempt_at: 0, task_uid: null, task_index: null }));
  }

  /** A rebuild read the database after these rows were written: their documents are in it (or were rejected again). */
  async dropDeadUpTo(maxId: number): Promise<number> {
    return Number(await this.db(TABLE).where({ dead: true }).andWhere('id', '<=', maxId).delete());
  }

  /**
   * A change reached the engine: drop it and every older change of the same document (including
   * dead ones), since the delivered state supersedes them.
   */
  async markDelivered(latest: readonly OutboxRow[]): Promise<void> {
    if (!latest.length) return;
    await this.db.transaction(async (trx) => {
      for (const row of latest) {
        await trx(TABLE).where({ doc_type: row.key.type, doc_id: row.key.id }).andWhere('id', '<=', row.id).delete();
      }
    });
  }

  /** The engine rejected these rows: back off, and bury the ones that keep failing. */
  async markFailed(rows: readonly OutboxRow[], error: string, backoffMs: (attempts: number) => number, maxAttempts: number): Promise<number> {
    let buried = 0;
    await this.db.transaction(async (trx) => {
      for (const row of rows) {
        const attempts = row.attempts + 1;
        const dead = attempts >= maxAttempts;
        if (dead) buried++;
        await trx(TABLE)
          .where({ id: row.id })
          .update({ attempts, dead, last_error: error.slice(0, 2000), next_attempt_at: this.now() + backoffMs(attempts), task_uid: null, task_index: null });
      }
    });
    return buried;
  }

  async lag(): Promise<OutboxLag> {
    const pending = (await this.db(TABLE).where({ dead: false }).count({ n: '*' }).min({ oldest: 'created_at' }).first()) as
      | { n: number | string; oldest: number | string | null }
      | undefined;
    const dead = (await this.db(TABLE).where({ dead: true }).count({ n: '*' }).first()) as { n: number | string } | undefined;
    const oldest = pending?.oldest;
    return {
      pending: Number(pending?.n ?? 0),
      dead: Number(dead?.n ?? 0),
      oldestAgeMs: oldest === null || oldest === undefined ? 0 : Math.max(0, this.now() - Number(oldest)),
    };
  }

  /**
   * One holder at a time across every app instance: an atomic conditional UPDATE works the same on
   * SQLite and PostgreSQL, and an expired lease (a crashed holder) can be taken over.
   */
  async acquireLease(holder: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    const changed = await this.db(LEASE)
      .where({ name: 'worker' })
      .andWhere((w) => w.where({ holder }).orWhere('expires_at', '<', now).orWhereNull('holder'))
      .update({ holder, expires_at: now + ttlMs });
    return Number(changed) === 1;
  }

  async releaseLease(holder: string): Promise<void> {
    await this.db(LEASE).where({ name: 'worker', holder }).update({ holder: null, expires_at: 0 });
  }
}
