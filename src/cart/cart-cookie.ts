import { createHash, randomBytes } from 'node:crypto';
import type { CookieOptions, Request, Response } from 'express';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const YEAR_MS = 365 * 24 * 3600 * 1000;

export function cartCookieName(production: boolean): string {
  // Like the admin cookie: __Host- makes the browser insist on Secure, Path=/ and host-only.
  return production ? '__Host-qipei_cart' : 'qipei_cart';
}

/** The database stores a hash of the cookie, so a leaked table cannot be used to read carts. */
export function cartIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface CartCookie {
  /** The shopper's token, or null when they have none yet. */
  read(req: Request): string | null;
  /** The existing token, or a fresh random one set on the response. */
  ensure(req: Request, res: Response): string;
}

export function cartCookie(production: boolean): CartCookie {
  const name = cartCookieName(production);
  const options: CookieOptions = { httpOnly: true, sameSite: 'lax', secure: production, path: '/', maxAge: YEAR_MS };
  const read = (req: Request): string | null => {
    const raw: unknown = (req.cookies as Record<string, unknown> | undefined)?.[name];
    return typeof raw === 'string' && TOKEN.test(raw) ? raw : null;
  };
  return {
    read,
    ensure(req, res) {
      const existing = read(req);
      if (existing) return existing;
      const fresh = randomBytes(32).toString('base64url');
      res.cookie(name, fresh, options);
      // Later middleware in this request (the CSRF token) must see the same identity.
      (req.cookies as Record<string, string>)[name] = fresh;
      return fresh;
    },
  };
}
