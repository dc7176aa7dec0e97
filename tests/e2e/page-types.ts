/**
 * The one list of page types every proof suite walks: screenshots, axe, the Nu HTML Checker,
 * console/CSP cleanliness (e2e), security headers (tests/security) and Lighthouse.
 * Adding a page type is one line here; every suite picks it up.
 */
import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { cartIdOf } from '../../src/cart';
import { DEVELOPMENT_SESSION_SECRET } from '../../src/config/config';
import { createPaymentRegistry, placeOrder, signedOrderPath } from '../../src/orders';

export interface ResolveContext {
  db: Knex;
  /** GET through the running app (relative path), for entries discovered from a page. */
  get(path: string): Promise<{ status: number; text: string }>;
}

export interface PageType {
  /** Unique and file-name safe: screenshots are `artifacts/screenshots/<name>-<width>.png`. */
  name: string;
  path?: string;
  resolve?: (ctx: ResolveContext) => Promise<string>;
  /** Expected status (default 200). */
  status?: number;
  /** `html` pages get every browser check; the others only the header checks. Default `html`. */
  kind?: 'html' | 'xml' | 'text' | 'asset';
  /** Also budgeted by `npm run lighthouse`. */
  lighthouse?: boolean;
}

async function categoryWithMostProducts({ db }: ResolveContext): Promise<string> {
  const row = await db('categories as c')
    .join('products as p', 'p.category_id', 'c.id')
    .where('p.status', 'published')
    .groupBy('c.id', 'c.slug')
    .orderByRaw('count(*) desc')
    .first('c.slug');
  if (!row) throw new Error('no category with products: is the database seeded?');
  return `/c/${row.slug}`;
}

/** A published product with an image and at least two variants: the richest product page. */
export async function richProduct(db: Knex): Promise<{ id: number; slug: string; categorySlug: string | null; variantIds: number[] }> {
  const row = await db('products as p')
    .join('product_variants as v', 'v.product_id', 'p.id')
    .leftJoin('categories as c', 'c.id', 'p.category_id')
    .whereExists(db('product_images as i').whereRaw('i.product_id = p.id').select('i.id'))
    .where('p.status', 'published')
    .groupBy('p.id', 'p.slug', 'c.slug')
    .havingRaw('count(v.id) >= 2')
    .orderBy('p.id')
    .first('p.id', 'p.slug', 'c.slug as categorySlug');
  if (!row) throw new Error('no published product with an image and two variants: is the database seeded?');
  const variants: { id: number }[] = await db('product_variants').where('product_id', row.id).orderBy('position').select('id');
  return { id: Number(row.id), slug: row.slug, categorySlug: row.categorySlug ?? null, variantIds: variants.map((v) => Number(v.id)) };
}

async function firstHref(ctx: ResolveContext, page: string, pattern: RegExp): Promise<string> {
  const { text } = await ctx.get(page);
  const m = pattern.exec(text);
  if (!m) throw new Error(`no link matching ${pattern} on ${page}`);
  return m[1];
}

/**
 * An order placed through the real checkout code (a cart of one tail light, cash on delivery) and
 * its signed link. The suites run without SESSION_SECRET, so links are signed with the development one.
 */
async function placedOrder({ db }: ResolveContext): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const product = await richProduct(db);
  const t = Date.now();
  await db('carts').insert({ id: cartIdOf(token), created_at: t, updated_at: t });
  await db('cart_items').insert({ cart_id: cartIdOf(token), product_id: product.id, variant_id: product.variantIds[0], qty: 1, added_at: t });
  const placed = await placeOrder({ db, payments: createPaymentRegistry(), adminOrderUrl: (n) => `/admin/orders/${n}` }, token, {
    name: '页面测试', phone: '13800001234', email: '', province: '广东省', city: '深圳市', district: '南山区',
    address: '科技园 1 号', note: '', payment: 'bank', idempotencyKey: randomBytes(18).toString('base64url'),
  });
  return signedOrderPath(DEVELOPMENT_SESSION_SECRET, placed.number);
}

export const PAGE_TYPES: PageType[] = [
  { name: 'home', path: '/', lighthouse: true },
  { name: 'products', path: '/products' },
  { name: 'products-filtered', path: '/products?sort=price_asc&price_min=10&price_max=2000&page=2' },
  { name: 'category', resolve: categoryWithMostProducts },
  { name: 'product', resolve: async ({ db }) => `/p/${(await richProduct(db)).slug}`, lighthouse: true },
  { name: 'product-variant', resolve: async ({ db }) => { const p = await richProduct(db); return `/p/${p.slug}?variant=${p.variantIds[1]}`; } },
  { name: 'empty-listing', path: '/products?price_min=9999999' },
  { name: 'not-found', path: '/p/no-such-product-here', status: 404 },
  { name: 'bad-request', path: '/products?page=0', status: 400 },
  { name: 'sitemap', path: '/sitemap.xml', kind: 'xml' },
  { name: 'robots', path: '/robots.txt', kind: 'text' },
  { name: 'static-css', resolve: (ctx) => firstHref(ctx, '/', /<link rel="stylesheet" href="([^"]+)"/), kind: 'asset' },
  { name: 'static-js', resolve: (ctx) => firstHref(ctx, '/', /<script src="([^"]+)"/), kind: 'asset' },
  { name: 'media', resolve: (ctx) => firstHref(ctx, '/products', /src="(\/media\/[^"]+)"/), kind: 'asset' },
  { name: 'search', path: '/search?q=%E5%B0%BE%E7%81%AF' },
  { name: 'search-empty', path: '/search?q=qqqzzzxxx' },
  { name: 'search-vehicle', path: '/search?q=%E5%B0%BE%E7%81%AF&make=baojun&model=730&year=2016' },
  { name: 'api-search', path: '/api/search?q=%E5%B0%BE%E7%81%AF', kind: 'text' },
  { name: 'news', path: '/news' },
  { name: 'article', resolve: async ({ db }) => `/news/${(await db('articles').where('title', 'like', 'Kim, Putin%').first('slug')).slug}`, lighthouse: true },
  { name: 'article-zh', resolve: async ({ db }) => `/news/${(await db('articles').where('lang', 'zh-CN').orderBy('id').first('slug')).slug}` },
  { name: 'news-feed', path: '/news/feed.xml', kind: 'xml' },
  { name: 'vehicles', path: '/vehicles' },
  { name: 'vehicle-make', path: '/vehicles/baojun' },
  { name: 'vehicle-model', path: '/vehicles/baojun/730' },
  { name: 'garage', path: '/garage' },
  { name: 'garage-select', path: '/garage/select?make=baojun' },
  { name: 'admin-login', path: '/admin/login' },
  { name: 'cart-empty', path: '/cart' },
  { name: 'order-lookup', path: '/orders' },
  { name: 'order', resolve: placedOrder },
];

export interface ResolvedPage extends Required<Pick<PageType, 'name' | 'status' | 'kind'>> {
  path: string;
  lighthouse: boolean;
}

export async function resolvePageTypes(ctx: ResolveContext, types: PageType[] = PAGE_TYPES): Promise<ResolvedPage[]> {
  const out: ResolvedPage[] = [];
  for (const t of types) {
    const path = t.path ?? (t.resolve ? await t.resolve(ctx) : undefined);
    if (!path) throw new Error(`page type ${t.name} has neither path nor resolve`);
    out.push({ name: t.name, path, status: t.status ?? 200, kind: t.kind ?? 'html', lighthouse: t.lighthouse ?? false });
  }
  return out;
}

/** A ResolveContext over a base URL (the e2e server, the Lighthouse server). */
export function httpResolveContext(db: Knex, baseUrl: string): ResolveContext {
  return {
    db,
    async get(path) {
      const res = await fetch(new URL(path, baseUrl));
      return { status: res.status, text: await res.text() };
    },
  };
}
