import type { Knex } from 'knex';
import { NotFoundError } from '../shared/errors';
import { formatFen } from '../shared/money';

export interface AdminProductListItem {
  id: number;
  slug: string;
  title: string;
  status: string;
  price: string;
  stock: number;
  imageCount: number;
  /** 'unconfirmed' while parsed fitment awaits an admin, else the product's fitment kind. */
  fitState: string;
}

export interface AdminImage {
  id: number;
  alt: string;
  originalName: string;
  position: number;
  width: number;
  height: number;
  thumb: string | null;
}

export interface AdminCategory {
  id: number;
  parentId: number | null;
  name: string;
  nameEn: string;
  slug: string;
  depth: number;
  products: number;
  children: number;
  first: boolean;
  last: boolean;
  /** Ids above this one, so the move picker can leave out the category's own subtree. */
  ancestors: number[];
}

const PER_PAGE = 50;

/** The back office's read side: drafts included, nothing cached, nothing the storefront needs. */
export function adminQueries(db: Knex) {
  return {
    async products(opts: { page: number; status?: 'draft' | 'published'; fitment?: 'unconfirmed' | 'unknown' }) {
      const base = () => {
        const q = db('products');
        if (opts.status) q.where({ status: opts.status });
        if (opts.fitment === 'unconfirmed') q.where({ fitment_confirmed: false });
        if (opts.fitment === 'unknown') q.where({ fitment_kind: 'unknown' });
        return q;
      };
      const [rows, count] = await Promise.all([
        base().select('id', 'slug', 'title', 'status', 'price_fen', 'stock', 'fitment_kind', 'fitment_confirmed').orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(PER_PAGE).offset((opts.page - 1) * PER_PAGE),
        base().count({ n: '*' }).first() as Promise<{ n: number | string } | undefined>,
      ]);
      const ids = rows.map((r: { id: number }) => r.id);
      const counts: { product_id: number; n: number | string }[] = ids.length
        ? await db('product_images').whereIn('product_id', ids).groupBy('product_id').select('product_id').count({ n: '*' })
        : [];
      const byId = new Map(counts.map((c) => [Number(c.product_id), Number(c.n)]));
      const total = Number(count?.n ?? 0);
      return {
        items: rows.map((r: { id: number; slug: string; title: string; status: string; price_fen: number; stock: number; fitment_kind: string; fitment_confirmed: unknown }): AdminProductListItem => ({
          id: r.id, slug: r.slug, title: r.title, status: r.status, price: formatFen(r.price_fen), stock: r.stock, imageCount: byId.get(r.id) ?? 0,
          fitState: r.fitment_confirmed === false || Number(r.fitment_confirmed) === 0 ? 'unconfirmed' : r.fitment_kind,
        })),
        total, page: opts.page, pageCount: Math.max(1, Math.ceil(total / PER_PAGE)),
      };
    },

    async categories(): Promise<{ id: number; name: string; depth: number }[]> {
      const rows: { id: number; parent_id: number | null; name: string }[] = await db('categories').orderBy([{ column: 'position' }, { column: 'id' }]).select('id', 'parent_id', 'name');
      const out: { id: number; name: string; depth: number }[] = [];
      const walk = (parent: number | null, depth: number) => {
        for (const r of rows.filter((x) => x.parent_id === parent)) {
          out.push({ id: r.id, name: r.name, depth });
          if (depth < 5) walk(r.id, depth + 1);
        }
      };
      walk(null, 0);
      return out;
    },

    /** Every category in tree order with what the category admin needs to show and to refuse. */
    async categoryTree(): Promise<AdminCategory[]> {
      const rows: { id: number; parent_id: number | null; name: string; name_en: string; slug: string }[] = await db('categories')
        .orderBy([{ column: 'position' }, { column: 'id' }]).select('id', 'parent_id', 'name', 'name_en', 'slug');
      const counts: { category_id: number; n: number | string }[] = await db('products').whereNotNull('category_id').groupBy('category_id').select('category_id').count({ n: '*' });
      const productCount = new Map(counts.map((c) => [Number(c.category_id), Number(c.n)]));
      const out: AdminCategory[] = [];
      const walk = (parent: number | null, depth: number, ancestors: number[]) => {
        const level = rows.filter((x) => (x.parent_id === null ? null : Number(x.parent_id)) === parent);
        level.forEach((r, i) => {
          const id = Number(r.id);
          const children = rows.filter((x) => Number(x.parent_id) === id).length;
          out.push({ id, parentId: parent, name: r.name, nameEn: r.name_en, slug: r.slug, depth, products: productCount.get(id) ?? 0, children, first: i === 0, last: i === level.length - 1, ancestors });
          if (depth < 20) walk(id, depth + 1, [...ancestors, id]);
        });
      };
      walk(null, 0, []);
      return out;
    },

    async product(id: number) {
      const row = await db('products').where({ id }).first();
      if (!row) throw new NotFoundError('商品不存在', 'unknown_product');
      const [variants, specs, tags, images] = await Promise.all([
        db('product_variants').where({ product_id: id }).orderBy([{ column: 'position' }, { column: 'id' }]).select('label', 'sku', 'price_fen', 'stock'),
        db('product_specs').where({ product_id: id }).orderBy([{ column: 'position' }, { column: 'id' }]).select('name', 'value'),
        db('tags as t').join('product_tags as pt', 'pt.tag_id', 't.id').where('pt.product_id', id).orderBy('t.name').select('t.name'),
        db('product_images').where({ product_id: id }).orderBy([{ column: 'position' }, { column: 'id' }]),
      ]);
      return {
        row: { ...row, variants, specs, tags },
        images: images.map((i: { id: number; alt: string; original_name: string; position: number; width: number; height: number; variants: string }): AdminImage => ({
          id: i.id, alt: i.alt, originalName: i.original_name, position: i.position, width: i.width, height: i.height, thumb: smallest(i.variants),
        })),
      };
    },
  };
}

function smallest(variantsJson: string): string | null {
  try {
    const v = (JSON.parse(variantsJson) as { key: string; width: number; format: string }[]).filter((x) => x.format === 'webp').sort((a, b) => a.width - b.width)[0];
    return v ? `/media/${v.key}` : null;
  } catch {
    return null;
  }
}

export type AdminQueries = ReturnType<typeof adminQueries>;
