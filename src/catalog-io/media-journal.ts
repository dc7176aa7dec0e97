import os from 'node:os';
import type { Knex } from 'knex';
import type { MediaStorage } from '../media';

type Conn = Knex | Knex.Transaction;

/** This process, as the holder of the media keys it is writing. */
export const HOLDER = `${os.hostname()}:${process.pid}`.slice(0, 120);

/** After this long a journalled key's writer is presumed gone, wherever it ran. */
const STALE_MS = 60 * 60 * 1000;
const CHUNK = 200;

async function chunked(keys: readonly string[], fn: (part: string[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < keys.length; i += CHUNK) await fn(keys.slice(i, i + CHUNK));
}

export async function journalKeys(conn: Conn, keys: readonly string[]): Promise<void> {
  const now = Date.now();
  await chunked(keys, (part) => conn('media_pending').insert(part.map((key) => ({ key, holder: HOLDER, created_at: now }))).onConflict('key').ignore());
}

export async function unjournalKeys(conn: Conn, keys: readonly string[]): Promise<void> {
  await chunked(keys, (part) => conn('media_pending').whereIn('key', part).delete());
}

/**
 * Storage that journals every key (committed at once, outside any transaction) before its file
 * is written. Whatever happens next, a crash included, the file is either referenced by a
 * committed row that unjournalled it, or listed for the sweep.
 */
export function journalledStorage(db: Knex, storage: MediaStorage): MediaStorage {
  return {
    async put(key, data, contentType) {
      await journalKeys(db, [key]);
      return storage.put(key, data, contentType);
    },
    open: (key) => storage.open(key),
    delete: (keys) => storage.delete(keys),
    exists: (key) => storage.exists(key),
  };
}

/** Removes files nothing references any more, then forgets them. */
export async function releaseKeys(db: Knex, storage: MediaStorage, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await storage.delete(keys);
  await unjournalKeys(db, keys);
}

function holderGone(holder: string): boolean {
  const cut = holder.lastIndexOf(':');
  if (holder.slice(0, cut) !== os.hostname()) return false;
  const pid = Number(holder.slice(cut + 1));
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

const baseKeyOf = (key: string) => key.replace(/-\d+\.(webp|jpg|png|avif)$/, '');

/**
 * Deletes the files of journalled keys whose writer died (same host, process gone) or is long
 * past any import's lifetime. A key a committed image row still uses is only forgotten.
 * Returns the number of files removed.
 */
export async function sweepOrphanMedia(db: Knex, storage: MediaStorage): Promise<number> {
  const rows: { key: string; holder: string; created_at: number | string }[] = await db('media_pending').select('key', 'holder', 'created_at');
  const now = Date.now();
  const due = rows.filter((r) => r.holder === HOLDER ? false : holderGone(r.holder) || now - Number(r.created_at) > STALE_MS).map((r) => r.key);
  if (due.length === 0) return 0;
  const used = new Set<string>();
  await chunked([...new Set(due.map(baseKeyOf))], async (part) => {
    for (const r of (await db('product_images').whereIn('storage_key', part).select('storage_key')) as { storage_key: string }[]) used.add(r.storage_key);
  });
  const orphans = due.filter((k) => !used.has(baseKeyOf(k)));
  await storage.delete(orphans);
  await unjournalKeys(db, due);
  return orphans.length;
}
