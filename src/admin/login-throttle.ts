import type { Knex } from 'knex';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
const BASE_LOCKOUT_MS = 60_000;
const MAX_LOCKOUT_MS = 60 * 60_000;
/** A key that has been quiet this long starts again from the shortest back-off. */
const LOCKOUT_MEMORY_MS = 24 * 60 * 60_000;

interface ThrottleRow {
  key: string;
  failures: number;
  window_start: number | string;
  last_failure_at: number | string;
  lockouts: number;
  locked_until: number | string;
}

export interface ThrottleVerdict {
  readonly locked: boolean;
  /** Seconds until the earliest key allows another attempt. */
  readonly retryAfterSeconds: number;
}

export function throttleKeys(email: string, ip: string): string[] {
  return [`account:${email}`.slice(0, 300), `ip:${ip}`.slice(0, 300)];
}

/**
 * Per-account and per-IP failure counting in the database, so every instance sees the same
 * counts. Five failures inside fifteen minutes lock a key; each further lockout doubles
 * (1, 2, 4 … 60 minutes). A locked key is refused before the password is even checked.
 */
export function createLoginThrottle(db: Knex, now: () => number = Date.now) {
  async function check(keys: readonly string[]): Promise<ThrottleVerdict> {
    const rows: ThrottleRow[] = await db('admin_login_throttle').whereIn('key', keys as string[]);
    const t = now();
    const until = Math.max(0, ...rows.map((r) => Number(r.locked_until)));
    return until > t ? { locked: true, retryAfterSeconds: Math.ceil((until - t) / 1000) } : { locked: false, retryAfterSeconds: 0 };
  }

  /** Records one failure on every key; returns the lockout it caused, if any. */
  async function fail(keys: readonly string[]): Promise<ThrottleVerdict> {
    const t = now();
    let longest = 0;
    await db.transaction(async (trx) => {
      for (const key of keys) {
        const row: ThrottleRow | undefined = await trx('admin_login_throttle').where({ key }).first();
        let failures = 1;
        let windowStart = t;
        let lockouts = 0;
        if (row) {
          const inWindow = t - Number(row.window_start) <= FAILURE_WINDOW_MS;
          failures = inWindow ? row.failures + 1 : 1;
          windowStart = inWindow ? Number(row.window_start) : t;
          lockouts = t - Number(row.last_failure_at) <= LOCKOUT_MEMORY_MS ? row.lockouts : 0;
        }
        let lockedUntil = row ? Number(row.locked_until) : 0;
        if (failures >= MAX_FAILURES) {
          lockouts += 1;
          const duration = Math.min(BASE_LOCKOUT_MS * 2 ** (lockouts - 1), MAX_LOCKOUT_MS);
          lockedUntil = t + duration;
          longest = Math.max(longest, duration);
        }
        const values = { failures, window_start: windowStart, last_failure_at: t, lockouts, locked_until: lockedUntil };
        if (row) await trx('admin_login_throttle').where({ key }).update(values);
        else await trx('admin_login_throttle').insert({ key, ...values });
      }
    });
    return longest > 0 ? { locked: true, retryAfterSeconds: Math.ceil(longest / 1000) } : { locked: false, retryAfterSeconds: 0 };
  }

  /** A successful login forgets the account's failures (the IP's stay: it may be guessing others). */
  async function succeed(accountKey: string): Promise<void> {
    await db('admin_login_throttle').where({ key: accountKey }).del();
  }

  return { check, fail, succeed };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
