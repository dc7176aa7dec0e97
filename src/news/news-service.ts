import type { Knex } from 'knex';
import { productRepository, type CatalogService, type ProductCard } from '../catalog';
import { NotFoundError } from '../shared/errors';
import { toDate } from '../shared/time';
import { articleRepository, type ArticleRow, type TagRef } from './article-repository';
import { relatedArticleIds, relatedProductIds } from './article-relations';
import { toArticleView, toNewsLink, toSummary, type ArticleSummary, type ArticleView, type NewsLink, type TagLink } from './article-view-models';

export const NEWS_PER_PAGE = 10;
export const RELATED_PRODUCTS = 8;
export const RELATED_ARTICLES = 5;

export interface NewsListing {
  items: ArticleSummary[];
  total: number;
  page: number;
  perPage: number;
  pageCount: number;
  tag: TagLink | null;
}

export interface ArticlePage {
  article: ArticleView;
  relatedProducts: ProductCard[];
  previous: { url: string; title: string } | null;
  next: { url: string; title: string } | null;
}

export interface FeedEntry {
  article: ArticleView;
  updatedAt: Date;
}

/** The newsroom's read side: everything here sees visible articles only (see whereVisible). */
export function createNewsReader(db: Knex, deps: { catalog: CatalogService; now?: () => Date }) {
  const repo = articleRepository(db);
  const products = productRepository(db);
  const now = deps.now ?? (() => new Date());

  async function withTags<T>(rows: ArticleRow[], map: (row: ArticleRow, tags: TagRef[]) => T): Promise<T[]> {
    const tags = await repo.tagsOf(rows.map((r) => r.id));
    return rows.map((r) => map(r, tags.get(r.id) ?? []));
  }

  async function productCards(ids: number[]): Promise<ProductCard[]> {
    if (ids.length === 0) return [];
    const rows = await products.page({ productIds: ids, sort: 'newest', limit: ids.length, offset: 0 });
    const cards = new Map((await deps.catalog.cards(rows)).map((c) => [c.id, c]));
    return ids.map((id) => cards.get(id)).filter((c): c is ProductCard => c !== undefined);
  }

  return {
    /** Newest first. A page past the end is a 404 (except page 1 of an empty list). */
    async list(opts: { page: number; perPage?: number; tagSlug?: string }): Promise<NewsListing> {
      const perPage = opts.perPage ?? NEWS_PER_PAGE;
      let tag: TagLink | null = null;
      let tagId: number | undefined;
      if (opts.tagSlug !== undefined) {
        const t = await repo.tagBySlug(opts.tagSlug);
        if (!t) throw new NotFoundError('没有这个标签', 'unknown_tag');
        tag = { slug: t.slug, name: t.name, url: `/news/tag/${t.slug}` };
        tagId = t.id;
      }
      const { rows, total } = await repo.listVisible({ now: now(), tagId, limit: perPage, offset: (opts.page - 1) * perPage });
      if (tag && total === 0) throw new NotFoundError('这个标签下还没有文章', 'unknown_tag');
      const pageCount = Math.max(1, Math.ceil(total / perPage));
      if (opts.page > pageCount) throw new NotFoundError('没有这一页', 'page_out_of_range');
      return { items: await withTags(rows, toSummary), total, page: opts.page, perPage, pageCount, tag };
    },

    async page(slug: string): Promise<ArticlePage> {
      const at = now();
      const row = await repo.visibleBySlug(slug, at);
      if (!row) throw new NotFoundError('文章不存在或尚未发布', 'unknown_article');
      const [[article], related, { previous, next }] = await Promise.all([
        withTags([row], toArticleView),
        relatedProductIds(db, row.id, RELATED_PRODUCTS).then(productCards),
        repo.neighbours(row, at),
      ]);
      const link = (r: { slug: string; title: string } | undefined) => (r ? { url: `/news/${r.slug}`, title: r.title } : null);
      return { article, relatedProducts: related, previous: link(previous), next: link(next) };
    },

    /** Atomic increment, then the stored count (which includes concurrent readers). */
    async recordView(articleId: number): Promise<number> {
      await repo.incrementViews(articleId);
      return repo.views(articleId);
    },

    async latest(limit = 5): Promise<NewsLink[]> {
      const { rows } = await repo.listVisible({ now: now(), limit, offset: 0 });
      return rows.map(toNewsLink);
    },

    async relatedArticlesForProduct(productId: number, limit = RELATED_ARTICLES): Promise<NewsLink[]> {
      const at = now();
      const ids = await relatedArticleIds(db, productId, at, limit);
      const rows = new Map((await repo.visibleByIds(ids, at)).map((r) => [r.id, r]));
      return ids.map((id) => rows.get(id)).filter((r): r is ArticleRow => r !== undefined).map(toNewsLink);
    },

    async feedEntries(limit = 20): Promise<FeedEntry[]> {
      const { rows } = await repo.listVisible({ now: now(), limit, offset: 0 });
      return withTags(rows, (r, tags) => ({ article: toArticleView(r, tags), updatedAt: toDate(r.updated_at) ?? toDate(r.published_at)! }));
    },

    async sitemapEntries(): Promise<{ path: string; lastmod: Date | null }[]> {
      const rows = await repo.sitemapRows(now());
      return rows.map((r) => ({ path: `/news/${r.slug}`, lastmod: toDate(r.updated_at) ?? toDate(r.published_at) }));
    },

    productCards,
  };
}

export type NewsReader = ReturnType<typeof createNewsReader>;
