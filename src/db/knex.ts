import fs from 'node:fs';
import path from 'node:path';
import { isDate } from 'node:util/types';
import knexFactory, { type Knex } from 'knex';
import type { Config } from '../config/config';

export type Db = Knex;

/** How long a SQLite connection waits for another process's lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 10_000;
export type Dialect = 'sqlite' | 'pg';

export function dialectOf(db: Knex): Dialect {
  return db.client.config.client === 'pg' ? 'pg' : 'sqlite';
}

/**
 * SQLite runs on one connection: writes are serialised anyway, and a single connection
 * cannot hit SQLITE_BUSY on a read→write upgrade inside a transaction. Other processes
 * (CLI tools, a second instance) wait on busy_timeout.
 */
export function createDb(database: Config['database']): Knex {
  if (database.client === 'pg') {
    return knexFactory({
      client: 'pg',
      connection: database.url,
      // Only the configured schema: nothing can silently resolve to (or be created in) public.
      ...(database.schema ? { searchPath: [database.schema] } : {}),
      pool: { min: 0, max: 10 },
    });
  }
  if (database.filename !== ':memory:') fs.mkdirSync(path.dirname(database.filename), { recursive: true });
  const db = knexFactory({
    client: 'sqlite3',
    connection: { filename: database.filename },
    useNullAsDefault: true,
    pool: {
      min: 1,
      max: 1,
      afterCreate(conn: { exec(sql: string, cb: (err: Error | null) => void): void }, done: (err: Error | null, conn: unknown) => void) {
        conn.exec(
          `PRAGMA journal_mode = WAL; PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;`,
          (err) => done(err, conn),
        );
      },
    },
  });
  storeDatesAsEpochMs(db);
  return db;
}

/**
 * node-sqlite3 stores a Date as epoch milliseconds only when it is an `instanceof` the main
 * realm's Date; a Date from another realm (jest runs tests in a vm context) is written as the
 * text '[object Object]'. Converting every Date binding here gives the same stored value
 * everywhere. (pg recognises Dates across realms.)
 */
function storeDatesAsEpochMs(db: Knex): void {
  const client = db.client as { prepBindings(bindings: unknown): unknown };
  const prep = client.prepBindings.bind(client);
  client.prepBindings = (bindings) => {
    const prepared = prep(bindings);
    return Array.isArray(prepared) ? prepared.map((v: unknown) => (isDate(v) ? v.getTime() : v)) : prepared;
  };
}

/** The schema a pg connection was configured with (DATABASE_SCHEMA), if any. */
export function schemaOf(db: Knex): string | undefined {
  const searchPath = (db.client.config as { searchPath?: string[] }).searchPath;
  return dialectOf(db) === 'pg' ? searchPath?.[0] : undefined;
}

/**
 * A configured PostgreSQL schema must exist before anything resolves names in it
 * (current_schema() is NULL otherwise and knex's hasTable sees nothing). SQLite: no-op.
 */
export async function ensureSchema(db: Knex): Promise<void> {
  const schema = schemaOf(db);
  if (!schema) return;
  try {
    await db.raw('create schema if not exists ??', [schema]);
  } catch (err) {
    // Two instances starting together can race on IF NOT EXISTS; the loser sees a unique violation.
    if ((err as { code?: string }).code !== '23505') throw err;
  }
}

/** Rows inserted and their ids, identical on both dialects. */
export async function insertReturningId(trx: Knex | Knex.Transaction, table: string, row: Record<string, unknown>): Promise<number> {
  const [res] = await trx(table).insert(row).returning('id');
  return typeof res === 'object' && res !== null ? Number((res as { id: number }).id) : Number(res);
}

/** Case-insensitive substring match that stays portable (ILIKE on pg, LIKE on sqlite). */
export function likeOperator(db: Knex): 'ilike' | 'like' {
  return dialectOf(db) === 'pg' ? 'ilike' : 'like';
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * `column` contains `text` (case-insensitively), for any of `columns`. The ESCAPE clause is
 * what makes escapeLike portable: PostgreSQL treats backslash as LIKE's escape by default,
 * SQLite has no default escape at all, so without it `50%` would match `50\…` there.
 */
export function whereContains(db: Knex, qb: Knex.QueryBuilder, columns: readonly string[], text: string): Knex.QueryBuilder {
  const sql = `?? ${likeOperator(db)} ? escape ?`;
  const pattern = `%${escapeLike(text)}%`;
  return qb.where((w) => {
    for (const column of columns) w.orWhereRaw(sql, [column, pattern, '\\']);
  });
}
