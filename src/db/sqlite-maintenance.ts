import fs from 'node:fs';
import type { Knex } from 'knex';
import { BUSY_TIMEOUT_MS, dialectOf } from './knex';

export interface MaintenanceResult {
  walBytesBefore: number;
  walBytesAfter: number;
  /** A TRUNCATE checkpoint ran and copied the whole WAL into the database. */
  checkpointed: boolean;
  /** PRAGMA optimize ran: the database changed since the last maintenance and has been quiet since the previous pass. */
  optimized: boolean;
}

export interface SqliteMaintenance {
  /** One pass; the scheduler calls it, tests call it directly. */
  run(): Promise<MaintenanceResult>;
}

/** Past this size the WAL is checkpointed and truncated when the app is idle enough to do it. */
const WAL_LIMIT_BYTES = 16 * 1024 * 1024;

/**
 * Keeps a long-running SQLite reader healthy after bulk writes from other processes (seed:bulk,
 * import). SQLite's automatic checkpoint runs only in the writing connection and only as far as
 * no reader's snapshot reaches, and it never shrinks the file: a WAL left large and partly
 * un-copied makes every page read of this process search the WAL index first. And without
 * statistics (sqlite_stat1) the planner guesses row counts that a bulk write has made wrong.
 * So, on a timer, once writes have stopped: PRAGMA optimize (bounded by analysis_limit) when
 * the database changed since it last ran, then a TRUNCATE checkpoint when the WAL has grown.
 */
export function sqliteMaintenance(db: Knex, opts: { walLimitBytes?: number } = {}): SqliteMaintenance | null {
  if (dialectOf(db) !== 'sqlite') return null;
  const file = (db.client.config.connection as { filename: string }).filename;
  if (file === ':memory:') return null;
  const limit = opts.walLimitBytes ?? WAL_LIMIT_BYTES;
  const walStat = () => {
    try {
      const st = fs.statSync(`${file}-wal`);
      return { size: st.size, mtime: st.mtimeMs };
    } catch {
      return { size: 0, mtime: 0 };
    }
  };
  /**
   * What has changed: commits by other connections (data_version), this connection's own writes
   * (total_changes), and the WAL file, which grows while a long transaction elsewhere is still open.
   */
  const changeToken = async () => {
    const [{ data_version: version }]: { data_version: number }[] = await db.raw('PRAGMA data_version');
    const [{ n: own }]: { n: number }[] = await db.raw('SELECT total_changes() AS n');
    const wal = walStat();
    return `${version}:${own}:${wal.size}:${wal.mtime}`;
  };
  let previous = '';
  let maintainedAt = '';
  return {
    async run() {
      const walBytesBefore = walStat().size;
      const token = await changeToken();
      // Only once the database has been quiet for a whole interval: ANALYZE and the checkpoint
      // need locks a bulk writer holds, and this process's one connection would wait for them
      // (busy_timeout) while every request queued behind it.
      const quiet = token === previous;
      previous = token;
      if (!quiet || token === maintainedAt) return { walBytesBefore, walBytesAfter: walBytesBefore, checkpointed: false, optimized: false };
      const checkpointed = await withoutWaiting(db, async (all) => {
        // analysis_limit bounds the rows ANALYZE reads per index, so a pass stays cheap at any size.
        await all('PRAGMA analysis_limit = 1000');
        await all('PRAGMA optimize = 0x10002');
        // After optimize, whose statistics land in the WAL too. busy = 1: a reader held it back.
        if (walStat().size <= limit) return false;
        const [{ busy }] = (await all('PRAGMA wal_checkpoint(TRUNCATE)')) as { busy: number }[];
        return Number(busy) === 0;
      });
      previous = maintainedAt = await changeToken();
      return { walBytesBefore, walBytesAfter: walStat().size, checkpointed, optimized: true };
    },
  };
}

interface RawSqlite {
  all(sql: string, cb: (err: Error | null, rows: unknown[]) => void): void;
}

/**
 * Runs `work` on the pool's one connection, held for the duration (requests queue for a moment),
 * with busy_timeout 0: if another process holds the write lock, SQLITE_BUSY comes back at once
 * instead of this process waiting up to busy_timeout with every request behind it.
 */
async function withoutWaiting<T>(db: Knex, work: (all: (sql: string) => Promise<unknown[]>) => Promise<T>): Promise<T> {
  const client = db.client as { acquireConnection(): Promise<RawSqlite>; releaseConnection(c: RawSqlite): Promise<void> };
  const conn = await client.acquireConnection();
  const all = (sql: string) => new Promise<unknown[]>((resolve, reject) => conn.all(sql, (err, rows) => (err ? reject(err) : resolve(rows))));
  try {
    await all('PRAGMA busy_timeout = 0');
    return await work(all);
  } finally {
    await all(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    await client.releaseConnection(conn);
  }
}

/** Runs maintenance every `everyMs` (unref'd: never keeps the process alive); returns a stop function. */
export function startSqliteMaintenance(db: Knex, onResult: (r: MaintenanceResult) => void, onError: (err: unknown) => void, everyMs = 60_000): () => void {
  const m = sqliteMaintenance(db);
  if (!m) return () => {};
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    m.run()
      .then(onResult, onError)
      .finally(() => (running = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
