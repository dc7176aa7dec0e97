import { createHash, randomBytes } from 'node:crypto';
import type { CookieOptions, Request, Response } from 'express';
import type { Knex } from 'knex';

export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60_000;
/** Writing last_seen_at on every request would serialise reads behind SQLite's writer for nothing. */
const TOUCH_EVERY_MS = 60_000;

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export interface AdminSession {
  /** The raw cookie value; also what CSRF tokens are bound to. */
  readonly token: string;
  readonly adminId: number | null;
  readonly email: string | null;
}

export function sessionCookieName(production: boolean): string {
  // __Host- makes the browser refuse the cookie unless Secure, Path=/ and host-only.
  return production ? '__Host-qipei_admin' : 'qipei_admin';
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Sessions live in the database (shared by every instance), keyed by a hash of the cookie.
 * Before login a visitor holds an anonymous token that is never stored: it only anchors the
 * login form's CSRF token. Login always mints a fresh token, so a planted one is worthless.
 */
export function createSessionManager(db: Knex, opts: { production: boolean; now?: () => number }) {
  const now = opts.now ?? Date.now;
  const cookieName = sessionCookieName(opts.production);
  const cookieOptions: CookieOptions = { httpOnly: true, sameSite: 'lax', secure: opts.production, path: '/' };

  function setCookie(res: Response, token: string): void {
    res.cookie(cookieName, token, cookieOptions);
  }

  async function load(req: Request, res: Response): Promise<AdminSession> {
    const raw: unknown = req.cookies?.[cookieName];
    const token = typeof raw === 'string' && TOKEN.test(raw) ? raw : null;
    if (!token) {
      const fresh = newToken();
      setCookie(res, fresh);
      return { token: fresh, adminId: null, email: null };
    }
    const row = (await db('admin_sessions as s')
      .join('admins as a', 'a.id', 's.admin_id')
      .where('s.id', digest(token))
      .first('s.admin_id', 's.created_at', 's.last_seen_at', 'a.email')) as
      | { admin_id: number; created_at: number | string; last_seen_at: number | string; email: string }
      | undefined;
    if (!row) return { token, adminId: null, email: null };
    const t = now();
    const expired = t - Number(row.last_seen_at) > IDLE_TIMEOUT_MS || t - Number(row.created_at) > ABSOLUTE_TIMEOUT_MS;
    if (expired) {
      await db('admin_sessions').where('id', digest(token)).del();
      const fresh = newToken();
      setCookie(res, fresh);
      return { token: fresh, adminId: null, email: null };
    }
    if (t - Number(row.last_seen_at) > TOUCH_EVERY_MS) {
      await db('admin_sessions').where('id', digest(token)).update({ last_seen_at: t });
    }
    return { token, adminId: Number(row.admin_id), email: row.email };
  }

  /** Replaces whatever token the browser had (session fixation) with a new, stored one. */
  async function start(req: Request, res: Response, adminId: number, previous: string | null): Promise<AdminSession> {
    const t = now();
    if (previous) await db('admin_sessions').where('id', digest(previous)).del();
    // Expired rows are swept here: logins are rare, so this costs nothing on normal requests.
    await db('admin_sessions').where('last_seen_at', '<', t - IDLE_TIMEOUT_MS).orWhere('created_at', '<', t - ABSOLUTE_TIMEOUT_MS).del();
    const token = newToken();
    await db('admin_sessions').insert({
      id: digest(token), admin_id: adminId, created_at: t, last_seen_at: t,
      ip: String(req.ip ?? '').slice(0, 64), user_agent: String(req.get('user-agent') ?? '').slice(0, 300),
    });
    setCookie(res, token);
    return { token, adminId, email: null };
  }

  async function end(res: Response, token: string): Promise<void> {
    await db('admin_sessions').where('id', digest(token)).del();
    res.clearCookie(cookieName, cookieOptions);
  }

  return { load, start, end, cookieName, digest };
}

export type SessionManager = ReturnType<typeof createSessionManager>;
