import type { Knex } from 'knex';
import sqlite3 from 'sqlite3';
import { BUSY_TIMEOUT_MS, dialectOf } from './knex';

/** Runs one read statement with `?` bindings and answers its rows. */
export type RawRead = <T>(sql: string, bindings: readonly (string | number)[]) => Promise<T[]>;

interface SqliteConnection {
  all(sql: string, params: unknown[], callback: (err: Error | null, rows: unknown[]) => void): void;
}

interface Pool {
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<unknown>;
}

/** Read connections per SQLite database: two cores here, and the event loop is idle while they run. */
const READ_CONNECTIONS = 2;
/** Prepared statements kept per read connection (the engine's statements are a few dozen texts). */
const STATEMENTS_KEPT = 128;

/**
 * Read statements for hot paths (the embedded search engine), beside knex. knex's runner costs
 * about 0.1 ms per statement (compiling, events, promise hops), as much as a whole FTS5 lookup,
 * and a search runs several statements. Writes stay with knex and its transactions.
 *
 * On a SQLite file the reads run on connections of their own (one set per database, closed with
 * it): WAL lets them read the last committed state while knex's single connection writes, so a
 * search never waits behind an import's transaction, and statements issued together run side by
 * side on SQLite's worker threads. An in-memory database has only knex's connection. Elsewhere
 * than SQLite: knex's raw.
 */
export function rawReader(db: Knex): RawRead {
  let reader = readers.get(db);
  if (!reader) {
    reader = createReader(db);
    readers.set(db, reader);
  }
  return reader;
}

const readers = new WeakMap<Knex, RawRead>();

function createReader(db: Knex): RawRead {
  if (dialectOf(db) !== 'sqlite') {
    return async <T>(sql: string, bindings: readonly (string | number)[]) => {
      const result = (await db.raw(sql, [...bindings])) as { rows: T[] };
      return result.rows;
    };
  }
  const file = (db.client.config.connection as { filename?: string }).filename;
  if (!file || file === ':memory:' || file.startsWith('file:')) return pooledReader(db);
  return readConnections(db, file, READ_CONNECTIONS);
}

/** Reads on knex's own pooled connection: they wait for a transaction in progress like any query. */
function pooledReader(db: Knex): RawRead {
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

interface ReadConnection {
  readonly db: sqlite3.Database;
  /** Prepared statements by SQL text, least recently used first. */
  readonly statements: Map<string, Promise<sqlite3.Statement>>;
  /** Statements queued or running on this connection. */
  busy: number;
  /** The last statement queued: each waits for the one before it. */
  tail: Promise<unknown>;
}

function readConnections(db: Knex, file: string, size: number): RawRead {
  let opening: Promise<ReadConnection[]> | null = null;
  let open: ReadConnection[] | null = null;
  let closed = false;
  const connect = () =>
    new Promise<ReadConnection>((resolve, reject) => {
      // Read-write without create (the file is knex's), so SQLite may use the -shm file as any reader
      // does; query_only refuses writes all the same.
      const conn = new sqlite3.Database(file, sqlite3.OPEN_READWRITE, (err) => {
        if (err) return reject(err);
        const failed = (e: Error) => conn.close(() => reject(e));
        conn.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}; PRAGMA query_only = 1;`, (e) => (e ? failed(e) : resolve({ db: conn, statements: new Map(), busy: 0, tail: Promise.resolve() })));
      });
    });
  const start = async () => {
    // knex's connection creates the file and puts it in WAL mode: the readers come after it.
    const pool = db.client as unknown as Pool;
    await pool.releaseConnection(await pool.acquireConnection());
    const opened = await Promise.allSettled(Array.from({ length: size }, connect));
    const failure = opened.find((o) => o.status === 'rejected');
    if (failure) {
      // None is kept unless all opened: close those that did, the next read tries again.
      await Promise.all(opened.map((o) => (o.status === 'fulfilled' ? new Promise<void>((resolve) => o.value.db.close(() => resolve())) : null)));
      throw failure.reason;
    }
    open = opened.map((o) => (o as PromiseFulfilledResult<ReadConnection>).value);
    return open;
  };
  // Closed with the database: knex's destroy() closes these first.
  const client = db.client as { destroy: (...args: unknown[]) => Promise<unknown> };
  const destroy = client.destroy.bind(client);
  client.destroy = async (...args: unknown[]) => {
    closed = true;
    const closing = opening ? await opening.catch(() => []) : [];
    open = null;
    await Promise.all(closing.map(async (c) => {
      const kept = await Promise.all([...c.statements.values()].map((p) => p.catch(() => null)));
      await Promise.all(kept.map((st) => st && new Promise<void>((resolve) => st.finalize(() => resolve()))));
      c.statements.clear();
      await new Promise<void>((resolve) => c.db.close(() => resolve()));
    }));
    return destroy(...args);
  };
  // Statements are prepared once per connection and kept: preparing an FTS5 query costs a third
  // of a millisecond, as much as running it, and the engine runs the same few texts all day.
  const statement = (conn: ReadConnection, sql: string): Promise<sqlite3.Statement> => {
    const kept = conn.statements.get(sql);
    if (kept) {
      conn.statements.delete(sql);
      conn.statements.set(sql, kept);
      return kept;
    }
    const preparing = new Promise<sqlite3.Statement>((resolve, reject) => {
      const st = conn.db.prepare(sql, (err) => (err ? reject(err) : resolve(st)));
    });
    conn.statements.set(sql, preparing);
    // A statement that does not prepare is not kept: the caller gets the error, the next use tries again.
    preparing.catch(() => conn.statements.get(sql) === preparing && conn.statements.delete(sql));
    if (conn.statements.size > STATEMENTS_KEPT) {
      const [oldest, old] = conn.statements.entries().next().value as [string, Promise<sqlite3.Statement>];
      conn.statements.delete(oldest);
      old.then((st) => st.finalize(), () => undefined);
    }
    return preparing;
  };
  // One statement at a time per connection, in order (preparing included): a queue here, rather
  // than worker threads blocked on the connection's mutex, or a new statement text waiting in
  // node-sqlite3's own queue for as long as reused statements keep the connection busy.
  const run = <T>(conn: ReadConnection, sql: string, bindings: readonly (string | number)[]): Promise<T[]> => {
    conn.busy++;
    const task = conn.tail.then(async () => {
      const st = await statement(conn, sql);
      return new Promise<T[]>((resolve, reject) => st.all([...bindings], (err: Error | null, rows: unknown[]) => (err ? reject(err) : resolve(rows as T[]))));
    });
    conn.tail = task.then(
      () => undefined,
      () => undefined,
    );
    return task.finally(() => conn.busy--);
  };
  // The connection with the fewest statements queued: each runs its queue on its own thread.
  const least = (conns: readonly ReadConnection[]) => conns.reduce((a, b) => (b.busy < a.busy ? b : a));
  return async <T>(sql: string, bindings: readonly (string | number)[]) => {
    if (closed) throw new Error('the database has been closed');
    if (open) return run<T>(least(open), sql, bindings);
    if (!opening) {
      opening = start();
      // A failed start is tried again by the next read.
      opening.catch(() => (opening = null));
    }
    return run<T>(least(await opening), sql, bindings);
  };
}
