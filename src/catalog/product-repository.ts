import type { Knex } from 'knex';
import { whereContains } from '../db/knex';

export interface ProductRow {
  id: number;
  slug: string;
  title: string;
  name_en: string;
  description: string;
  category_id: number | null;
  price_fen: number;
  compare_at_fen: number | null;
  stock: number;
  status: string;
  featured: number | boolean;
  created_at: unknown;
  updated_at: unknown;
}

export interface CategoryRow {
  id: number;
  parent_id: number | null;
  slug: string;
  name: string;
  name_en: string;
  description: string;
  position: number;
}

export interface ImageRow {
  id: number;
  product_id: number;
  storage_key: string;
  width: number;
  height: number;
  variants: string;
  alt: string;
  original_name: string;
  position: number;
}

export interface ProductFilter {
  categoryIds?: readonly number[];
  q?: string;
  priceMinFen?: number;
  priceMaxFen?: number;
  productIds?: readonly number[];
  /** A subquery of product ids (fitment: parts for the shopper's car), built per query. */
  idsIn?: () => Knex.QueryBuilder;
  excludeIds?: readonly number[];
  featured?: boolean;
  sort: 'relevance' | 'price_asc' | 'price_desc' | 'newest';
  limit: number;
  offset: number;
}

const CARD_COLUMNS = ['p.id', 'p.slug', 'p.title', 'p.name_en', 'p.price_fen', 'p.compare_at_fen', 'p.stock', 'p.category_id', 'p.created_at', 'p.updated_at', 'p.status', 'p.featured'];

// Sort columns come from this allowlist only; `relevance` without a query means newest.
const ORDER: Record<ProductFilter['sort'], [string, 'asc' | 'desc'][]> = {
  relevance: [['p.created_at', 'desc'], ['p.id', 'desc']],
  newest: [['p.created_at', 'desc'], ['p.id', 'desc']],
  price_asc: [['p.price_fen', 'asc'], ['p.id', 'asc']],
  price_desc: [['p.price_fen', 'desc'], ['p.id', 'desc']],
};

function applyFilter(db: Knex, qb: Knex.QueryBuilder, f: ProductFilter): Knex.QueryBuilder {
  qb.where('p.status', 'published');
  if (f.categoryIds) qb.whereIn('p.category_id', f.categoryIds as number[]);
  if (f.productIds) qb.whereIn('p.id', f.productIds as number[]);
  if (f.idsIn) qb.whereIn('p.id', f.idsIn());
  if (f.excludeIds?.length) qb.whereNotIn('p.id', f.excludeIds as number[]);
  if (f.featured !== undefined) qb.where('p.featured', f.featured);
  if (f.priceMinFen !== undefined) qb.where('p.price_fen', '>=', f.priceMinFen);
  if (f.priceMaxFen !== undefined) qb.where('p.price_fen', '<=', f.priceMaxFen);
  if (f.q) whereContains(db, qb, ['p.title', 'p.name_en'], f.q);
  return qb;
}

export function productRepository(db: Knex) {
  return {
    async page(f: ProductFilter): Promise<ProductRow[]> {
      const q = applyFilter(db, db('products as p').select(CARD_COLUMNS), f);
      for (const [col, dir] of ORDER[f.sort]) q.orderBy(col, dir);
      return q.limit(f.limit).offset(f.offset);
    },

    async count(f: ProductFilter): Promise<number> {
      const row = (await applyFilter(db, db('products as p'), f).count({ n: '*' }).first()) as { n: number | string } | undefined;
      return Number(row?.n ?? 0);
    },

    async bySlug(slug: string, includeDrafts = false): Promise<ProductRow | undefined> {
      const q = db<ProductRow>('products').where({ slug });
      if (!includeDrafts) q.andWhere('status', 'published');
      return q.first();
    },

    async byId(id: number): Promise<ProductRow | undefined> {
      return db<ProductRow>('products').where({ id }).first();
    },

    async coverImages(productIds: readonly number[]): Promise<Map<number, ImageRow>> {
      if (productIds.length === 0) return new Map();
      const rows: ImageRow[] = await db('product_images')
        .whereIn('product_id', productIds as number[])
        .orderBy([{ column: 'product_id' }, { column: 'position' }, { column: 'id' }]);
      const covers = new Map<number, ImageRow>();
      for (const r of rows) if (!covers.has(r.product_id)) covers.set(r.product_id, r);
      return covers;
    },

    async images(productId: number): Promise<ImageRow[]> {
      return db('product_images').where({ product_id: productId }).orderBy([{ column: 'position' }, { column: 'id' }]);
    },

    async variants(productId: number): Promise<{ id: number; label: string; sku: string; price_fen: number; stock: number }[]> {
      return db('product_variants').where({ product_id: productId }).orderBy([{ column: 'position' }, { column: 'id' }]);
    },

    async specs(productId: number): Promise<{ name: string; value: string }[]> {
      return db('product_specs').select('name', 'value').where({ product_id: productId }).orderBy([{ column: 'position' }, { column: 'id' }]);
    },

    async tags(productId: number): Promise<{ slug: string; name: string }[]> {
      return db('tags as t').join('product_tags as pt', 'pt.tag_id', 't.id').where('pt.product_id', productId).select('t.slug', 't.name').orderBy('t.name');
    },

    async categories(): Promise<CategoryRow[]> {
      return db<CategoryRow>('categories').orderBy([{ column: 'position' }, { column: 'id' }]);
    },

    async publishedCountsByCategory(): Promise<Map<number, number>> {
      const rows = (await db('products').where('status', 'published').whereNotNull('category_id').groupBy('category_id').select('category_id').count({ n: '*' })) as { category_id: number; n: number | string }[];
      return new Map(rows.map((r) => [Number(r.category_id), Number(r.n)]));
    },

    async allPublishedSlugs(): Promise<{ slug: string; updated_at: unknown }[]> {
      return db('products').where('status', 'published').select('slug', 'updated_at').orderBy('id');
    },
  };
}

export type ProductRepository = ReturnType<typeof productRepository>;
