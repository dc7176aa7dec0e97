import crypto from 'node:crypto';
import path from 'node:path';
import express from 'express';
import expressLayouts from 'express-ejs-layouts';
import helmet from 'helmet';
import pinoHttp from 'pino-http';
import { createAssets } from './assets';
import { BadRequestError } from '../shared/errors';
import type { AppContext } from './context';
import { createErrorHandler, notFoundHandler } from './error-handler';
import { redactUrl } from './log-redaction';
import { projectRoot } from './paths';
import { mountRoutes } from './routes';
import { pageCache } from './page-cache';
import { viewHelpers } from './view-helpers';

function requestLogFields(req: { id: unknown; method: string; url: string; remoteAddress?: string; headers: Record<string, unknown> }) {
  return { id: req.id, method: req.method, url: redactUrl(req.url), remoteAddress: req.remoteAddress, userAgent: req.headers['user-agent'] };
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

  app.use(
    pinoHttp({
      logger: ctx.logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : crypto.randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || (req.url ?? '').startsWith('/static/') },
      // One short line per request at the default level: every header of every request and response
      // was ~1.5 KB of JSON built per request (CPU and garbage under load), and carried cookies.
      serializers: { req: requestLogFields, res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }) },
    }),
  );

  app.use(
    helmet({
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
    if (/%00/i.test(req.url) || req.url.includes('\u0000')) return next(new BadRequestError('请求地址包含非法字符', 'invalid_characters'));
    next();
  });
  app.use(assets.middleware);
  app.use(expressLayouts);
  app.use(viewHelpers(ctx, assets));
  app.use(pageCache(ctx.db, { cacheable: (p) => p === '/' || p === '/products' || p === '/sitemap.xml' || /^\/sitemap-\d+\.xml$/.test(p) || p.startsWith('/c/') || p.startsWith('/p/') || p === '/vehicles' || p.startsWith('/vehicles/') }));

  mountRoutes(app, ctx);

  app.use(notFoundHandler);
  app.use(createErrorHandler(ctx.logger));
  return app;
}
