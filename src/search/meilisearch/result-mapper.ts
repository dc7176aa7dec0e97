import type { SearchResponse } from 'meilisearch';
import type { SearchHit, SearchQuery, SearchResult } from '../search-engine';
import { FACETS } from './index-settings';
import { POST_TAG, PRE_TAG } from './query-builder';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Meilisearch returns raw text with our control-character tags around matches: escape everything,
 * then turn balanced tag pairs into <mark>. Unbalanced tags are dropped, so the output is always
 * escaped text with well-formed <mark> elements and nothing else.
 */
export function toMarkedHtml(raw: string): string {
  let out = '';
  let open = false;
  for (const ch of raw) {
    if (ch === PRE_TAG) {
      if (!open) out += '<mark>';
      open = true;
    } else if (ch === POST_TAG) {
      if (open) out += '</mark>';
      open = false;
    } else {
      out += HTML_ESCAPES[ch] ?? ch;
    }
  }
  return open ? `${out}</mark>` : out;
}

interface RawHit {
  type: 'product' | 'article';
  id: number;
  title: string;
  url: string;
  price: number | null;
  image: string | null;
  publishedAt: string | null;
  _formatted?: { title?: unknown; subtitle?: unknown; body?: unknown };
}


function formatted(hit: RawHit): SearchHit['_formatted'] {
  const f = hit._formatted ?? {};
  const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? toMarkedHtml(v) : undefined);
  const out: { title: string; subtitle?: string; body?: string } = { title: text(f.title) ?? toMarkedHtml(hit.title) };
  const subtitle = text(f.subtitle);
  const body = text(f.body);
  if (subtitle !== undefined) out.subtitle = subtitle;
  if (body !== undefined) out.body = body;
  return out;
}

export function toSearchHit(hit: RawHit): SearchHit {
  if (hit.type === 'product') {
    return {
      type: 'product',
      id: hit.id,
      title: hit.title,
      url: hit.url,
      price: hit.price ?? 0,
      image: hit.image,
      // Fitment against the shopper's garage is decided by the fitment feature, not by search
      // (the embedded engine answers null too).
      fits: null,
      _formatted: formatted(hit),
    };
  }
  return {
    type: 'article',
    id: hit.id,
    title: hit.title,
    url: hit.url,
    ...(hit.publishedAt ? { publishedAt: hit.publishedAt } : {}),
    _formatted: formatted(hit),
  };
}

export function toSearchResult(res: SearchResponse, q: SearchQuery): SearchResult {
  const facetDistribution: Record<string, Record<string, number>> = {};
  for (const [name, attr] of Object.entries(FACETS)) facetDistribution[name] = res.facetDistribution?.[attr] ?? {};
  return {
    query: q.q,
    engine: 'meilisearch',
    hits: (res.hits as unknown as RawHit[]).map(toSearchHit),
    facetDistribution,
    totalHits: res.totalHits ?? 0,
    page: res.page ?? q.page,
    hitsPerPage: res.hitsPerPage ?? q.perPage,
    processingTimeMs: res.processingTimeMs,
  };
}
