import { Router, type Response } from 'express';
import { NotFoundError } from '../shared/errors';
import { activeVehicleOf, isVehicleError, yearsLabel, type FitmentShop, type ShopperVehicle } from '../fitment';
import type { CatalogService } from './catalog-service';

export interface ArticleLink {
  readonly url: string;
  readonly title: string;
}

/** Hooks the integrator fills from other features (the newsroom) without this file importing them. */
export interface VehiclePageHooks {
  /** Articles about the vehicle for its landing page; none when not wired. */
  relatedArticles?: (vehicle: ShopperVehicle) => Promise<readonly ArticleLink[]>;
}

const PARAM = /^[^/\s]{1,80}$/;

function crumbsJsonLd(base: string, crumbs: { href: string | null; label: string }[], self: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: [{ href: '/', label: '首页' }, ...crumbs].map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.label, item: `${base}${c.href ?? self}` })),
  };
}

/** Shop-by-vehicle pages: /vehicles, /vehicles/:make (its models), /vehicles/:make/:model (its parts). */
export function vehiclePageRoutes(catalog: CatalogService, shop: FitmentShop, hooks: VehiclePageHooks = {}): Router {
  const router = Router();

  const resolveOr404 = async (make: string, model?: string): Promise<ShopperVehicle> => {
    if (!PARAM.test(make) || (model !== undefined && !PARAM.test(model))) throw new NotFoundError('没有这个车型', 'unknown_vehicle');
    try {
      const v = await shop.resolve({ make, model });
      if (v && (model === undefined || v.modelId !== null)) return v;
    } catch (err) {
      if (!isVehicleError(err)) throw err;
    }
    throw new NotFoundError('没有这个车型', 'unknown_vehicle');
  };

  const base = (res: Response) => res.locals.canonicalBase as string;

  router.get('/vehicles', async (_req, res) => {
    const crumbs = [{ href: null, label: '按车型选购' }];
    res.render('fitment/makes', { makes: await shop.makes(), crumbs, title: '按车型选购汽车配件', canonical: '/vehicles', jsonLd: [crumbsJsonLd(base(res), crumbs, '/vehicles')] });
  });

  router.get('/vehicles/:make', async (req, res) => {
    const v = await resolveOr404(String(req.params.make));
    if (req.params.make !== v.makeSlug) return res.redirect(301, v.url);
    const [models, counts] = await Promise.all([shop.models(v.makeSlug), shop.modelPartCounts(v.makeId)]);
    const makeWide = counts.get(null) ?? 0;
    const rows = models.map((m) => ({ ...m, url: `/vehicles/${v.makeSlug}/${m.slug}`, years: yearsLabel(m.yearFrom, m.yearTo), parts: (counts.get(m.slug) ?? 0) + makeWide }));
    const crumbs = [{ href: '/vehicles', label: '按车型选购' }, { href: null, label: v.makeName }];
    res.render('fitment/make', {
      make: v,
      models: rows,
      crumbs,
      title: `${v.makeName}汽车配件`,
      description: `按车型选购${v.makeName}汽车配件：${models.slice(0, 8).map((m) => m.name).join('、')}等车型的专用配件。`,
      canonical: v.url,
      jsonLd: [crumbsJsonLd(base(res), crumbs, v.url)],
    });
  });

  router.get('/vehicles/:make/:model', async (req, res) => {
    const v = await resolveOr404(String(req.params.make), String(req.params.model));
    if (req.params.make !== v.makeSlug || req.params.model !== v.modelSlug) return res.redirect(301, v.url);
    const garage = activeVehicleOf(res);
    // Badges speak about the shopper's own year when their active car is this model.
    const badgeVehicle = garage && garage.modelId === v.modelId ? garage : v;
    const [groups, articles] = await Promise.all([catalog.vehicleParts(shop.fitsScope(v, { includeUniversal: false })), hooks.relatedArticles ? hooks.relatedArticles(v) : Promise.resolve([])]);
    const withBadges = await Promise.all(groups.map(async (g) => ({ ...g, items: await shop.withBadges(g.items, badgeVehicle) })));
    const crumbs = [{ href: '/vehicles', label: '按车型选购' }, { href: `/vehicles/${v.makeSlug}`, label: v.makeName }, { href: null, label: v.modelName ?? '' }];
    const count = groups.reduce((n, g) => n + g.items.length, 0);
    res.render('fitment/vehicle', {
      v,
      years: yearsLabel(v.modelYearFrom, v.modelYearTo),
      groups: withBadges,
      count,
      articles,
      crumbs,
      title: `${v.makeName} ${v.modelName}汽车配件`,
      description: `适用于${v.makeName} ${v.modelName}（${yearsLabel(v.modelYearFrom, v.modelYearTo)}）的专用配件：${groups.map((g) => g.category?.name).filter(Boolean).join('、') || '尾灯、中网、脚垫等'}。`,
      canonical: v.url,
      jsonLd: [crumbsJsonLd(base(res), crumbs, v.url)],
    });
  });

  return router;
}
