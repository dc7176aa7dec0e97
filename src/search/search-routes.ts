import { Router, type Request, type Response } from 'express';
import { BadRequestError } from '../shared/errors';
import { MAX_QUERY_LENGTH, parseListingParams, toQueryString, type ListingParams } from '../shared/query-params';
import type { SearchEngine, SearchQuery, SearchResult, Suggestion } from './search-engine';
import { PRICE_BUCKETS } from './price-buckets';
import { searchProductsAndArticles, withProductsFirst } from './products-first';

export const SEARCH_PER_PAGE = 20;
/** Articles shown in their own block beside the product list. */
export const ARTICLE_BLOCK_SIZE = 5;
const SUGGEST_LIMIT = 8;

export interface SearchRouteDeps {
  engine: SearchEngine;
  /** Canonical make/model names for the query's vehicle; throws a 400 for unknown ones. */
  resolveVehicle?: (params: ListingParams) => Promise<{ make?: string; model?: string; year?: number } | null>;
  /** Adds `fits` to product hits for the shopper's vehicle (query or garage). */
  decorateHits?: (res: Response, result: SearchResult, params: ListingParams) => Promise<SearchResult>;
  /** Category slug → name as the catalogue shows it, for the facet labels. */
  categoryNames?: () => Promise<ReadonlyMap<string, string>>;
  /** Counts a shopper's query (first page only) for the admins' search insight; must not block. */
  recordQuery?: (q: string, totalHits: number) => void;
  /** As-you-type suggestions (completions, products, categories); defaults to the engine's own. */
  suggest?: (q: string) => Promise<Suggestion[]>;
}

/**
 * A JSON answer no cache may keep. Written straight out: res.json would hash every body for an
 * ETag, which a `no-store` answer never gets asked about.
 */
function sendUncachedJson(res: Response, body: unknown): void {
  // Encoded once: the length and the body come from the same bytes.
  const json = Buffer.from(JSON.stringify(body));
  res.statusCode = 200;
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', json.length);
  res.end(json);
}

export function toSearchQuery(p: ListingParams, vehicle: { make?: string; model?: string; year?: number } | null): SearchQuery {
  return {
    q: p.q,
    type: p.type,
    category: p.category,
    make: vehicle?.make ?? p.make,
    model: vehicle?.model ?? p.model,
    year: vehicle?.year ?? p.year,
    priceMin: p.price_min,
    priceMax: p.price_max,
    sort: p.sort ?? 'relevance',
    page: p.page,
    perPage: p.per_page ?? SEARCH_PER_PAGE,
  };
}

function linkParams(p: ListingParams): Record<string, string | number | undefined> {
  return { q: p.q || undefined, type: p.type === 'all' ? undefined : p.type, category: p.category, make: p.make, model: p.model, year: p.year, price_min: p.price_min, price_max: p.price_max, sort: p.sort, per_page: p.per_page };
}

export function searchRoutes(deps: SearchRouteDeps): Router {
  const router = Router();
  const engine = withProductsFirst(deps.engine);
  const suggest = deps.suggest ?? ((q: string) => deps.engine.suggest(q, SUGGEST_LIMIT));

  const prepare = async (req: Request) => {
    const params = parseListingParams(req.query as Record<string, unknown>);
    const vehicle = deps.resolveVehicle ? await deps.resolveVehicle(params) : null;
    return { params, query: toSearchQuery(params, vehicle) };
  };
  const decorate = (res: Response, result: SearchResult, params: ListingParams) => (deps.decorateHits ? deps.decorateHits(res, result, params) : Promise.resolve(result));
  const record = (params: ListingParams, totalHits: number) => {
    if (params.q && params.page === 1) deps.recordQuery?.(params.q, totalHits);
  };

  router.get('/api/search', async (req, res) => {
    const { params, query } = await prepare(req);
    const result = await decorate(res, await engine.search(query), params);
    record(params, result.totalHits);
    sendUncachedJson(res, result);
  });

  router.get('/api/suggest', async (req, res) => {
    const q = req.query.q;
    if (typeof q !== 'string') throw new BadRequestError('参数 q 必须出现且只能出现一次', 'invalid_parameter', { parameter: 'q' });
    if (q.length > MAX_QUERY_LENGTH) throw new BadRequestError(`参数 q 过长（最多 ${MAX_QUERY_LENGTH} 个字符）`, 'invalid_parameter', { parameter: 'q' });
    const query = q.trim();
    const suggestions = query ? await suggest(query) : [];
    sendUncachedJson(res, { query, suggestions });
  });

  router.get('/search', async (req, res) => {
    const { params, query } = await prepare(req);
    // The default page is a shop's: products are the list, matching articles a block beside it.
    let result: SearchResult;
    let articles: SearchResult | null = null;
    if (params.type === 'all') {
      const both = await searchProductsAndArticles(deps.engine, query, ARTICLE_BLOCK_SIZE);
      result = both.products;
      articles = both.articles;
    } else {
      result = await deps.engine.search(query);
    }
    result = await decorate(res, result, params);
    record(params, result.totalHits + (articles?.totalHits ?? 0));
    const categoryNames = deps.categoryNames ? await deps.categoryNames() : new Map<string, string>();
    const keep = linkParams(params);
    const toggle = (key: string, value: string | undefined) => `/search${toQueryString({ ...keep, [key]: keep[key] === value ? undefined : value, page: undefined })}`;
    const priceToggle = (bucket: string) => {
      const b = PRICE_BUCKETS.find((x) => x.key === bucket);
      const active = b && params.price_min === b.from && (b.to === null ? params.price_max === undefined : params.price_max === b.to);
      return `/search${toQueryString({ ...keep, price_min: active || !b ? undefined : b.from, price_max: active || !b || b.to === null ? undefined : b.to, page: undefined })}`;
    };
    const pageCount = Math.max(1, Math.ceil(result.totalHits / result.hitsPerPage));
    res.set('Cache-Control', 'no-store');
    res.render('search/results', {
      title: params.q ? `搜索：${params.q}` : '搜索',
      searchQuery: params.q,
      params,
      result,
      articles,
      facetLabel: (name: string, value: string) => (name === 'category' ? categoryNames.get(value) ?? value : value),
      page: params.page,
      pageCount,
      pageLink: (page: number) => `/search${toQueryString({ ...keep, page })}`,
      typeLink: (type: string) => `/search${toQueryString({ ...keep, type: type === 'all' ? undefined : type, page: undefined })}`,
      sortLink: (sort: string) => `/search${toQueryString({ ...keep, sort: sort === 'relevance' ? undefined : sort, page: undefined })}`,
      toggle,
      priceToggle,
    });
  });

  return router;
}
