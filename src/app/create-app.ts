import path from 'node:path';
import express from 'express';
import { createAssets } from './assets';
import { BadRequestError } from '../shared/errors';
import type { AppContext } from './context';
import { createErrorHandler, notFoundHandler } from './error-handler';
import { projectRoot } from './paths';
import { mountRoutes } from './routes';
import { pageCache } from './page-cache';
import { requestLog } from './request-log';
import { securityHeaders } from './security-headers';
import { viewSetup } from './view-helpers';

/** Storefront pages that look the same to every shopper with the same garage cookie. */
function isCacheablePage(p: string): boolean {
  return p.startsWith('/p/') || p.startsWith('/c/') || p === '/products' || p === '/' || p === '/vehicles' || p.startsWith('/vehicles/') || p === '/sitemap.xml' || /^\/sitemap-\d+\.xml$/.test(p);
}

/** Builds the Express app without listening, so tests drive it through supertest. */
export function createApp(ctx: AppContext): express.Express {
  const app = express();
  const root = projectRoot();
  const assets = createAssets(path.join(root, 'public'));

  app.disable('x-powered-by');
  app.set('trust proxy', ctx.config.trustProxy);
  app.set('views', path.join(root, 'views'));
  app.set('view engine', 'ejs');
  app.set('layout', 'layouts/main');
  app.set('query parser', 'simple');
  if (ctx.config.env === 'production') app.set('view cache', true);

  // Everything a cached page passes through comes first and costs little (see page-cache.ts).
  app.use(requestLog(ctx.logger));
  app.use(
    securityHeaders({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          ...(ctx.config.env === 'production' ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      strictTransportSecurity: ctx.config.env === 'production',
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      crossOriginEmbedderPolicy: false,
    }),
  );

  // NUL can be neither stored nor compared by PostgreSQL, and no real URL needs it.
  app.use((req, _res, next) => {
    if (req.url.includes('%00') || req.url.includes('\u0000')) return next(new BadRequestError('请求地址包含非法字符', 'invalid_characters'));
    next();
  });
  app.use(assets.middleware);
  // A hit is served here, before anything only a render needs.
  app.use(pageCache(ctx.db, { cacheable: isCacheablePage }));
  const views = viewSetup(ctx, assets);
  app.use(views);

  mountRoutes(app, ctx);

  app.use(notFoundHandler);
  app.use(createErrorHandler(ctx.logger, views));
  return app;
}
