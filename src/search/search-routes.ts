import { Router, type Request, type Response } from 'express';
import { BadRequestError } from '../shared/errors';
import { MAX_QUERY_LENGTH, parseListingParams, toQueryString, type ListingParams } from '../shared/query-params';
import type { SearchEngine, SearchQuery, SearchResult } from './search-engine';
import { PRICE_BUCKETS } from './price-buckets';

export const SEARCH_PER_PAGE = 20;
const SUGGEST_LIMIT = 8;

export interface SearchRouteDeps {
  engine: SearchEngine;
  /** Canonical make/model names for the query's vehicle; throws a 400 for unknown ones. */
  resolveVehicle?: (params: ListingParams) => Promise<{ make?: string; model?: string; year?: number } | null>;
  /** Adds `fits` to product hits for the shopper's vehicle (query or garage). */
  decorateHits?: (res: Response, result: SearchResult, params: ListingParams) => Promise<SearchResult>;
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

  const run = async (req: Request, res: Response) => {
    const params = parseListingParams(req.query as Record<string, unknown>);
    const vehicle = deps.resolveVehicle ? await deps.resolveVehicle(params) : null;
    let result = await deps.engine.search(toSearchQuery(params, vehicle));
    if (deps.decorateHits) result = await deps.decorateHits(res, result, params);
    return { params, result };
  };

  router.get('/api/search', async (req, res) => {
    const { result } = await run(req, res);
    res.set('Cache-Control', 'no-store').json(result);
  });

  router.get('/api/suggest', async (req, res) => {
    const q = req.query.q;
    if (typeof q !== 'string') throw new BadRequestError('参数 q 必须出现且只能出现一次', 'invalid_parameter', { parameter: 'q' });
    if (q.length > MAX_QUERY_LENGTH) throw new BadRequestError(`参数 q 过长（最多 ${MAX_QUERY_LENGTH} 个字符）`, 'invalid_parameter', { parameter: 'q' });
    const query = q.trim();
    const suggestions = query ? await deps.engine.suggest(query, SUGGEST_LIMIT) : [];
    res.set('Cache-Control', 'no-store').json({ query, suggestions });
  });

  router.get('/search', async (req, res) => {
    const { params, result } = await run(req, res);
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
