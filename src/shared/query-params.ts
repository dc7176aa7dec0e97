import { z } from 'zod';
import { BadRequestError } from './errors';

export const MAX_PAGE = 100;
export const MAX_PER_PAGE = 60;
export const MAX_QUERY_LENGTH = 200;
export const LISTING_SORTS = ['relevance', 'price_asc', 'price_desc', 'newest'] as const;

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, '只能包含小写字母、数字和连字符').max(120);
const int = (min: number, max: number) =>
  z.string().regex(/^\d{1,9}$/, '必须是正整数').transform(Number).pipe(z.number().int().min(min, `不能小于 ${min}`).max(max, `不能大于 ${max}`));
const yuan = z
  .string()
  .regex(/^\d{1,7}(\.\d{1,2})?$/, '必须是金额（元），例如 99 或 99.5')
  .transform(Number);

const listingSchema = z
  .object({
    q: z.string().max(MAX_QUERY_LENGTH, `搜索词不能超过 ${MAX_QUERY_LENGTH} 个字符`).default(''),
    type: z.enum(['product', 'article', 'all']).default('all'),
    category: slug.optional(),
    make: z.string().trim().min(1).max(40).optional(),
    model: z.string().trim().min(1).max(60).optional(),
    year: int(1950, 2100).optional(),
    price_min: yuan.optional(),
    price_max: yuan.optional(),
    sort: z.enum(LISTING_SORTS).optional(),
    page: int(1, MAX_PAGE).default(1),
    per_page: int(1, MAX_PER_PAGE).optional(),
    fits: z.enum(['1', 'only']).optional(),
  })
  .refine((v) => v.price_min === undefined || v.price_max === undefined || v.price_min <= v.price_max, {
    message: '最低价不能高于最高价',
    path: ['price_min'],
  })
  .refine((v) => v.model === undefined || v.make !== undefined, { message: '选择车型前请先选择品牌', path: ['model'] });

export type ListingParams = z.output<typeof listingSchema>;

const KNOWN = new Set(['q', 'type', 'category', 'make', 'model', 'year', 'price_min', 'price_max', 'sort', 'page', 'per_page', 'fits']);

/**
 * Validates the shared listing/search parameters. Repeated or non-string values, and anything
 * longer than the query cap, are refused with a 400 naming the parameter; unknown parameter
 * names (utm_*, fbclid…) are ignored and never reach a view.
 */
export function parseListingParams(raw: Record<string, unknown>): ListingParams {
  const picked: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!KNOWN.has(key)) continue;
    if (typeof value !== 'string') throw new BadRequestError(`参数 ${key} 只能出现一次`, 'invalid_parameter', { parameter: key });
    if (value.length > MAX_QUERY_LENGTH) {
      throw new BadRequestError(`参数 ${key} 过长（最多 ${MAX_QUERY_LENGTH} 个字符）`, 'invalid_parameter', { parameter: key });
    }
    if (value === '' && key !== 'q') continue;
    picked[key] = value;
  }
  const parsed = listingSchema.safeParse(picked);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = String(issue.path[0] ?? 'query');
    const message = issue.code === 'invalid_value' ? `取值无效，可选：${(issue as { values?: unknown[] }).values?.join(', ')}` : issue.message;
    throw new BadRequestError(`参数 ${param} 无效：${message}`, 'invalid_parameter', { parameter: param });
  }
  return { ...parsed.data, q: parsed.data.q.trim() };
}

/** Rebuilds a query string from validated params, for pagination and facet links. */
export function toQueryString(params: Partial<Record<string, string | number | undefined>>): string {
  const usp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '' || (k === 'page' && v === 1)) continue;
    usp.set(k, String(v));
  }
  const s = usp.toString();
  return s ? `?${s}` : '';
}
