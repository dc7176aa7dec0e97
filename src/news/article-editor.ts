import type { Knex } from 'knex';
import type { SearchIndexer } from '../search/search-indexer';
import { formatShanghai, toDate } from '../shared/time';
import { slugify } from '../shared/slug';
import { articleRepository, type ArticleStatus } from './article-repository';
import { parseArticleInput, splitList, type ArticleData, type ArticleInput, type FieldErrors } from './article-input';
import { articleTime, articleUrl, imageView, parseVariants, tagLink, type ArticleView } from './article-view-models';
import { freeSlug, insertArticle, resolveProductSlugs, updateArticleRow } from './article-writer';
import { formatViews } from './view-counter';

export type SaveResult = { ok: true; id: number; slug: string } | { ok: false; errors: FieldErrors };
export type PreviewResult = { ok: true; article: ArticleView; productSlugs: string[] } | { ok: false; errors: FieldErrors };

/** Form values of a stored article, ready to put back into the admin form. */
export interface ArticleForEdit extends Required<Omit<ArticleInput, 'publishedAt' | 'tags' | 'productSlugs' | 'image'>> {
  id: number;
  status: ArticleStatus;
  /** Asia/Shanghai wall time `YYYY-MM-DD HH:mm:ss`, or '' when unset. */
  publishedAt: string;
  image: ArticleInput['image'];
  tags: string[];
  productSlugs: string[];
  views: number;
  url: string;
}

/**
 * The newsroom's write side, for the admin. Every write sanitises the body, validates with zod
 * (errors keyed by field, in Chinese) and tells search inside the same transaction.
 */
export function createArticleEditor(db: Knex, deps: { indexer: SearchIndexer; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());

  async function validate(input: ArticleInput, exceptId?: number): Promise<{ ok: true; data: ArticleData; productIds: number[] } | { ok: false; errors: FieldErrors }> {
    const parsed = parseArticleInput(input, now());
    const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
    // Unknown products are reported even when other fields failed, so the form shows every problem at once.
    const slugs = parsed.ok ? parsed.data.productSlugs : Array.isArray(input.productSlugs) || typeof input.productSlugs === 'string' ? splitList(input.productSlugs) : [];
    const { ids: productIds, unknown } = await resolveProductSlugs(db, slugs.slice(0, 100));
    if (unknown.length && !errors.productSlugs) errors.productSlugs = `找不到这些商品：${unknown.join('、')}`;
    if (parsed.ok) {
      if (parsed.data.slug && (await freeSlug(db, parsed.data.slug, exceptId)) !== parsed.data.slug) errors.slug = '这个地址已被其他文章使用';
    }
    if (!parsed.ok || Object.keys(errors).length) return { ok: false, errors };
    return { ok: true, data: parsed.data, productIds };
  }

  return {
    async createArticle(input: ArticleInput): Promise<SaveResult> {
      const v = await validate(input);
      if (!v.ok) return v;
      const { id, slug } = await db.transaction(async (trx) => {
        const saved = await insertArticle(trx, v.data, v.productIds, now());
        await deps.indexer.articleChanged(trx, saved.id);
        return saved;
      });
      return { ok: true, id, slug };
    },

    async updateArticle(id: number, input: ArticleInput): Promise<SaveResult> {
      if (!(await articleRepository(db).byId(id))) return { ok: false, errors: { title: '文章不存在或已被删除' } };
      const v = await validate(input, id);
      if (!v.ok) return v;
      const { slug } = await db.transaction(async (trx) => {
        const saved = await updateArticleRow(trx, id, v.data, v.productIds, now());
        await deps.indexer.articleChanged(trx, id);
        return saved;
      });
      return { ok: true, id, slug };
    },

    /** False when there was nothing to delete. Stored image files are left to media housekeeping. */
    async deleteArticle(id: number): Promise<boolean> {
      return db.transaction(async (trx) => {
        const n = await trx('articles').where({ id }).del();
        if (n > 0) await deps.indexer.articleRemoved(trx, id);
        return n > 0;
      });
    },

    async getArticleForEdit(id: number): Promise<ArticleForEdit | null> {
      const repo = articleRepository(db);
      const row = await repo.byId(id);
      if (!row) return null;
      const [tags, products] = await Promise.all([
        repo.tagsOf([id]),
        db('article_products as ap').join('products as p', 'p.id', 'ap.product_id').where('ap.article_id', id).orderBy('ap.position').select('p.slug'),
      ]);
      const published = toDate(row.published_at);
      return {
        id: row.id, title: row.title, slug: row.slug, dek: row.dek, body: row.body, byline: row.byline, source: row.source,
        dateline: row.dateline, section: row.section, lang: row.lang, status: row.status,
        publishedAt: published ? formatShanghai(published) : '',
        image: row.image_key ? { key: row.image_key, width: Number(row.image_width), height: Number(row.image_height), variants: parseVariants(row.image_variants) } : null,
        imageAlt: row.image_alt, imageCaption: row.image_caption, imageCredit: row.image_credit,
        tags: (tags.get(id) ?? []).map((t) => t.name),
        productSlugs: products.map((p: { slug: string }) => p.slug),
        views: Number(row.views),
        url: articleUrl(row.slug),
      };
    },

    /** The article as its page would show it, validated and sanitised but not saved. Pass the id when previewing an edit. */
    async previewArticle(input: ArticleInput, articleId?: number): Promise<PreviewResult> {
      const v = await validate(input, articleId);
      if (!v.ok) return v;
      const d = v.data;
      const slug = d.slug ?? slugify(d.title, 80);
      const at = articleTime(d.publishedAt ?? now());
      return {
        ok: true,
        productSlugs: d.productSlugs,
        article: {
          id: null, slug, url: articleUrl(slug), title: d.title, dek: d.dek, bodyHtml: d.body, byline: d.byline, source: d.source,
          dateline: d.dateline, section: d.section, lang: d.lang, status: d.status, published: at, updated: articleTime(now()),
          views: 0, viewsLabel: formatViews(0),
          image: d.image ? imageView({ variants: d.image.variants, alt: d.image.alt, caption: d.image.caption, credit: d.image.credit }) : null,
          tags: d.tags.map((name) => tagLink({ name, slug: slugify(name, 60) })),
        },
      };
    },
  };
}

export type ArticleEditor = ReturnType<typeof createArticleEditor>;
