import fs from 'node:fs';
import type { Knex } from 'knex';
import { dialectOf } from '../db/knex';

/**
 * A per-topic change counter kept in the database ('catalog', 'news'). Writers bump it inside
 * their transaction; readers compare it to the version their cache was built at. One indexed
 * read per request keeps every instance's caches exact without any cross-process messaging.
 */
export async function bumpContentVersion(trx: Knex | Knex.Transaction, name: string): Promise<void> {
  const updated = await trx('content_versions').where({ name }).increment('version', 1);
  if (!updated) await trx('content_versions').insert({ name, version: 1 }).onConflict('name').merge({ version: trx.raw('content_versions.version + 1') });
}

export async function readContentVersion(db: Knex, name: string): Promise<number> {
  const row = await db('content_versions').where({ name }).first('version');
  return row ? Number(row.version) : 0;
}

/**
 * Memoises values derived from the database until the topic's version moves. Promises are cached,
 * so concurrent misses for one key share a single computation instead of stampeding the database.
 */
export class VersionedCache<V> {
  private version: number | string = -1;
  private readonly entries = new Map<string, Promise<V>>();

  constructor(private readonly maxEntries = 500) {}

  async get(currentVersion: number | string, key: string, compute: () => Promise<V>): Promise<V> {
    if (currentVersion !== this.version) {
      this.entries.clear();
      this.version = currentVersion;
    }
    const hit = this.entries.get(key);
    if (hit !== undefined) return hit;
    const pending = compute();
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, pending);
    pending.catch(() => this.entries.get(key) === pending && this.entries.delete(key));
    return pending;
  }
}

/**
 * Reads every topic's version as one string, e.g. `catalog:12,news:3`. On SQLite every commit,
 * from any process, appends to the WAL file: while its size and mtime stand still nothing was
 * committed and the versions cannot have moved, so the query is skipped. PostgreSQL reads each time.
 * Concurrent callers share reads (see `singleFlight`), so a commit under load costs one query,
 * not one per request in flight.
 */
export interface VersionReader {
  (): Promise<string>;
  /** The versions, when they are known to be current without a query (SQLite, nothing committed since); else undefined. */
  known(): string | undefined;
}

export function createVersionReader(db: Knex): VersionReader {
  const read = singleFlight(async (): Promise<string> => {
    const rows: { name: string; version: number | string }[] = await db('content_versions').select('name', 'version').orderBy('name');
    return rows.map((r) => `${r.name}:${r.version}`).join(',');
  });
  const probe = sqliteChangeProbe(db);
  if (!probe) return Object.assign(() => read(), { known: () => undefined });
  let lastToken = '';
  let lastVersions = '';
  const reader = async () => {
    const token = probe();
    if (token !== lastToken || !lastVersions) {
      // Reads run one after another and finish in the order they started, so the last to finish
      // pairs the newest token with the newest versions.
      lastVersions = await read();
      lastToken = token;
    }
    return lastVersions;
  };
  return Object.assign(reader, { known: () => (lastVersions && probe() === lastToken ? lastVersions : undefined) });
}

/**
 * Shares one read among concurrent callers without ever answering a caller with a read that
 * started before it arrived (which could miss a commit it has seen): callers arriving while a
 * read runs all share the next read, started once the running one is done.
 */
export function singleFlight<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  let queued: Promise<T> | undefined;
  const start = (): Promise<T> => {
    const p = read().finally(() => {
      if (running === p) running = undefined;
    });
    running = p;
    return p;
  };
  return () => {
    if (queued) return queued;
    if (!running) return start();
    const next = running.then(
      () => undefined,
      () => undefined,
    ).then(() => {
      queued = undefined;
      return start();
    });
    queued = next;
    return next;
  };
}

/** Bytes of the WAL-index header read (SQLite's WalIndexHdr: iChange, mxFrame, nPage, checksums, salts). */
const WAL_INDEX_HEADER = 48;
/**
 * How often the open -shm file is checked to still be the one on disk. SQLite deletes it only when
 * the last connection to the database closes, and this process keeps its connection open once it
 * has one (the pool's minimum), so a stale file could only be read before that, for this long.
 */
const SHM_RECHECK_MS = 100;
/** Descriptors of probes that are gone (an app built and dropped, as tests do) are closed. */
const openShm = new FinalizationRegistry<number>((fd) => {
  try {
    fs.closeSync(fd);
  } catch {
    // Already closed.
  }
});

/**
 * A token that changes whenever anything commits to the SQLite file (null on PostgreSQL and for an
 * in-memory database, which have no file to watch).
 *
 * It is the WAL-index header at the start of the -shm file: SQLite rewrites it on every commit (its
 * change counter and last frame move, its salts change when the WAL restarts), and readers of any
 * process decide what they see from it, so a commit is visible exactly when the token has changed.
 * One pread on an open descriptor per call: this runs on every cached page, where stat-ing the
 * database and WAL files cost a tenth of the request, and file times only tick every few
 * milliseconds, so two quick commits could look like one. Until the -shm file exists, and should it
 * ever be replaced (checked once a second), the files' sizes and times stand in.
 */
export function sqliteChangeProbe(db: Knex): (() => string) | null {
  // One per database, shared by its readers (page cache, search caches, the engine): one descriptor.
  if (!probes.has(db)) probes.set(db, createChangeProbe(db));
  return probes.get(db) ?? null;
}

const probes = new WeakMap<Knex, (() => string) | null>();

function createChangeProbe(db: Knex): (() => string) | null {
  if (dialectOf(db) !== 'sqlite') return null;
  const file = (db.client.config.connection as { filename: string }).filename;
  if (file === ':memory:') return null;
  const files = [file, `${file}-wal`];
  const shm = `${file}-shm`;
  const header = Buffer.alloc(WAL_INDEX_HEADER);
  let fd: number | null = null;
  let checkedAt = 0;
  const statToken = () => {
    let token = '';
    for (const f of files) {
      const st = fs.statSync(f, { throwIfNoEntry: false });
      token += st ? `${st.ino}:${st.mtimeMs}:${st.size}|` : '-|';
    }
    return token;
  };
  const close = () => {
    if (fd !== null) fs.closeSync(fd);
    fd = null;
  };
  const stillCurrent = (open: number) => {
    const held = fs.fstatSync(open);
    if (held.nlink === 0) return false;
    const onDisk = fs.statSync(shm, { throwIfNoEntry: false });
    return onDisk !== undefined && onDisk.ino === held.ino;
  };
  const probe = () => {
    const now = Date.now();
    if (fd !== null && now - checkedAt > SHM_RECHECK_MS) {
      checkedAt = now;
      if (!stillCurrent(fd)) {
        openShm.unregister(probe);
        close();
      }
    }
    if (fd === null) {
      try {
        fd = fs.openSync(shm, 'r');
        checkedAt = now;
        openShm.register(probe, fd, probe);
      } catch {
        return statToken();
      }
    }
    if (fs.readSync(fd, header, 0, WAL_INDEX_HEADER, 0) < WAL_INDEX_HEADER) return statToken();
    return header.toString('hex');
  };
  return probe;
}
