import type { SearchHit } from '../search-engine';
import { highlight, type HighlightTerms } from '../text';

export interface DocRow {
  readonly doc: number;
  readonly type: 'product' | 'article';
  readonly ref_id: number;
  readonly title: string;
  readonly subtitle: string;
  readonly body: string;
  readonly url: string;
  readonly price: number | null;
  readonly image: string | null;
  readonly published_at: string | null;
}

const BODY_CROP = 160;

export function toHit(row: DocRow, match: HighlightTerms): SearchHit {
  const formatted: { title: string; subtitle?: string; body?: string } = { title: highlight(row.title, match) };
  if (row.subtitle) formatted.subtitle = highlight(row.subtitle, match);
  // Bodies are long: no pinyin matching there (it would segment the whole text) and a crop.
  if (row.body) formatted.body = highlight(row.body, match, { crop: BODY_CROP, pinyin: false });
  if (row.type === 'product') {
    return {
      type: 'product', id: row.ref_id, title: row.title, url: row.url, price: row.price ?? 0, image: row.image,
      // Fitment against the shopper's garage is decided by the fitment feature, not by search.
      fits: null, _formatted: formatted,
    };
  }
  return { type: 'article', id: row.ref_id, title: row.title, url: row.url, publishedAt: row.published_at ?? undefined, _formatted: formatted };
}
