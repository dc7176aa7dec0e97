import type { Knex } from 'knex';
import { dialectOf } from '../db/knex';

export const ARTICLE_STATUSES = ['draft', 'scheduled', 'published'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export interface ArticleRow {
  id: number;
  slug: string;
  title: string;
  dek: string;
  body: string;
  byline: string;
  source: string;
  dateline: string;
  section: string;
  lang: string;
  status: ArticleStatus;
  published_at: unknown;
  image_key: string | null;
  image_width: number | null;
  image_height: number | null;
  image_variants: string;
  image_alt: string;
  image_caption: string;
  image_credit: string;
  views: number;
  created_at: unknown;
  updated_at: unknown;
}

export interface TagRef {
  id: number;
  slug: string;
  name: string;
}

type Db = Knex | Knex.Transaction;

/**
 * A time as a binding. SQLite keeps timestamps as epoch milliseconds (what the driver makes of a
 * Date, and what the catalogue stores), so pass the number explicitly: a Date from another realm
 * (jest's VM) would otherwise be bound as the text '[object Object]'. PostgreSQL takes the Date.
 */
export function timeBinding(db: Db, d: Date): Date | number {
  return dialectOf(db as Knex) === 'pg' ? d : d.getTime();
}

/**
 * Visible = published or scheduled, with a publish time that has passed. Status alone never
 * decides it, so a scheduled article appears on time without anything flipping a flag, and every
 * reader (pages, feed, sitemap, search documents) goes through this one predicate.
 */
export function whereVisible(db: Db, qb: Knex.QueryBuilder, now: Date, alias = 'a'): Knex.QueryBuilder {
  return qb
    .whereIn(`${alias}.status`, ['published', 'scheduled'])
    .whereNotNull(`${alias}.published_at`)
    .where(`${alias}.published_at`, '<=', timeBinding(db, now));
}

const NEWEST: { column: string; order: 'desc' }[] = [{ column: 'a.published_at', order: 'desc' }, { column: 'a.id', order: 'desc' }];

export function articleRepository(db: Db) {
  return {
    async listVisible(f: { now: Date; tagId?: number; limit: number; offset: number }): Promise<{ rows: ArticleRow[]; total: number }> {
      const base = () => {
        const qb = whereVisible(db, db('articles as a'), f.now);
        if (f.tagId !== undefined) qb.whereExists((s) => s.select(db.raw('1')).from('article_tags as at').whereRaw('at.article_id = a.id').andWhere('at.tag_id', f.tagId!));
        return qb;
      };
      const [rows, count] = await Promise.all([
        base().select('a.*').orderBy(NEWEST).limit(f.limit).offset(f.offset) as Promise<ArticleRow[]>,
        base().count({ n: '*' }).first() as Promise<{ n: number | string } | undefined>,
      ]);
      return { rows, total: Number(count?.n ?? 0) };
    },

    async visibleBySlug(slug: string, now: Date): Promise<ArticleRow | undefined> {
      return whereVisible(db, db('articles as a'), now).where('a.slug', slug).first('a.*');
    },

    async visibleById(id: number, now: Date): Promise<ArticleRow | undefined> {
      return whereVisible(db, db('articles as a'), now).where('a.id', id).first('a.*');
    },

    async visibleByIds(ids: readonly number[], now: Date): Promise<ArticleRow[]> {
      if (ids.length === 0) return [];
      return whereVisible(db, db('articles as a'), now).whereIn('a.id', ids as number[]).select('a.*');
    },

    async byId(id: number): Promise<ArticleRow | undefined> {
      return db<ArticleRow>('articles').where({ id }).first();
    },

    async idBySlug(slug: string): Promise<number | undefined> {
      const row = await db('articles').where({ slug }).first('id');
      return row ? Number(row.id) : undefined;
    },

    /** Older and newer neighbours in reading order (newest first). */
    async neighbours(row: ArticleRow, now: Date): Promise<{ previous: ArticleRow | undefined; next: ArticleRow | undefined }> {
      const at = row.published_at as Date | number | string;
      const [previous, next] = await Promise.all([
        whereVisible(db, db('articles as a'), now)
          .where((w) => w.where('a.published_at', '<', at).orWhere((x) => x.where('a.published_at', '=', at).andWhere('a.id', '<', row.id)))
          .orderBy(NEWEST)
          .first('a.id', 'a.slug', 'a.title', 'a.published_at'),
        whereVisible(db, db('articles as a'), now)
          .where((w) => w.where('a.published_at', '>', at).orWhere((x) => x.where('a.published_at', '=', at).andWhere('a.id', '>', row.id)))
          .orderBy([{ column: 'a.published_at', order: 'asc' }, { column: 'a.id', order: 'asc' }])
          .first('a.id', 'a.slug', 'a.title', 'a.published_at'),
      ]);
      return { previous, next };
    },

    /** Atomic in SQL (`views = views + 1`), so concurrent readers never lose a count. */
    async incrementViews(id: number): Promise<void> {
      await db('articles').where({ id }).increment('views', 1);
    },

    async views(id: number): Promise<number> {
      const row = await db('articles').where({ id }).first('views');
      return Number(row?.views ?? 0);
    },

    async tagsOf(articleIds: readonly number[]): Promise<Map<number, TagRef[]>> {
      const map = new Map<number, TagRef[]>();
      if (articleIds.length === 0) return map;
      const rows: (TagRef & { article_id: number })[] = await db('article_tags as at')
        .join('tags as t', 't.id', 'at.tag_id')
        .whereIn('at.article_id', articleIds as number[])
        .orderBy([{ column: 'at.article_id' }, { column: 'at.position' }, { column: 't.id' }])
        .select('at.article_id', 't.id', 't.slug', 't.name');
      for (const r of rows) {
        const list = map.get(r.article_id) ?? [];
        list.push({ id: r.id, slug: r.slug, name: r.name });
        map.set(r.article_id, list);
      }
      return map;
    },

    async tagBySlug(slug: string): Promise<TagRef | undefined> {
      return db('tags').where({ slug }).first('id', 'slug', 'name');
    },

    async handPickedProductIds(articleId: number): Promise<number[]> {
      const rows = await db('article_products').where({ article_id: articleId }).orderBy([{ column: 'position' }, { column: 'product_id' }]).select('product_id');
      return rows.map((r: { product_id: number }) => Number(r.product_id));
    },

    async sitemapRows(now: Date): Promise<{ slug: string; updated_at: unknown; published_at: unknown }[]> {
      return whereVisible(db, db('articles as a'), now).select('a.slug', 'a.updated_at', 'a.published_at').orderBy(NEWEST);
    },

    async visibleIds(now: Date): Promise<number[]> {
      const rows = await whereVisible(db, db('articles as a'), now).select('a.id').orderBy('a.id');
      return rows.map((r: { id: number }) => Number(r.id));
    },

    /** Articles whose publish time falls in (since, until]: scheduled ones that just went live. */
    async becomingVisibleIds(since: Date, until: Date): Promise<number[]> {
      const rows = await db('articles')
        .whereIn('status', ['published', 'scheduled'])
        .where('published_at', '>', timeBinding(db, since))
        .where('published_at', '<=', timeBinding(db, until))
        .select('id')
        .orderBy('id');
      return rows.map((r: { id: number }) => Number(r.id));
    },
  };
}

export type ArticleRepository = ReturnType<typeof articleRepository>;
