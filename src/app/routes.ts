import type { Express } from 'express';
import { catalogRoutes } from '../catalog';
import { mediaRoutes } from '../media';
import type { AppContext } from './context';
import { healthRoutes } from './health-routes';
import { seoRoutes } from './seo-routes';
import { searchRoutes } from '../search/search-routes';

/** The only place where features meet HTTP. */
export function mountRoutes(app: Express, ctx: AppContext): void {
  app.use(healthRoutes(ctx));
  app.use(mediaRoutes(ctx.storage));
  app.use(seoRoutes(ctx));
  app.use(searchRoutes({ engine: ctx.search }));
  app.use(catalogRoutes(ctx.catalog));
}
