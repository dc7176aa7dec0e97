import fs from 'node:fs';
import type { Knex } from 'knex';
import { dialectOf } from './knex';

export interface MaintenanceResult {
  walBytesBefore: number;
  walBytesAfter: number;
  /** A TRUNCATE checkpoint ran and copied the whole WAL into the database. */
  checkpointed: boolean;
  /** PRAGMA optimize ran because another connection (or this one) committed since the last pass. */
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
 * So, on a timer: checkpoint with TRUNCATE when the WAL has grown, and run PRAGMA optimize
 * (bounded by analysis_limit) when the database changed since the last pass.
 */
export function sqliteMaintenance(db: Knex, opts: { walLimitBytes?: number } = {}): SqliteMaintenance | null {
  if (dialectOf(db) !== 'sqlite') return null;
  const file = (db.client.config.connection as { filename: string }).filename;
  if (file === ':memory:') return null;
  const limit = opts.walLimitBytes ?? WAL_LIMIT_BYTES;
  const walSize = () => {
    try {
      return fs.statSync(`${file}-wal`).size;
    } catch {
      return 0;
    }
  };
  let lastToken = '';
  return {
    async run() {
      const walBytesBefore = walSize();
      // data_version moves when another connection has committed since this one last read it;
      // total_changes counts this connection's own writes.
      const [{ data_version: version }]: { data_version: number }[] = await db.raw('PRAGMA data_version');
      const [{ n: own }]: { n: number }[] = await db.raw('SELECT total_changes() AS n');
      const token = `${version}:${own}`;
      // The first pass optimizes too: a database that was never analysed gets its statistics.
      const optimized = token !== lastToken;
      if (optimized) {
        // analysis_limit bounds the rows ANALYZE reads per index, so a pass stays cheap at any size.
        await db.raw('PRAGMA analysis_limit = 1000');
        await db.raw('PRAGMA optimize = 0x10002');
      }
      // After optimize, whose statistics land in the WAL too.
      let checkpointed = false;
      if (walSize() > limit) {
        // busy = 1 when a reader or writer elsewhere held it back; the next pass tries again.
        const [{ busy }]: { busy: number }[] = await db.raw('PRAGMA wal_checkpoint(TRUNCATE)');
        checkpointed = Number(busy) === 0;
      }
      const [{ n: after }]: { n: number }[] = await db.raw('SELECT total_changes() AS n');
      lastToken = `${(await db.raw('PRAGMA data_version'))[0].data_version}:${after}`;
      return { walBytesBefore, walBytesAfter: walSize(), checkpointed, optimized };
    },
  };
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
