import type { Knex } from 'knex';
import { dialectOf } from './knex';

/** Runs one read statement with `?` bindings and answers its rows. */
export type RawRead = <T>(sql: string, bindings: readonly (string | number)[]) => Promise<T[]>;

interface SqliteConnection {
  all(sql: string, params: unknown[], callback: (err: Error | null, rows: unknown[]) => void): void;
}

interface Pool {
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<unknown>;
}

/**
 * Read statements straight on knex's pooled SQLite connection. knex's runner costs about 0.1 ms
 * per statement (compiling, events, promise hops), as much as a whole FTS5 lookup, and a search
 * runs five to eight statements. The pool still hands out the connection, so these reads wait for
 * a transaction in progress like any other query. For hot read paths only (the embedded search
 * engine); writes stay with knex and its transactions. Elsewhere than SQLite: knex's raw.
 */
export function rawReader(db: Knex): RawRead {
  if (dialectOf(db) !== 'sqlite') {
    return async <T>(sql: string, bindings: readonly (string | number)[]) => {
      const result = (await db.raw(sql, [...bindings])) as { rows: T[] };
      return result.rows;
    };
  }
  const pool = db.client as unknown as Pool;
  return async <T>(sql: string, bindings: readonly (string | number)[]) => {
    const connection = (await pool.acquireConnection()) as SqliteConnection;
    try {
      return await new Promise<T[]>((resolve, reject) => connection.all(sql, [...bindings], (err, rows) => (err ? reject(err) : resolve(rows as T[]))));
    } finally {
      await pool.releaseConnection(connection);
    }
  };
}
