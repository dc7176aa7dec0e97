/**
 * Every public route that reads the query string, and the parameters the contract names.
 * The fuzz and injection suites walk this list; adding a route is one line.
 */
import type { Knex } from 'knex';

export const PUBLIC_QUERY_PARAMS = ['q', 'type', 'category', 'make', 'model', 'year', 'price_min', 'price_max', 'sort', 'page', 'per_page', 'fits', 'variant'] as const;

export interface FuzzRoute {
  name: string;
  /** `{slug}` marks a path segment that is fuzzed too; `slug` gives a valid value for it. */
  template: string;
  slug?: (db: Knex) => Promise<string>;
  params: readonly string[];
  /** JSON routes answer errors as JSON; HTML routes render an error page. */
  json?: boolean;
}

async function busiestCategory(db: Knex): Promise<string> {
  const row = await db('categories as c').join('products as p', 'p.category_id', 'c.id').groupBy('c.id', 'c.slug').orderByRaw('count(*) desc').first('c.slug');
  return row.slug;
}

async function productWithVariants(db: Knex): Promise<string> {
  const row = await db('products as p').join('product_variants as v', 'v.product_id', 'p.id').where('p.status', 'published').orderBy('p.id').first('p.slug');
  return row.slug;
}

export const FUZZ_ROUTES: FuzzRoute[] = [
  { name: 'products', template: '/products', params: PUBLIC_QUERY_PARAMS },
  { name: 'category', template: '/c/{slug}', slug: busiestCategory, params: PUBLIC_QUERY_PARAMS },
  { name: 'product', template: '/p/{slug}', slug: productWithVariants, params: PUBLIC_QUERY_PARAMS },
  { name: 'search', template: '/search', params: PUBLIC_QUERY_PARAMS },
  { name: 'api-search', template: '/api/search', params: PUBLIC_QUERY_PARAMS, json: true },
  { name: 'api-suggest', template: '/api/suggest', params: PUBLIC_QUERY_PARAMS, json: true },
  { name: 'news', template: '/news', params: PUBLIC_QUERY_PARAMS },
  { name: 'article', template: '/news/{slug}', slug: async (db) => (await db('articles').first('slug')).slug, params: PUBLIC_QUERY_PARAMS },
  { name: 'vehicle', template: '/vehicles/baojun/{slug}', slug: async () => '730', params: PUBLIC_QUERY_PARAMS },
  { name: 'vehicle-make', template: '/vehicles/{slug}', slug: async () => 'baojun', params: PUBLIC_QUERY_PARAMS },
  { name: 'garage-select', template: '/garage/select', params: PUBLIC_QUERY_PARAMS },
];

export interface ResolvedFuzzRoute extends FuzzRoute {
  validSlug: string | null;
  /** The route with its valid slug filled in. */
  path: string;
}

export async function resolveFuzzRoutes(db: Knex, routes: FuzzRoute[] = FUZZ_ROUTES): Promise<ResolvedFuzzRoute[]> {
  const out: ResolvedFuzzRoute[] = [];
  for (const r of routes) {
    const validSlug = r.slug ? await r.slug(db) : null;
    out.push({ ...r, validSlug, path: r.template.replace('{slug}', validSlug ?? '') });
  }
  return out;
}
