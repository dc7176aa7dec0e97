import type { Express } from 'express';
import { catalogRoutes } from '../catalog';
import { mediaRoutes } from '../media';
import { newsRoutes } from '../news';
import type { AppContext } from './context';
import { healthRoutes } from './health-routes';
import { seoRoutes } from './seo-routes';

/** The only place where features meet HTTP. */
export function mountRoutes(app: Express, ctx: AppContext): void {
  app.use(healthRoutes(ctx));
  app.use(mediaRoutes(ctx.storage));
  app.use(seoRoutes(ctx));
  app.use(newsRoutes(ctx.news));
  app.use(catalogRoutes(ctx.catalog, {
    latestNews: () => ctx.news.latest(5),
    relatedArticles: (productId) => ctx.news.relatedArticlesForProduct(productId),
  }));
}
