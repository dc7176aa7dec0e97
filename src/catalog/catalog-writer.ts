import type { Knex } from 'knex';
import { insertReturningId } from '../db/knex';
import { ensureTagId } from '../shared/tag-store';
import { slugify } from '../shared/slug';
import { NotFoundError, ConflictError } from '../shared/errors';
import type { SearchIndexer } from '../search/search-indexer';
import { applyUnconfirmedTitleFitment, saveConfirmedFitment, type FitmentDraft } from '../fitment';

export type ProductStatus = 'published' | 'draft';

export interface ProductInput {
  title: string;
  nameEn: string;
  categoryId: number | null;
  priceFen: number;
  compareAtFen: number | null;
  stock: number;
  description: string;
  featured: boolean;
  status: ProductStatus;
  variants: { label: string; sku: string | null; priceFen: number; stock: number }[];
  specs: { name: string; value: string }[];
  tags: string[];
  /**
   * Omitted: fitment is left as it is. 'title': parsed from the title and marked unconfirmed.
   * 'confirmed': exactly these rows/kind, confirmed by an admin.
   */
  fitment?: { mode: 'title' } | { mode: 'confirmed'; draft: FitmentDraft };
}

export interface NewImage {
  storageKey: string;
  width: number;
  height: number;
  variants: unknown;
  alt: string;
  originalName: string;
}

/** A unique-constraint failure on `column`, as PostgreSQL (23505) or SQLite reports it. */
function isUniqueViolation(err: unknown, column: string): boolean {
  const e = err as { code?: string; message?: string; constraint?: string };
  const unique = e.code === '23505' || e.code === 'SQLITE_CONSTRAINT';
  return unique && `${e.constraint ?? ''} ${e.message ?? ''}`.includes(column);
}

export async function uniqueSlug(trx: Knex.Transaction, title: string): Promise<string> {
  const base = slugify(title, 140);
  for (let n = 1; n < 1000; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await trx('products').where({ slug }).first('id'))) return slug;
  }
  throw new ConflictError('无法生成唯一的商品地址', 'slug_exhausted');
}

export async function writeChildren(trx: Knex.Transaction, id: number, input: ProductInput): Promise<void> {
  await trx('product_variants').where({ product_id: id }).del();
  await trx('product_specs').where({ product_id: id }).del();
  await trx('product_tags').where({ product_id: id }).del();
  for (const [position, v] of input.variants.entries()) {
    const sku = v.sku || `QP${String(id).padStart(5, '0')}-${position + 1}`;
    const taken = await trx('product_variants').where({ sku }).first('product_id');
    if (taken) throw new ConflictError(`SKU ${sku} 已被其他商品使用`, 'sku_taken');
    await trx('product_variants').insert({ product_id: id, label: v.label, sku, price_fen: v.priceFen, stock: v.stock, position });
  }
  for (const [position, s] of input.specs.entries()) await trx('product_specs').insert({ product_id: id, name: s.name, value: s.value, position });
  for (const name of new Set(input.tags)) await trx('product_tags').insert({ product_id: id, tag_id: await ensureTagId(trx, name) });
  if (input.fitment?.mode === 'title') await applyUnconfirmedTitleFitment(trx, id, input.title);
  else if (input.fitment?.mode === 'confirmed') await saveConfirmedFitment(trx, id, input.fitment.draft);
}

export function columns(input: ProductInput) {
  return {
    title: input.title, name_en: input.nameEn, description: input.description, category_id: input.categoryId,
    price_fen: input.priceFen, compare_at_fen: input.compareAtFen, stock: input.stock, status: input.status, featured: input.featured,
  };
}

/**
 * The one writer of products and their images. Each call is one transaction, and the search
 * indexer runs inside it, so the index can never disagree with a committed row.
 */
export function createCatalogWriter(db: Knex, indexer: SearchIndexer) {
  async function mustExist(trx: Knex.Transaction, id: number): Promise<void> {
    if (!(await trx('products').where({ id }).first('id'))) throw new NotFoundError('商品不存在', 'unknown_product');
  }

  async function touch(trx: Knex.Transaction, id: number): Promise<void> {
    await trx('products').where({ id }).update({ updated_at: new Date() });
    await indexer.productChanged(trx, id);
  }

  return {
    async createProduct(input: ProductInput): Promise<{ id: number; slug: string }> {
      // Two admins saving the same title at once both see a free slug; the loser retries.
      for (let attempt = 1; ; attempt++) {
        try {
          return await db.transaction(async (trx) => {
            const slug = await uniqueSlug(trx, input.nameEn || input.title);
            const now = new Date();
            const id = await insertReturningId(trx, 'products', { slug, ...columns(input), created_at: now, updated_at: now });
            await writeChildren(trx, id, input);
            await indexer.productChanged(trx, id);
            return { id, slug };
          });
        } catch (err) {
          if (attempt >= 3 || !isUniqueViolation(err, 'slug')) throw err;
        }
      }
    },

    async updateProduct(id: number, input: ProductInput): Promise<void> {
      await db.transaction(async (trx) => {
        await mustExist(trx, id);
        await trx('products').where({ id }).update({ ...columns(input), updated_at: new Date() });
        await writeChildren(trx, id, input);
        await indexer.productChanged(trx, id);
      });
    },

    async setStatus(id: number, status: ProductStatus): Promise<void> {
      await db.transaction(async (trx) => {
        await mustExist(trx, id);
        await trx('products').where({ id }).update({ status });
        await touch(trx, id);
      });
    },

    /** Returns the media keys that belonged to the product; the caller removes the files after commit. */
    async deleteProduct(id: number): Promise<string[]> {
      return db.transaction(async (trx) => {
        await mustExist(trx, id);
        const images: { variants: string }[] = await trx('product_images').where({ product_id: id }).select('variants');
        await trx('products').where({ id }).del();
        await indexer.productRemoved(trx, id);
        return images.flatMap((i) => keysOf(i.variants));
      });
    },

    async addImages(productId: number, images: readonly NewImage[]): Promise<number[]> {
      return db.transaction(async (trx) => {
        await mustExist(trx, productId);
        const last = (await trx('product_images').where({ product_id: productId }).max({ p: 'position' }).first()) as { p: number | null } | undefined;
        let position = last?.p === null || last?.p === undefined ? 0 : Number(last.p) + 1;
        const ids: number[] = [];
        for (const img of images) {
          ids.push(await insertReturningId(trx, 'product_images', {
            product_id: productId, storage_key: img.storageKey, width: img.width, height: img.height,
            variants: JSON.stringify(img.variants), alt: img.alt, original_name: img.originalName, position: position++,
          }));
        }
        await touch(trx, productId);
        return ids;
      });
    },

    async updateImageAlt(productId: number, imageId: number, alt: string): Promise<void> {
      await db.transaction(async (trx) => {
        const n = await trx('product_images').where({ id: imageId, product_id: productId }).update({ alt });
        if (!n) throw new NotFoundError('图片不存在', 'unknown_image');
        await touch(trx, productId);
      });
    },

    /** Rewrites positions 0..n-1 in the given order; position 0 is the cover. */
    async reorderImages(productId: number, orderedIds: readonly number[]): Promise<void> {
      await db.transaction(async (trx) => {
        const existing: { id: number }[] = await trx('product_images').where({ product_id: productId }).orderBy([{ column: 'position' }, { column: 'id' }]).select('id');
        const known = new Set(existing.map((r) => Number(r.id)));
        if (orderedIds.length !== known.size || !orderedIds.every((id) => known.has(id)) || new Set(orderedIds).size !== orderedIds.length) {
          throw new ConflictError('图片列表已变化，请刷新后重试', 'image_order_stale');
        }
        for (const [position, id] of orderedIds.entries()) await trx('product_images').where({ id, product_id: productId }).update({ position });
        await touch(trx, productId);
      });
    },

    async imageOrder(productId: number): Promise<number[]> {
      const rows: { id: number }[] = await db('product_images').where({ product_id: productId }).orderBy([{ column: 'position' }, { column: 'id' }]).select('id');
      return rows.map((r) => Number(r.id));
    },

    /** Returns the removed image's media keys; the caller deletes the files after commit. */
    async deleteImage(productId: number, imageId: number): Promise<string[]> {
      return db.transaction(async (trx) => {
        const row: { variants: string } | undefined = await trx('product_images').where({ id: imageId, product_id: productId }).first('variants');
        if (!row) throw new NotFoundError('图片不存在', 'unknown_image');
        await trx('product_images').where({ id: imageId }).del();
        const rest: { id: number }[] = await trx('product_images').where({ product_id: productId }).orderBy([{ column: 'position' }, { column: 'id' }]).select('id');
        for (const [position, r] of rest.entries()) await trx('product_images').where({ id: r.id }).update({ position });
        await touch(trx, productId);
        return keysOf(row.variants);
      });
    },
  };
}

export function keysOf(variantsJson: string): string[] {
  try {
    const parsed = JSON.parse(variantsJson) as { key?: unknown }[];
    return parsed.map((v) => v.key).filter((k): k is string => typeof k === 'string');
  } catch {
    return [];
  }
}

export type CatalogWriter = ReturnType<typeof createCatalogWriter>;
