import type { SearchParams } from 'meilisearch';
import { BadRequestError } from '../../shared/errors';
import type { SearchQuery } from '../search-engine';
import { fold } from '../text';
import { FIT_YEAR_MAX, FIT_YEAR_MIN, fitQueryKeys } from './document-mapper';
import { FACETS } from './index-settings';

/** Highlight tags that cannot occur in content (the mapper strips them), escaped into <mark> later. */
export const PRE_TAG = '\u0001';
export const POST_TAG = '\u0002';

export const RETRIEVED = ['uid', 'type', 'id', 'title', 'url', 'price', 'image', 'publishedAt'];
const BODY_CROP_WORDS = 24;

/** A value inside a filter expression: always quoted, with `"` and `\` escaped. */
export function quote(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function hasVehicle(q: Pick<SearchQuery, 'make' | 'model' | 'year'>): boolean {
  return q.make !== undefined || q.model !== undefined || q.year !== undefined;
}

export function buildFilter(q: SearchQuery): string[] {
  const parts: string[] = [];
  if (q.type !== 'all') parts.push(`type = ${quote(q.type)}`);
  if (q.category !== undefined) parts.push(`category = ${quote(q.category)}`);
  if (q.priceMin !== undefined) parts.push(`price >= ${q.priceMin}`);
  if (q.priceMax !== undefined) parts.push(`price <= ${q.priceMax}`);
  if (hasVehicle(q)) {
    if (q.year !== undefined && (q.year < FIT_YEAR_MIN || q.year > FIT_YEAR_MAX)) {
      throw new BadRequestError(`year must be between ${FIT_YEAR_MIN} and ${FIT_YEAR_MAX}`, 'unsupported_query');
    }
    // One vehicle must carry make, model and year together, as in the embedded engine.
    parts.push(`fitKeys IN [${fitQueryKeys(q.make, q.model, q.year).map(quote).join(', ')}]`);
  }
  return parts;
}

function sortOf(q: SearchQuery, blank: boolean): string[] | undefined {
  switch (q.sort) {
    case 'price_asc': return ['price:asc', 'createdAt:desc'];
    case 'price_desc': return ['price:desc', 'createdAt:desc'];
    case 'newest': return ['createdAt:desc'];
    // Without words there is no relevance: newest first is a stable, meaningful order.
    case 'relevance': return blank ? ['createdAt:desc'] : undefined;
  }
}

/**
 * Folded query text. Meilisearch reads `"…"` as a phrase and a leading `-` as negation; the
 * embedded engine treats both as plain text, so they are neutralised to get the same answer.
 */
export function foldQuery(q: string): string {
  return fold(q)
    .replaceAll(PRE_TAG, '')
    .replaceAll(POST_TAG, '')
    .replace(/"/g, ' ')
    .replace(/(^|\s)-+/g, '$1')
    .trim();
}

/** SearchQuery → Meilisearch search parameters; throws where Meilisearch would answer differently. */
export function buildSearchParams(q: SearchQuery): { q: string; params: SearchParams } {
  const text = foldQuery(q.q);
  if (!Number.isInteger(q.page) || q.page < 1 || !Number.isInteger(q.perPage) || q.perPage < 0) {
    throw new BadRequestError('page must be a positive integer and per_page a whole number', 'bad_request');
  }
  const params: SearchParams = {
    filter: buildFilter(q),
    facets: Object.values(FACETS),
    page: q.page,
    hitsPerPage: q.perPage,
    attributesToRetrieve: RETRIEVED,
    attributesToHighlight: ['title', 'subtitle', 'body'],
    attributesToCrop: [`body:${BODY_CROP_WORDS}`],
    highlightPreTag: PRE_TAG,
    highlightPostTag: POST_TAG,
    cropMarker: '…',
    matchingStrategy: 'all',
  };
  const sort = sortOf(q, text === '');
  if (sort) params.sort = sort;
  if (/\p{Script=Han}/u.test(text)) params.locales = ['cmn'];
  return { q: text, params };
}
