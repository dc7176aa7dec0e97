import express, { Router, type RequestHandler } from 'express';
import cookieParser from 'cookie-parser';
import type { AppContext } from '../app/context';
import { createCatalogWriter, type CatalogWriter } from '../catalog/catalog-writer';
import { CATALOG_IO_UPLOAD_PATH, catalogIoRoutes } from '../catalog-io';
import { AppError } from '../shared/errors';
import { adminQueries } from './admin-queries';
import { articleImageRoutes } from './admin-article-image-routes';
import { categoryRoutes } from './admin-category-routes';
import { articleRoutes } from './admin-article-routes';
import { authRoutes } from './admin-auth-routes';
import { imageRoutes, UPLOAD_PATH } from './admin-image-routes';
import { productRoutes } from './admin-product-routes';
import { searchInsightRoutes } from './admin-search-routes';
import { createCsrf, CsrfError, rejectCrossSite } from './csrf-guard';
import { createLoginThrottle } from './login-throttle';
import { createSessionManager } from './session-manager';
import './admin-request';

export interface AdminDeps {
  ctx: AppContext;
  writer: CatalogWriter;
  queries: ReturnType<typeof adminQueries>;
  csrf: ReturnType<typeof createCsrf>;
  sessions: ReturnType<typeof createSessionManager>;
  throttle: ReturnType<typeof createLoginThrottle>;
}

const PUBLIC_PATHS = new Set(['/login']);

/**
 * The back office, mounted at /admin. Order matters and fails closed: session → cross-site
 * check → login required (everything but /login) → body → CSRF (multipart uploads verify their
 * token in the upload route, before any file byte is buffered; no other route accepts multipart).
 */
/** `extraRoutes`: other features' back-office pages (the order desk), behind the same guard and CSRF. */
export function adminRoutes(ctx: AppContext, opts: { writer?: CatalogWriter; extraRoutes?: readonly Router[] } = {}): Router {
  const production = ctx.config.env === 'production';
  const sessions = createSessionManager(ctx.db, { production });
  const csrf = createCsrf({ secret: ctx.config.sessionSecret, production, sessionToken: (req) => req.adminSession?.token ?? '' });
  const deps: AdminDeps = {
    ctx, sessions, csrf,
    writer: opts.writer ?? createCatalogWriter(ctx.db, ctx.indexer),
    queries: adminQueries(ctx.db),
    throttle: createLoginThrottle(ctx.db),
  };

  const router = Router();
  router.use((_req, res, next) => {
    res.set({ 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex, nofollow' });
    next();
  });
  router.use(cookieParser());
  router.use(async (req, res, next) => {
    req.adminSession = await sessions.load(req, res);
    res.locals.admin = req.adminSession.adminId ? { email: req.adminSession.email } : null;
    next();
  });
  router.use(rejectCrossSite);
  const requireLogin: RequestHandler = (req, res, next) => {
    if (PUBLIC_PATHS.has(req.path) || req.adminSession?.adminId) return next();
    if (req.method === 'GET' || req.method === 'HEAD') {
      res.redirect(303, `/admin/login?next=${encodeURIComponent(req.originalUrl.split('?')[0])}`);
      return;
    }
    next(new AppError(401, 'login_required', '请先登录'));
  };
  router.use(requireLogin);
  router.use(express.urlencoded({ extended: false, limit: '100kb', parameterLimit: 200 }));
  router.use((req, _res, next) => {
    if (req.is('multipart/form-data')) {
      if (!UPLOAD_PATH.test(req.path) && !CATALOG_IO_UPLOAD_PATH.test(req.path)) return next(new CsrfError('csrf_invalid'));
      return next();
    }
    csrf.protect(req, _res, next);
  });
  router.use((req, res, next) => {
    res.locals.csrfToken = csrf.token(req, res);
    res.locals.layout = 'admin/layout';
    next();
  });

  router.get('/', (_req, res) => res.redirect(303, '/admin/products'));
  router.use(authRoutes(deps));
  router.use(catalogIoRoutes({
    db: ctx.db, storage: ctx.storage, indexer: ctx.indexer, logger: ctx.logger, writer: deps.writer, dataDir: ctx.config.dataDir,
    csrfFailure: (req) => (csrf.verify(req) ? null : new CsrfError('csrf_invalid')),
  }));
  router.use(productRoutes(deps));
  router.use(imageRoutes(deps));
  router.use(categoryRoutes(deps));
  router.use(articleRoutes(deps));
  router.use(articleImageRoutes(deps));
  router.use(searchInsightRoutes(deps));
  for (const extra of opts.extraRoutes ?? []) router.use(extra);
  return router;
}
