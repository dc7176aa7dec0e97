import { Router, type Request, type Response } from 'express';
import { parseListingParams, toQueryString, type ListingParams } from '../shared/query-params';
import { BadRequestError } from '../shared/errors';
import { activeVehicleOf, isVehicleError, SHOP_TEXT, type FitmentShop, type ShopperVehicle } from '../fitment';
import type { CatalogService, ProductDetail } from './catalog-service';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Links for pagination/sort keep every validated filter and nothing the client invented. */
function linkParams(p: ListingParams): Record<string, string | number | undefined> {
  return { q: p.q || undefined, category: p.category, make: p.make, model: p.model, year: p.year, price_min: p.price_min, price_max: p.price_max, sort: p.sort, per_page: p.per_page, fits: p.fits };
}

/**
 * The car a listing is about: make/model/year in the URL win over the garage. Invalid ones
 * throw the fitment 400s (unknown_make, year_out_of_range…).
 */
async function listingVehicle(shop: FitmentShop, params: ListingParams, res: Response): Promise<{ vehicle: ShopperVehicle | null; fromQuery: boolean }> {
  const fromQuery = params.make !== undefined || params.model !== undefined || params.year !== undefined;
  if (!fromQuery) return { vehicle: activeVehicleOf(res), fromQuery };
  return { vehicle: await shop.resolve({ make: params.make, model: params.model, year: params.year }), fromQuery };
}

/** A page answers a bad vehicle with its message and the picker (still a 400); JSON clients get the error. */
function renderVehicleError(req: Request, res: Response, err: BadRequestError, backTo: string): void {
  if (!req.accepts('html')) throw err;
  res.status(400).render('fitment/vehicle-error', { title: SHOP_TEXT.picker.title, code: err.code, message: err.message, backTo });
}

function productJsonLd(d: ProductDetail, base: string, accessoryFor: Record<string, unknown>[] = []) {
  const url = `${base}${d.card.url}`;
  return [
    {
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: d.row.title,
      alternateName: d.row.name_en || undefined,
      description: d.description,
      sku: d.variants[0]?.sku ?? `QP-${d.row.id}`,
      image: d.images.map((i) => `${base}${i.fallback}`),
      category: d.category?.name,
      ...(accessoryFor.length ? { isAccessoryOrSparePartFor: accessoryFor } : {}),
      offers: {
        '@type': 'Offer',
        url,
        priceCurrency: 'CNY',
        price: (d.row.price_fen / 100).toFixed(2),
        availability: d.row.stock > 0 ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
        itemCondition: 'https://schema.org/NewCondition',
      },
    },
    {
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: '首页', item: `${base}/` },
        ...d.trail.map((c, i) => ({ '@type': 'ListItem', position: i + 2, name: c.name, item: `${base}/c/${c.slug}` })),
        { '@type': 'ListItem', position: d.trail.length + 2, name: d.row.title, item: url },
      ],
    },
  ];
}

/** Newsroom links the shop shows; wired by app/routes.ts so the catalogue never imports the newsroom. */
export interface CatalogNewsLinks {
  latestNews?(): Promise<{ url: string; title: string; iso: string; displayDate: string }[]>;
  relatedArticles?(productId: number): Promise<{ url: string; title: string }[]>;
}

export function catalogRoutes(catalog: CatalogService, shop: FitmentShop, newsLinks: CatalogNewsLinks = {}): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    const [home, latestNews] = await Promise.all([catalog.home(), newsLinks.latestNews?.() ?? []]);
    const vehicle = activeVehicleOf(res);
    const [featured, newest] = await Promise.all([shop.withBadges(home.featured, vehicle), shop.withBadges(home.newest, vehicle)]);
    res.render('catalog/home', { ...home, featured, newest, latestNews, canonical: '/' });
  });

  const listing = (fixedCategory: boolean) => async (req: import('express').Request, res: import('express').Response) => {
    const params = parseListingParams(req.query as Record<string, unknown>);
    // A text query is a search: one engine ranks it, with the same filters.
    if (params.q) {
      const category = fixedCategory ? String(req.params.slug) : params.category;
      res.redirect(302, `/search${toQueryString({ ...linkParams(params), category, type: 'product', page: params.page })}`);
      return;
    }
    const slug = fixedCategory ? String(req.params.slug) : params.category;
    if (fixedCategory && !SLUG.test(slug ?? '')) throw new BadRequestError('分类地址无效', 'invalid_parameter');
    const base = fixedCategory ? `/c/${slug}` : '/products';
    let chosen: Awaited<ReturnType<typeof listingVehicle>>;
    try {
      chosen = await listingVehicle(shop, params, res);
    } catch (err) {
      if (!isVehicleError(err)) throw err;
      return renderVehicleError(req, res, err, base);
    }
    const { vehicle } = chosen;
    const fitsWanted = params.fits !== undefined;
    const result = await catalog.listing(params, slug, { fits: fitsWanted && vehicle ? shop.fitsScope(vehicle) : undefined });
    const keep = linkParams(params);
    if (fixedCategory) delete keep.category;
    res.render('catalog/listing', {
      ...result,
      items: await shop.withBadges(result.items, vehicle),
      fitment: { vehicle, fromQuery: chosen.fromQuery, fitsOn: fitsWanted && vehicle !== null, needsVehicle: fitsWanted && vehicle === null },
      params,
      title: result.category ? result.category.name : '全部商品',
      canonical: `${base}${toQueryString({ page: params.page > 1 ? params.page : undefined })}`,
      pageLink: (page: number) => `${base}${toQueryString({ ...keep, page })}`,
      sortLink: (sort: string) => `${base}${toQueryString({ ...keep, sort, page: undefined })}`,
      fitsLink: (on: boolean) => `${base}${toQueryString({ ...keep, fits: on ? '1' : undefined, page: undefined })}`,
      basePath: base,
    });
  };
  router.get('/products', listing(false));
  router.get('/c/:slug', listing(true));

  router.get('/p/:slug', async (req, res) => {
    const slug = String(req.params.slug);
    if (!SLUG.test(slug) || slug.length > 160) throw new BadRequestError('商品地址无效', 'invalid_parameter');
    const detail = await catalog.product(slug);
    const relatedArticles = (await newsLinks.relatedArticles?.(detail.row.id)) ?? [];
    const variantParam = typeof req.query.variant === 'string' ? req.query.variant : undefined;
    const selected = detail.variants.find((v) => String(v.id) === variantParam) ?? detail.variants[0] ?? null;
    const base = res.locals.canonicalBase as string;
    const vehicle = activeVehicleOf(res);
    const [fit, accessoryFor, related] = await Promise.all([shop.fitBox(detail.card, vehicle), shop.accessoryFor(detail.row.id), shop.withBadges(detail.related, vehicle)]);
    res.render('catalog/product', {
      d: { ...detail, related },
      fit,
      relatedArticles,
      selected,
      title: detail.row.title,
      description: detail.description.slice(0, 150),
      canonical: detail.card.url,
      jsonLd: productJsonLd(detail, base, accessoryFor),
      openGraph: { type: 'product', title: detail.row.title, description: detail.description.slice(0, 150), image: detail.images[0] ? `${base}${detail.images[0].fallback}` : null, url: `${base}${detail.card.url}` },
    });
  });

  return router;
}
