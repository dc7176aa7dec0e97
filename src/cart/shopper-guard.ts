import express, { Router, type Request, type RequestHandler } from 'express';
import cookieParser from 'cookie-parser';
import { createCsrf, CsrfError, rejectCrossSite } from '../admin';
import { cartCookie, type CartCookie } from './cart-cookie';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True when the browser itself says the form came from one of our pages. */
function provenSameOrigin(req: Request): boolean {
  if (req.get('sec-fetch-site') === 'same-origin') return true;
  const origin = req.get('origin');
  if (!origin) return false;
  try {
    return new URL(origin).host === req.get('host');
  } catch {
    return false;
  }
}

export interface ShopperGuard {
  readonly cookie: CartCookie;
  /** cookies → cross-site refusal → form body → no-store; for every cart, checkout and order route. */
  readonly base: Router;
  /** The CSRF token check (double submit, bound to the cart cookie). */
  readonly requireToken: RequestHandler;
  /**
   * For the add-to-cart form on product pages, which are page-cached and so cannot carry a
   * per-shopper token: a valid token, or the browser's own Origin / Sec-Fetch-Site naming this site.
   */
  readonly requireTokenOrOrigin: RequestHandler;
  /** Sets res.locals.csrfToken for the page being rendered. */
  readonly token: RequestHandler;
}

export function createShopperGuard(opts: { secret: string; production: boolean }): ShopperGuard {
  const cookie = cartCookie(opts.production);
  const csrf = createCsrf({ secret: opts.secret, production: opts.production, cookieName: 'qipei_shop_csrf', sessionToken: (req) => cookie.read(req) ?? '' });

  const base = Router();
  base.use(cookieParser());
  base.use((_req, res, next) => {
    // Carts, checkouts and orders are personal: never stored by a browser or a shared cache.
    res.set('Cache-Control', 'no-store');
    next();
  });
  base.use(rejectCrossSite);
  base.use(express.urlencoded({ extended: false, limit: '100kb', parameterLimit: 50 }));

  const requireToken: RequestHandler = (req, _res, next) => {
    if (SAFE_METHODS.has(req.method) || csrf.verify(req)) return next();
    next(new CsrfError('csrf_invalid'));
  };
  const requireTokenOrOrigin: RequestHandler = (req, _res, next) => {
    if (SAFE_METHODS.has(req.method) || provenSameOrigin(req) || csrf.verify(req)) return next();
    next(new CsrfError('csrf_invalid'));
  };
  const token: RequestHandler = (req, res, next) => {
    cookie.ensure(req, res);
    res.locals.csrfToken = csrf.token(req, res);
    next();
  };
  return { cookie, base, requireToken, requireTokenOrOrigin, token };
}
