import type { Knex } from 'knex';
import { insertReturningId } from '../db/knex';
import { bumpContentVersion } from '../shared/content-version';
import { ConflictError, NotFoundError } from '../shared/errors';
import { slugify } from '../shared/slug';
import type { SearchIndexer } from '../search/search-indexer';

export interface CategoryInput {
  name: string;
  nameEn: string;
  parentId: number | null;
}

export const CATEGORY_TEXT = Object.freeze({
  notFound: '分类不存在',
  cycle: '不能把分类移动到它自己或它的子分类下面',
  hasProducts: (n: number) => `该分类下还有 ${n} 个商品，请先移走或删除这些商品`,
  hasChildren: (n: number) => `该分类下还有 ${n} 个子分类，请先移走或删除子分类`,
  slugExhausted: '无法生成唯一的分类地址',
});

type Row = { id: number; parent_id: number | null; position: number };

async function mustGet(trx: Knex.Transaction, id: number): Promise<Row> {
  const row: Row | undefined = await trx('categories').where({ id }).first('id', 'parent_id', 'position');
  if (!row) throw new NotFoundError(CATEGORY_TEXT.notFound, 'unknown_category');
  return { id: Number(row.id), parent_id: row.parent_id === null ? null : Number(row.parent_id), position: Number(row.position) };
}

async function uniqueSlug(trx: Knex.Transaction, text: string): Promise<string> {
  const base = slugify(text, 100);
  for (let n = 1; n < 1000; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await trx('categories').where({ slug }).first('id'))) return slug;
  }
  throw new ConflictError(CATEGORY_TEXT.slugExhausted, 'slug_exhausted');
}

async function siblings(trx: Knex.Transaction, parentId: number | null): Promise<Row[]> {
  const q = trx('categories').select('id', 'parent_id', 'position').orderBy([{ column: 'position' }, { column: 'id' }]);
  if (parentId === null) q.whereNull('parent_id');
  else q.where({ parent_id: parentId });
  return q;
}

async function nextPosition(trx: Knex.Transaction, parentId: number | null): Promise<number> {
  const list = await siblings(trx, parentId);
  return list.length ? Math.max(...list.map((r) => Number(r.position))) + 1 : 0;
}

/**
 * The one writer of categories. A category's name is part of its products' search documents
 * (categoryName), so a rename re-indexes them inside the same transaction (embedded index rows
 * or Meilisearch outbox rows), and every change bumps the catalogue's content version so page
 * caches, the category tree and breadcrumbs follow at once. Slugs stay put: URLs outlive names.
 */
export function createCategoryWriter(db: Knex, indexer: SearchIndexer) {
  async function reindexProducts(trx: Knex.Transaction, categoryId: number): Promise<number> {
    const ids: number[] = (await trx('products').where({ category_id: categoryId }).orderBy('id').pluck('id')).map(Number);
    for (const id of ids) await indexer.productChanged(trx, id);
    return ids.length;
  }

  /** Refuses a parent that is the category itself or lies below it. */
  async function assertNoCycle(trx: Knex.Transaction, id: number, parentId: number | null): Promise<void> {
    for (let p = parentId, guard = 0; p !== null && guard < 1000; guard++) {
      if (p === id) throw new ConflictError(CATEGORY_TEXT.cycle, 'category_cycle');
      p = (await mustGet(trx, p)).parent_id;
    }
  }

  return {
    async create(input: CategoryInput): Promise<{ id: number; slug: string }> {
      return db.transaction(async (trx) => {
        if (input.parentId !== null) await mustGet(trx, input.parentId);
        const slug = await uniqueSlug(trx, input.nameEn || input.name);
        const id = await insertReturningId(trx, 'categories', {
          parent_id: input.parentId, slug, name: input.name, name_en: input.nameEn, description: '', position: await nextPosition(trx, input.parentId),
        });
        await bumpContentVersion(trx, 'catalog');
        return { id, slug };
      });
    },

    /** Renames and/or moves; returns how many products were re-indexed. */
    async update(id: number, input: CategoryInput): Promise<{ reindexed: number }> {
      return db.transaction(async (trx) => {
        const row = await mustGet(trx, id);
        const before: { name: string; name_en: string } = await trx('categories').where({ id }).first('name', 'name_en');
        const changes: Record<string, unknown> = { name: input.name, name_en: input.nameEn };
        if (input.parentId !== row.parent_id) {
          await assertNoCycle(trx, id, input.parentId);
          changes.parent_id = input.parentId;
          changes.position = await nextPosition(trx, input.parentId);
        }
        await trx('categories').where({ id }).update(changes);
        const renamed = before.name !== input.name;
        const reindexed = renamed ? await reindexProducts(trx, id) : 0;
        await bumpContentVersion(trx, 'catalog');
        return { reindexed };
      });
    },

    /** Swaps the category with its previous or next sibling. */
    async reorder(id: number, direction: 'up' | 'down'): Promise<void> {
      await db.transaction(async (trx) => {
        const row = await mustGet(trx, id);
        const list = await siblings(trx, row.parent_id);
        const i = list.findIndex((r) => Number(r.id) === id);
        const j = direction === 'up' ? i - 1 : i + 1;
        if (j < 0 || j >= list.length) return;
        [list[i], list[j]] = [list[j], list[i]];
        // Positions are rewritten 0..n-1 so ties from older data cannot keep two rows stuck.
        for (const [position, r] of list.entries()) await trx('categories').where({ id: r.id }).update({ position });
        await bumpContentVersion(trx, 'catalog');
      });
    },

    /** Deletes an empty category; one that still holds products or subcategories is refused. */
    async remove(id: number): Promise<void> {
      await db.transaction(async (trx) => {
        await mustGet(trx, id);
        const products = Number(((await trx('products').where({ category_id: id }).count({ n: '*' }).first()) as { n: number | string } | undefined)?.n ?? 0);
        if (products > 0) throw new ConflictError(CATEGORY_TEXT.hasProducts(products), 'category_not_empty');
        const children = Number(((await trx('categories').where({ parent_id: id }).count({ n: '*' }).first()) as { n: number | string } | undefined)?.n ?? 0);
        if (children > 0) throw new ConflictError(CATEGORY_TEXT.hasChildren(children), 'category_has_children');
        await trx('categories').where({ id }).del();
        await bumpContentVersion(trx, 'catalog');
      });
    },
  };
}

export type CategoryWriter = ReturnType<typeof createCategoryWriter>;
