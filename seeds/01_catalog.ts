import type { Knex } from 'knex';
import sharp from 'sharp';
import { insertReturningId } from '../src/db/knex';
import { ensureTagId } from '../src/shared/tag-store';
import { placeholderSvg, processImage, type MediaStorage } from '../src/media';
import { applyParsedFitment, parseTitle, seedVehicles } from '../src/fitment';
import { SEED_CATEGORIES, SEED_PRODUCTS, type SeedProduct } from './data/catalog-data';
import type { SeedContext } from './index';

const DAY = 86_400_000;
// A fixed "now" keeps seeded timestamps (and so the newest ordering) stable between runs.
const SEED_EPOCH = Date.UTC(2024, 9, 1, 2, 0, 0);

async function placeholderImage(storage: MediaStorage, label: string, seed: number) {
  const png = await sharp(Buffer.from(placeholderSvg(label, seed))).png().toBuffer();
  return processImage(storage, png, 'seed');
}

async function upsertCategories(knex: Knex): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const [position, c] of SEED_CATEGORIES.entries()) {
    const existing = await knex('categories').where({ slug: c.slug }).first('id');
    if (existing) {
      ids.set(c.slug, existing.id);
      continue;
    }
    const parentId = c.parent ? ids.get(c.parent) ?? null : null;
    ids.set(c.slug, await insertReturningId(knex, 'categories', { slug: c.slug, name: c.name, name_en: c.nameEn, description: c.description, parent_id: parentId, position }));
  }
  return ids;
}

async function insertProduct(trx: Knex.Transaction, p: SeedProduct, categoryId: number | null, index: number): Promise<number> {
  const created = new Date(SEED_EPOCH - p.daysAgo * DAY - index * 60_000);
  const id = await insertReturningId(trx, 'products', {
    slug: p.slug, title: p.title, name_en: p.nameEn, description: p.description, category_id: categoryId,
    price_fen: Math.round(p.priceYuan * 100), compare_at_fen: p.compareAtYuan ? Math.round(p.compareAtYuan * 100) : null,
    stock: p.stock, status: 'published', featured: p.featured, created_at: created, updated_at: created,
  });
  for (const [position, [name, value]] of p.specs.entries()) await trx('product_specs').insert({ product_id: id, name, value, position });
  for (const [position, v] of p.variants.entries()) {
    await trx('product_variants').insert({ product_id: id, label: v.label, sku: `QP${String(id).padStart(5, '0')}-${position + 1}`, price_fen: Math.round(v.priceYuan * 100), stock: v.stock, position });
  }
  for (const name of new Set(p.tags)) await trx('product_tags').insert({ product_id: id, tag_id: await ensureTagId(trx, name) });
  return id;
}

/** Idempotent: categories and products are matched by slug, so a second run adds nothing. */
export async function seed(knex: Knex, ctx: SeedContext): Promise<void> {
  // Fitment rows point at vehicles, so the vehicle tables come first.
  await seedVehicles(knex);
  const categoryIds = await upsertCategories(knex);
  const categoryNames = new Map(SEED_CATEGORIES.map((c) => [c.slug, c.name]));
  const todo: { p: SeedProduct; index: number }[] = [];
  for (const [index, p] of SEED_PRODUCTS.entries()) if (!(await knex('products').where({ slug: p.slug }).first('id'))) todo.push({ p, index });
  // Rendering placeholders (sharp) is nearly all of the seed's time: keep the next ones rendering
  // while this one is written. Rejections are observed when awaited, or cleaned up below.
  const AHEAD = 2;
  const images: (Promise<SeedImage> | undefined)[] = [];
  const render = (k: number) => {
    if (k >= todo.length || images[k]) return;
    const { p, index } = todo[k];
    images[k] = placeholderImage(ctx.storage, categoryNames.get(p.category) ?? '汽配', index);
    images[k].catch(() => undefined);
  };
  for (let k = 0; k < AHEAD; k++) render(k);
  for (const [k, { p, index }] of todo.entries()) {
    let image: SeedImage;
    try {
      image = await (images[k] as Promise<SeedImage>);
    } catch (err) {
      await discard(ctx.storage, images.slice(k + 1));
      throw err;
    }
    render(k + AHEAD);
    try {
      await knex.transaction(async (trx) => {
        const id = await insertProduct(trx, p, categoryIds.get(p.category) ?? null, index);
        await trx('product_images').insert({
          product_id: id, storage_key: image.baseKey, width: image.width, height: image.height,
          variants: JSON.stringify(image.variants), alt: `${p.title}（示意图）`, original_name: 'placeholder.png', position: 0,
        });
        // Same transaction as the product, and before the hook, so the search document sees the fitment.
        await applyParsedFitment(trx, id, parseTitle(p.title));
        await ctx.afterProductWrite?.(trx, id);
      });
    } catch (err) {
      await ctx.storage.delete(image.variants.map((v) => v.key));
      await discard(ctx.storage, images.slice(k + 1));
      throw err;
    }
  }
}

type SeedImage = Awaited<ReturnType<typeof placeholderImage>>;

/** Removes the files of placeholders rendered ahead for products that will not be written. */
async function discard(storage: MediaStorage, pending: (Promise<SeedImage> | undefined)[]): Promise<void> {
  for (const p of pending) {
    const image = await p?.catch(() => undefined);
    if (image) await storage.delete(image.variants.map((v) => v.key));
  }
}
