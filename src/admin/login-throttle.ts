import type { Knex } from 'knex';
import { dialectOf } from '../db/knex';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
const BASE_LOCKOUT_MS = 60_000;
const MAX_LOCKOUT_MS = 60 * 60_000;
/** A key that has been quiet this long starts again from the shortest back-off. */
const LOCKOUT_MEMORY_MS = 24 * 60 * 60_000;
/** Longer than any verification (queue included); a lease left by a crashed process lapses after it. */
const LEASE_MS = 30_000;
/**
 * Attempts checked at the same time per key. A person signs in to one account once at a time;
 * an office behind one address may have two admins signing in together.
 */
const IN_FLIGHT_CAP = { account: 1, ip: 2 } as const;

interface ThrottleRow {
  key: string;
  failures: number;
  window_start: number | string;
  last_failure_at: number | string;
  lockouts: number;
  locked_until: number | string;
  in_flight: number;
  lease_until: number | string;
}

type Values = Omit<ThrottleRow, 'key'>;

export interface ThrottleVerdict {
  readonly locked: boolean;
  /** Seconds until the earliest key allows another attempt. */
  readonly retryAfterSeconds: number;
}

export type Admission =
  | { readonly admitted: true; /** The account key's last failure when this attempt was let in. */ readonly lastFailureAt: number }
  | { readonly admitted: false; readonly reason: 'locked' | 'concurrent'; readonly retryAfterSeconds: number };

export function throttleKeys(email: string, ip: string): string[] {
  return [`account:${email}`.slice(0, 300), `ip:${ip}`.slice(0, 300)];
}

const capOf = (key: string) => (key.startsWith('account:') ? IN_FLIGHT_CAP.account : IN_FLIGHT_CAP.ip);
const inFlightOf = (row: ThrottleRow, t: number) => (Number(row.lease_until) > t ? row.in_flight : 0);
const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/**
 * One more failure on a key. A lockout starts only when the key is not locked already, so the
 * back-off doubles once per lockout (1, 2, 4 … 60 minutes), never once per failure.
 */
function withFailure(row: ThrottleRow, t: number): { values: Partial<Values>; lockMs: number } {
  const inWindow = t - Number(row.window_start) <= FAILURE_WINDOW_MS;
  const failures = inWindow ? row.failures + 1 : 1;
  const values: Partial<Values> = { failures, window_start: inWindow ? Number(row.window_start) : t, last_failure_at: t };
  if (failures < MAX_FAILURES || Number(row.locked_until) > t) return { values, lockMs: 0 };
  const lockouts = (t - Number(row.last_failure_at) <= LOCKOUT_MEMORY_MS ? row.lockouts : 0) + 1;
  const lockMs = Math.min(BASE_LOCKOUT_MS * 2 ** (lockouts - 1), MAX_LOCKOUT_MS);
  return { values: { ...values, lockouts, locked_until: t + lockMs }, lockMs };
}

function releaseLease(row: ThrottleRow, t: number): Partial<Values> {
  return { in_flight: Math.max(0, inFlightOf(row, t) - 1) };
}

/**
 * Per-account and per-IP attempt counting in the database, so every instance sees the same
 * counts. An attempt is admitted atomically before its password is checked: refused while a key
 * is locked, and refused (and counted as a failure) while the key already has its cap of
 * attempts in flight or in-flight attempts could take it past the limit. So however many
 * requests arrive at once, at most MAX_FAILURES passwords are checked per key and window.
 */
export function createLoginThrottle(db: Knex, now: () => number = Date.now) {
  const pg = dialectOf(db) === 'pg';

  /**
   * The keys' rows, created if missing and locked for this transaction: FOR UPDATE on
   * PostgreSQL; on SQLite the first statement is a write, which takes the database's write lock.
   * The time comes with them, read once the locks are held: a clock read before waiting for them
   * would be older than what the attempt that held them wrote (a Retry-After of 61 s on a 60 s lock).
   */
  async function lockRows(trx: Knex.Transaction, keys: readonly string[]): Promise<{ rows: ThrottleRow[]; t: number }> {
    const sorted = [...new Set(keys)].sort();
    for (const key of sorted) {
      await trx('admin_login_throttle')
        .insert({ key, failures: 0, window_start: now(), last_failure_at: 0, lockouts: 0, locked_until: 0, in_flight: 0, lease_until: 0 })
        .onConflict('key')
        .ignore();
    }
    const query = trx<ThrottleRow>('admin_login_throttle').whereIn('key', sorted).orderBy('key');
    const rows = await (pg ? query.forUpdate() : query);
    return { rows, t: now() };
  }

  const update = (trx: Knex.Transaction, key: string, values: Partial<Values>) => trx('admin_login_throttle').where({ key }).update(values);

  async function begin(keys: readonly string[]): Promise<Admission> {
    return db.transaction(async (trx): Promise<Admission> => {
      const { rows, t } = await lockRows(trx, keys);
      const lockedUntil = Math.max(0, ...rows.map((r) => Number(r.locked_until)));
      if (lockedUntil > t) return { admitted: false, reason: 'locked', retryAfterSeconds: seconds(lockedUntil - t) };
      const crowded = rows.some((r) => {
        const inFlight = inFlightOf(r, t);
        const failures = t - Number(r.window_start) <= FAILURE_WINDOW_MS ? r.failures : 0;
        return inFlight >= capOf(r.key) || (inFlight > 0 && failures + inFlight >= MAX_FAILURES);
      });
      if (crowded) {
        // Parallel attempts are what a script sends, not a person: each counts as a failure.
        let lockMs = 0;
        for (const r of rows) {
          const failed = withFailure(r, t);
          lockMs = Math.max(lockMs, failed.lockMs);
          await update(trx, r.key, failed.values);
        }
        return { admitted: false, reason: 'concurrent', retryAfterSeconds: lockMs > 0 ? seconds(lockMs) : 1 };
      }
      for (const r of rows) await update(trx, r.key, { in_flight: inFlightOf(r, t) + 1, lease_until: t + LEASE_MS });
      return { admitted: true, lastFailureAt: Number(rows.find((r) => r.key === keys[0])?.last_failure_at ?? 0) };
    });
  }

  /** Records one failure on every key and ends the attempt; returns the lockout it caused, if any. */
  async function fail(keys: readonly string[]): Promise<ThrottleVerdict> {
    const lockMs = await db.transaction(async (trx) => {
      let longest = 0;
      const { rows, t } = await lockRows(trx, keys);
      for (const r of rows) {
        const failed = withFailure(r, t);
        longest = Math.max(longest, failed.lockMs);
        await update(trx, r.key, { ...failed.values, ...releaseLease(r, t) });
      }
      return longest;
    });
    return lockMs > 0 ? { locked: true, retryAfterSeconds: seconds(lockMs) } : { locked: false, retryAfterSeconds: 0 };
  }

  /**
   * A successful login forgets the account's failures (the IP's stay: it may be guessing others),
   * but only if no failure was recorded while it was being checked: a success must not wipe
   * out the guesses that raced it.
   */
  async function succeed(keys: readonly string[], admission: { lastFailureAt: number }): Promise<void> {
    await db.transaction(async (trx) => {
      const { rows, t } = await lockRows(trx, keys);
      for (const r of rows) {
        const untouched = r.key === keys[0] && Number(r.last_failure_at) === admission.lastFailureAt && Number(r.locked_until) <= t;
        if (untouched) await trx('admin_login_throttle').where({ key: r.key }).del();
        else await update(trx, r.key, releaseLease(r, t));
      }
    });
  }

  /** Ends an attempt that was admitted but never checked (the server was too busy to hash). */
  async function abandon(keys: readonly string[]): Promise<void> {
    await db.transaction(async (trx) => {
      const { rows, t } = await lockRows(trx, keys);
      for (const r of rows) await update(trx, r.key, releaseLease(r, t));
    });
  }

  return { begin, fail, succeed, abandon };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
