import type { Knex } from 'knex';
import { insertReturningId } from '../db/knex';
import { slugify } from '../shared/slug';
import type { SearchIndexer } from '../search/search-indexer';
import { columns, keysOf, uniqueSlug, writeChildren, type NewImage, type ProductInput } from './catalog-writer';

export interface ImportedProduct {
  /** The product to update, or null to create one. */
  readonly id: number | null;
  readonly sku: string;
  readonly input: Omit<ProductInput, 'categoryId' | 'featured'>;
  /** Category names from the root (车灯照明/尾灯); missing levels are created. Empty: no category. */
  readonly categoryPath: readonly string[];
  readonly fitmentConfirmed: boolean;
  /** Replaces every image of the product, in this order; null keeps the images it has. */
  readonly images: readonly NewImage[] | null;
}

async function categorySlug(trx: Knex.Transaction, name: string): Promise<string> {
  const base = slugify(name, 100);
  for (let n = 1; n < 1000; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await trx('categories').where({ slug }).first('id'))) return slug;
  }
  throw new Error(`no free slug for category ${name}`);
}

/** Finds each level by name under its parent, creating the missing ones at the end of their siblings. */
export async function ensureCategoryPath(trx: Knex.Transaction, names: readonly string[]): Promise<number | null> {
  let parent: number | null = null;
  for (const name of names) {
    const q = trx('categories').where({ name }).orderBy('id');
    const found: { id: number } | undefined = await (parent === null ? q.whereNull('parent_id') : q.where({ parent_id: parent })).first('id');
    if (found) {
      parent = Number(found.id);
      continue;
    }
    const siblings = trx('categories');
    const last = (await (parent === null ? siblings.whereNull('parent_id') : siblings.where({ parent_id: parent })).max({ p: 'position' }).first()) as { p: number | null } | undefined;
    parent = await insertReturningId(trx, 'categories', { parent_id: parent, name, slug: await categorySlug(trx, name), position: Number(last?.p ?? -1) + 1 });
  }
  return parent;
}

/**
 * The catalogue's writer for spreadsheet imports: the same children, slugs and indexing as the
 * admin form's writer, plus the SKU, the fitment review flag and wholesale image replacement,
 * all inside the caller's transaction so a batch of products commits (or vanishes) whole.
 */
export function createCatalogImportWriter(indexer: SearchIndexer) {
  return {
    /**
     * Writes one product inside `trx`; `fitment` runs before the product is indexed (at once, or
     * with `deferIndex` by indexProducts before the caller commits). Returns the media keys of
     * images it replaced: the caller removes those files once `trx` has committed.
     */
    async upsert(
      trx: Knex.Transaction,
      p: ImportedProduct,
      fitment: (trx: Knex.Transaction, id: number) => Promise<void>,
      opts: { deferIndex?: boolean } = {},
    ): Promise<{ id: number; created: boolean; replacedKeys: string[] }> {
      const categoryId = await ensureCategoryPath(trx, p.categoryPath);
      const now = new Date();
      let id = p.id;
      let featured = false;
      if (id !== null) {
        const row: { featured: boolean | number } | undefined = await trx('products').where({ id }).first('featured');
        if (!row) id = null;
        else featured = Boolean(row.featured);
      }
      const input: ProductInput = { ...p.input, categoryId, featured };
      const created = id === null;
      if (id === null) {
        const slug = await uniqueSlug(trx, input.nameEn || input.title);
        id = await insertReturningId(trx, 'products', { slug, ...columns(input), sku: p.sku, fitment_confirmed: p.fitmentConfirmed, created_at: now, updated_at: now });
      } else {
        await trx('products').where({ id }).update({ ...columns(input), sku: p.sku, fitment_confirmed: p.fitmentConfirmed, updated_at: now });
      }
      await writeChildren(trx, id, input);
      let replacedKeys: string[] = [];
      if (p.images !== null) {
        const old: { variants: string }[] = await trx('product_images').where({ product_id: id }).select('variants');
        replacedKeys = old.flatMap((i) => keysOf(i.variants));
        await trx('product_images').where({ product_id: id }).del();
        for (const [position, img] of p.images.entries()) {
          await trx('product_images').insert({
            product_id: id, storage_key: img.storageKey, width: img.width, height: img.height,
            variants: JSON.stringify(img.variants), alt: img.alt, original_name: img.originalName, position,
          });
        }
      }
      await fitment(trx, id);
      if (!opts.deferIndex) await indexer.productChanged(trx, id);
      return { id, created, replacedKeys };
    },

    /**
     * Indexes products written with `deferIndex`, in the same transaction: one document load and
     * one index write for a whole batch instead of one per product.
     */
    async indexProducts(trx: Knex.Transaction, ids: readonly number[]): Promise<void> {
      if (indexer.productsChanged) await indexer.productsChanged(trx, ids);
      else for (const id of ids) await indexer.productChanged(trx, id);
    },
  };
}

export type CatalogImportWriter = ReturnType<typeof createCatalogImportWriter>;
