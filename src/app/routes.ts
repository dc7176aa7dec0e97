import type { Express } from 'express';
import { adminRoutes } from '../admin';
import { cartRoutes, createShopperGuard } from '../cart';
import { catalogRoutes, vehiclePageRoutes } from '../catalog';
import { garageMiddleware, garageRoutes, vehicleApiRoutes } from '../fitment';
import { mediaRoutes } from '../media';
import { newsRoutes } from '../news';
import type { AppContext } from './context';
import { healthRoutes } from './health-routes';
import { seoRoutes } from './seo-routes';
import { searchRoutes } from '../search/search-routes';
import { searchDeps } from './search-deps';

/** The only place where features meet HTTP. */
export function mountRoutes(app: Express, ctx: AppContext): void {
  // Before every page: the header banner and picker read the shopper's garage.
  app.use(garageMiddleware(ctx.fitment));
  app.use(healthRoutes(ctx));
  app.use(mediaRoutes(ctx.storage));
  app.use(seoRoutes(ctx));
  app.use(searchRoutes(searchDeps(ctx)));
  app.use(newsRoutes(ctx.news));
  app.use(catalogRoutes(ctx.catalog, ctx.fitment, {
    latestNews: () => ctx.news.latest(5),
    relatedArticles: (productId) => ctx.news.relatedArticlesForProduct(productId),
  }));
  app.use(garageRoutes(ctx.fitment));
  app.use(vehicleApiRoutes(ctx.fitment));
  app.use(vehiclePageRoutes(ctx.catalog, ctx.fitment, {
    relatedArticles: (v) => ctx.news.articlesForVehicle(v.makeName, v.modelName, 5),
  }));
  const guard = createShopperGuard({ secret: ctx.config.sessionSecret, production: ctx.config.env === 'production' });
  app.use(cartRoutes(ctx.cart, ctx.fitment, guard));
  app.use(ctx.orders.shopRoutes(ctx.cart, guard));
  app.use('/admin', adminRoutes(ctx, { extraRoutes: [ctx.orders.adminRoutes()] }));
}
