import { Router } from 'express';
import type { AppContext } from './context';

/** Outbox rows older than this make the instance "not ready": search is falling behind. */
const MAX_OUTBOX_LAG = 10_000;

export function healthRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const checks: Record<string, { ok: boolean; detail?: string; outboxLag?: number }> = {};
    try {
      await ctx.db.raw('select 1');
      checks.database = { ok: true };
    } catch (err) {
      checks.database = { ok: false, detail: (err as Error).message };
    }
    try {
      const health = await ctx.search.health();
      const lagOk = health.outboxLag === undefined || health.outboxLag < MAX_OUTBOX_LAG;
      checks.search = { ok: health.ok && lagOk, detail: health.detail, ...(health.outboxLag !== undefined ? { outboxLag: health.outboxLag } : {}) };
    } catch (err) {
      checks.search = { ok: false, detail: (err as Error).message };
    }
    const ok = Object.values(checks).every((c) => c.ok);
    res.status(ok ? 200 : 503).set('Cache-Control', 'no-store').json({ status: ok ? 'ok' : 'unavailable', engine: ctx.search.name, checks });
  });
  return router;
}
