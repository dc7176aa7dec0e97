import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Knex } from 'knex';
import { AppError } from '../shared/errors';

export const LOOKUP_LIMIT = 20;
export const LOOKUP_WINDOW_MS = 15 * 60_000;

/** The confirmation page's link: an HMAC of the order number under SESSION_SECRET. */
export function orderSignature(secret: string, number: string): string {
  return createHmac('sha256', secret).update(`order:${number}`).digest('base64url').slice(0, 32);
}

export function verifySignature(secret: string, number: string, sig: unknown): boolean {
  if (typeof sig !== 'string' || sig.length !== 32) return false;
  return timingSafeEqual(Buffer.from(sig), Buffer.from(orderSignature(secret, number)));
}

export function signedOrderPath(secret: string, number: string): string {
  return `/orders/${number}?sig=${orderSignature(secret, number)}`;
}

/**
 * Lookups per client in a fixed window, counted in the database (every instance sees the same
 * count) with one atomic upsert: two requests at once can't both read the old count.
 */
export function createLookupThrottle(db: Knex, now: () => number = Date.now) {
  return async function hit(key: string): Promise<void> {
    const t = now();
    const expired = t - LOOKUP_WINDOW_MS;
    await db('order_lookup_throttle')
      .insert({ key, count: 1, window_start: t })
      .onConflict('key')
      .merge({
        count: db.raw('case when order_lookup_throttle.window_start < ? then 1 else order_lookup_throttle.count + 1 end', [expired]),
        window_start: db.raw('case when order_lookup_throttle.window_start < ? then ? else order_lookup_throttle.window_start end', [expired, t]),
      });
    const row = await db('order_lookup_throttle').where({ key }).first('count', 'window_start');
    if (row && Number(row.count) > LOOKUP_LIMIT) {
      const retryAfter = Math.max(1, Math.ceil((Number(row.window_start) + LOOKUP_WINDOW_MS - t) / 1000));
      throw new AppError(429, 'too_many_lookups', '查询过于频繁，请稍后再试', { retryAfter });
    }
  };
}

export type LookupThrottle = ReturnType<typeof createLookupThrottle>;
