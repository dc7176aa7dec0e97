import type { Knex } from 'knex';
import type { DocumentKey, SearchDocument } from '../search-engine';

export type OutboxOp = 'upsert' | 'delete';

export interface OutboxRow {
  readonly id: number;
  readonly op: OutboxOp;
  readonly key: DocumentKey;
  readonly doc: SearchDocument | null;
  readonly attempts: number;
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
}

const TABLE = 'search_outbox';
const LEASE = 'search_outbox_lease';

function toRow(r: DbRow): OutboxRow {
  return {
    id: Number(r.id),
    op: r.op === 'delete' ? 'delete' : 'upsert',
    key: { type: r.doc_type === 'article' ? 'article' : 'product', id: Number(r.doc_id) },
    doc: r.payload === null ? null : (JSON.parse(r.payload) as SearchDocument),
    attempts: Number(r.attempts),
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

  /** Live rows due now, oldest first. */
  async readReady(limit: number): Promise<OutboxRow[]> {
    const rows = (await this.db(TABLE)
      .where({ dead: false })
      .andWhere('next_attempt_at', '<=', this.now())
      .orderBy('id', 'asc')
      .limit(limit)) as DbRow[];
    return rows.map(toRow);
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
          .update({ attempts, dead, last_error: error.slice(0, 2000), next_attempt_at: this.now() + backoffMs(attempts) });
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
