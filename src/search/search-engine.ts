import type { Knex } from 'knex';

/** What the catalogue and newsroom hand to search. Derived from the database, never written on its own. */
export interface SearchDocument {
  readonly type: 'product' | 'article';
  readonly id: number;
  readonly title: string;
  /** English name of a product, dek of an article. */
  readonly subtitle: string;
  /** Plain text (no HTML): product description and specs, article body. */
  readonly body: string;
  readonly url: string;
  /** Yuan; products only. */
  readonly price: number | null;
  readonly image: string | null;
  readonly category: string | null;
  readonly categoryName: string | null;
  /** The category and its parents, root first, in Chinese and English (车灯照明, 尾灯, Lighting, Tail lights). */
  readonly categoryPath?: readonly string[];
  readonly tags: readonly string[];
  /** Vehicle fitment (filled once fitment lands): make and model names, e.g. 宝骏 / 730. */
  readonly vehicles: readonly { make: string; model: string; yearFrom: number | null; yearTo: number | null }[];
  readonly universal: boolean;
  /** ISO 8601 with offset; articles only. */
  readonly publishedAt: string | null;
  /** Epoch ms, for `sort=newest`. */
  readonly createdAt: number;
}

export const SORTS = ['relevance', 'price_asc', 'price_desc', 'newest'] as const;
export type SearchSort = (typeof SORTS)[number];

export interface SearchQuery {
  readonly q: string;
  readonly type: 'product' | 'article' | 'all';
  readonly category?: string;
  readonly make?: string;
  readonly model?: string;
  readonly year?: number;
  /** Yuan. */
  readonly priceMin?: number;
  readonly priceMax?: number;
  readonly sort: SearchSort;
  readonly page: number;
  /** 0: no hits, only totalHits and facets (what `type=all` needs of articles when products fill the page). */
  readonly perPage: number;
}

export interface SearchHit {
  readonly type: 'product' | 'article';
  readonly id: number;
  readonly title: string;
  readonly url: string;
  readonly price?: number;
  readonly image?: string | null;
  readonly fits?: boolean | null;
  readonly publishedAt?: string;
  readonly _formatted: { readonly title: string; readonly subtitle?: string; readonly body?: string };
}

/** The `/api/search` response of design.md, identical from both engines. */
export interface SearchResult {
  readonly query: string;
  readonly engine: 'embedded' | 'meilisearch';
  readonly hits: SearchHit[];
  readonly facetDistribution: Record<string, Record<string, number>>;
  readonly totalHits: number;
  readonly page: number;
  readonly hitsPerPage: number;
  readonly processingTimeMs: number;
}

export interface Suggestion {
  /** 'query': a completion; its url searches for it. */
  readonly type: 'query' | 'product' | 'article' | 'category';
  readonly title: string;
  readonly url: string;
  readonly image?: string | null;
  readonly _formatted: { readonly title: string };
}

/** A search hit as a suggestion: its title (highlighted), link and image. */
export function hitSuggestion(h: SearchHit): Suggestion {
  return { type: h.type, title: h.title, url: h.url, image: h.image ?? null, _formatted: { title: h._formatted.title } };
}

export interface SearchHealth {
  readonly ok: boolean;
  /** `degraded`: search answers 503 or lags, pages still serve; /readyz stays ready. */
  readonly state?: 'ok' | 'degraded';
  readonly detail?: string;
  /** Meilisearch only: changes written but not yet confirmed by the server. */
  readonly outboxLag?: number;
  /** Meilisearch only: changes the server rejected (dead rows); `npm run reindex` retries them. */
  readonly dead?: number;
  /** Meilisearch only: the live index is `missing`, or `empty` while the database has documents. */
  readonly index?: 'ok' | 'missing' | 'empty' | 'unknown';
}

export type DocumentKey = { readonly type: 'product' | 'article'; readonly id: number };

/**
 * The search port. `index` and `remove` are called inside the writer's transaction: the embedded
 * engine writes its index rows there, the Meilisearch adapter writes outbox rows there.
 */
export interface SearchEngine {
  readonly name: 'embedded' | 'meilisearch';
  index(trx: Knex.Transaction, docs: readonly SearchDocument[]): Promise<void>;
  remove(trx: Knex.Transaction, keys: readonly DocumentKey[]): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
  suggest(q: string, limit: number): Promise<Suggestion[]>;
  /**
   * Capability: up to `limit` products that match every word of q (the last one as a prefix),
   * found without the ranking, count and facets of `search`: cheap enough for every keystroke.
   */
  suggestProducts?(q: string, limit: number): Promise<Suggestion[]>;
  reindex(onProgress?: (done: number, total: number) => void): Promise<void>;
  health(): Promise<SearchHealth>;
  /** Brings a stale index up to date before serving (embedded: rebuilt once when its text analysis changed). */
  prepare?(): Promise<void>;
  /** Starts background work (the outbox worker); embedded has none. */
  start?(): void;
  /** Stops background work, draining what is in flight. */
  stop?(): Promise<void>;
  /**
   * Re-applies index settings after an admin edited synonyms or stop words (Meilisearch). The
   * embedded engine has none: it reads both tables on the next query.
   */
  refreshSettings?(): Promise<void>;
  /**
   * Called inside the transaction that changed synonyms or stop words: Meilisearch writes an outbox
   * row there, so the settings reach it even when it was down at save time.
   */
  settingsChanged?(trx: Knex.Transaction): Promise<void>;
}
