import { Router } from 'express';
import type { AppContext } from './context';

/** More unconfirmed search changes than this: search is falling behind (reported, not fatal). */
const MAX_OUTBOX_LAG = 10_000;

interface SearchCheck {
  ok: boolean;
  state: 'ok' | 'degraded';
  detail?: string;
  outboxLag?: number;
  dead?: number;
  index?: string;
}

/**
 * /readyz answers 503 only when this instance cannot serve pages (the database). Search trouble
 * (Meilisearch unreachable, its index missing, a backlog) is the same on every instance: failing
 * readiness would take the whole storefront out of the balancer, so it is reported as
 * `search: degraded` while pages keep serving and search answers 503 search_unavailable.
 */
export function healthRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const checks: { database: { ok: boolean; detail?: string }; search: SearchCheck } = {
      database: { ok: true },
      search: { ok: false, state: 'degraded' },
    };
    try {
      await ctx.db.raw('select 1');
    } catch (err) {
      checks.database = { ok: false, detail: (err as Error).message };
    }
    try {
      const h = await ctx.search.health();
      const lagging = h.outboxLag !== undefined && h.outboxLag >= MAX_OUTBOX_LAG;
      const ok = h.ok && !lagging;
      checks.search = {
        ok,
        state: ok ? 'ok' : 'degraded',
        detail: lagging ? `search is falling behind (${h.outboxLag} changes pending); ${h.detail ?? ''}` : h.detail,
        ...(h.outboxLag !== undefined ? { outboxLag: h.outboxLag } : {}),
        ...(h.dead !== undefined ? { dead: h.dead } : {}),
        ...(h.index !== undefined ? { index: h.index } : {}),
      };
    } catch (err) {
      checks.search = { ok: false, state: 'degraded', detail: (err as Error).message };
    }
    const ready = checks.database.ok;
    const status = !ready ? 'unavailable' : checks.search.ok ? 'ok' : 'degraded';
    res
      .status(ready ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json({ status, engine: ctx.search.name, search: checks.search.state, checks });
  });
  return router;
}
