import { Router, type Request, type Response } from 'express';
import { findAdminByEmail, normaliseEmail, type AdminRow } from './admin-accounts';
import { sessionOf, safeNext } from './admin-request';
import type { AdminDeps } from './admin-routes';
import { ADMIN_TEXT as T } from './admin-strings';
import { throttleKeys, type Admission } from './login-throttle';
import { burnVerification, hashingQueue, HashingBusyError, verifyPassword, PASSWORD_MAX_BYTES } from './password-hasher';

function field(req: Request, name: string): string {
  const v = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v : '';
}

export function authRoutes({ ctx, sessions, throttle }: AdminDeps): Router {
  const router = Router();
  const log = ctx.logger;

  const renderLogin = (res: Response, status: number, opts: { email?: string; error?: string; code?: string; next?: string } = {}) => {
    res.status(status).render('admin/login', { title: T.loginTitle, email: opts.email ?? '', error: opts.error ?? null, code: opts.code ?? null, next: opts.next ?? '' });
  };

  router.get('/login', (req, res) => {
    if (sessionOf(req).adminId) return res.redirect(303, '/admin/products');
    renderLogin(res, 200, { next: safeNext(req.query.next) });
  });

  /**
   * One password check inside a hashing slot, admitted by the throttle first. The slot is taken
   * before any database work, so a flood is refused without touching the database either.
   */
  async function checkPassword(keys: string[], email: string, password: string): Promise<Admission & { admin?: AdminRow }> {
    await hashingQueue.acquire();
    try {
      const admission = await throttle.begin(keys);
      if (!admission.admitted) return admission;
      try {
        const admin = email ? await findAdminByEmail(ctx.db, email) : undefined;
        const ok = admin && Buffer.byteLength(password) <= PASSWORD_MAX_BYTES ? await verifyPassword(admin.password_hash, password) : (await burnVerification(password), false);
        return ok ? { ...admission, admin } : admission;
      } catch (err) {
        await throttle.abandon(keys);
        throw err;
      }
    } finally {
      hashingQueue.release();
    }
  }

  router.post('/login', async (req, res) => {
    const email = normaliseEmail(field(req, 'email')).slice(0, 254);
    const password = field(req, 'password');
    const next = safeNext(field(req, 'next'));
    const ip = String(req.ip ?? 'unknown');
    const keys = throttleKeys(email, ip);

    let checked: Awaited<ReturnType<typeof checkPassword>>;
    try {
      checked = await checkPassword(keys, email, password);
    } catch (err) {
      if (!(err instanceof HashingBusyError)) throw err;
      res.set('Retry-After', '1');
      return renderLogin(res, 503, { email, error: T.loginBusy, code: err.code, next });
    }
    if (!checked.admitted) {
      res.set('Retry-After', String(checked.retryAfterSeconds));
      const locked = checked.reason === 'locked';
      return renderLogin(res, 429, { email, error: locked ? T.loginLocked : T.loginConcurrent, code: locked ? 'login_throttled' : 'login_concurrent', next });
    }
    const admin = checked.admin;
    if (!admin) {
      const after = await throttle.fail(keys);
      if (after.locked) log.warn({ event: 'admin_login_lockout', email, ip, retryAfter: after.retryAfterSeconds }, 'admin login locked out');
      else log.info({ event: 'admin_login_failed', email, ip }, 'admin login failed');
      return renderLogin(res, 401, { email, error: T.loginFailed, code: 'login_failed', next });
    }

    await throttle.succeed(keys, checked);
    await sessions.start(req, res, admin.id, sessionOf(req).token);
    await ctx.db('admins').where({ id: admin.id }).update({ last_login_at: Date.now() });
    log.info({ event: 'admin_login', adminId: admin.id, email: admin.email, ip }, 'admin logged in');
    res.redirect(303, next);
  });

  router.post('/logout', async (req, res) => {
    const session = sessionOf(req);
    await sessions.end(res, session.token);
    log.info({ event: 'admin_logout', adminId: session.adminId }, 'admin logged out');
    res.redirect(303, '/admin/login');
  });

  return router;
}
