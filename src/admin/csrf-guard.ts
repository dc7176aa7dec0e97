import type { Request, RequestHandler } from 'express';
import { doubleCsrf } from 'csrf-csrf';
import { AppError } from '../shared/errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export class CsrfError extends AppError {
  constructor(code: 'csrf_invalid' | 'cross_site_request') {
    super(403, code, code === 'csrf_invalid' ? '页面已过期或请求来源无效，请刷新页面后重试' : '拒绝跨站请求');
  }
}

/**
 * The Origin must name this host. Its scheme may be https even when Express sees http: behind a
 * TLS-terminating proxy without TRUST_PROXY, refusing every admin form would help nobody.
 */
function sameOrigin(origin: string, req: Request): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // includes the opaque origin "null"
  }
  return url.host === req.get('host') && (url.protocol === `${req.protocol}:` || url.protocol === 'https:');
}

/**
 * Fetch metadata and Origin first: a browser tells us when a request is cross-site, and we
 * refuse it before reading the body. Clients that send neither (old browsers, curl) still
 * need the CSRF token, so nothing is weaker for them.
 */
export const rejectCrossSite: RequestHandler = (req, _res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const site = req.get('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin') return next(new CsrfError('cross_site_request'));
  const origin = req.get('origin');
  if (origin !== undefined && !sameOrigin(origin, req)) return next(new CsrfError('cross_site_request'));
  next();
};

function tokenFromRequest(req: Request): string | undefined {
  const header = req.get('x-csrf-token');
  if (header) return header;
  const body = req.body as Record<string, unknown> | undefined;
  const field = body && typeof body === 'object' ? body._csrf : undefined;
  return typeof field === 'string' ? field : undefined;
}

/**
 * Double-submit token (csrf-csrf): an HMAC over the session token and a random value, in an
 * HttpOnly cookie and echoed in a header (XHR) or a form field. Bound to the session token,
 * so a token minted before login is useless after it.
 */
export function createCsrf(opts: { secret: string; production: boolean; sessionToken: (req: Request) => string; cookieName?: string }) {
  // The shop's forms use their own cookie, so a shopper's token never replaces the admin's.
  const name = opts.cookieName ?? 'qipei_csrf';
  const { generateCsrfToken, validateRequest } = doubleCsrf({
    getSecret: () => opts.secret,
    getSessionIdentifier: opts.sessionToken,
    cookieName: opts.production ? `__Host-${name}` : name,
    cookieOptions: { sameSite: 'strict', secure: opts.production, httpOnly: true, path: '/' },
    getCsrfTokenFromRequest: tokenFromRequest,
  });

  /** Checks the token now; callers decide when (before multipart bodies are read, if they can). */
  const verify = (req: Request): boolean => {
    try {
      return validateRequest(req);
    } catch {
      return false;
    }
  };

  const protect: RequestHandler = (req, _res, next) => {
    if (SAFE_METHODS.has(req.method) || verify(req)) return next();
    next(new CsrfError('csrf_invalid'));
  };

  return { token: (req: Request, res: import('express').Response) => generateCsrfToken(req, res), verify, protect };
}

export type Csrf = ReturnType<typeof createCsrf>;
