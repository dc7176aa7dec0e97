import { ensureTagId } from '../shared/tag-store';
import type { Knex } from 'knex';
import { insertReturningId } from '../db/knex';
import { slugify } from '../shared/slug';
import { timeBinding } from './article-repository';
import type { ArticleData } from './article-input';

/**
 * The one writer of article rows, tags and hand-picked products. Callers own the transaction and
 * tell search about the change inside it (see article-editor.ts and seeds/02_news.ts).
 */
type Trx = Knex.Transaction;

function columns(trx: Trx, data: ArticleData, slug: string, now: Date): Record<string, unknown> {
  return {
    slug,
    title: data.title,
    dek: data.dek,
    body: data.body,
    byline: data.byline,
    source: data.source,
    dateline: data.dateline,
    section: data.section,
    lang: data.lang,
    status: data.status,
    published_at: data.publishedAt ? timeBinding(trx, data.publishedAt) : null,
    image_key: data.image?.key ?? null,
    image_width: data.image?.width ?? null,
    image_height: data.image?.height ?? null,
    image_variants: JSON.stringify(data.image?.variants ?? []),
    image_alt: data.image?.alt ?? '',
    image_caption: data.image?.caption ?? '',
    image_credit: data.image?.credit ?? '',
    updated_at: timeBinding(trx, now),
  };
}

/** A free slug derived from `wanted` (or the title), numbered when taken by another article. */
export async function freeSlug(trx: Knex | Trx, wanted: string, exceptId?: number): Promise<string> {
  const base = wanted.slice(0, 150);
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    const q = trx('articles').where({ slug: candidate });
    if (exceptId !== undefined) q.andWhereNot({ id: exceptId });
    if (!(await q.first('id'))) return candidate;
  }
  throw new Error(`no free slug for ${wanted}`);
}

/** Tags are shared with the catalogue (by name), which is what lets articles and products meet. */
const tagIdFor = ensureTagId;

async function replaceTags(trx: Trx, articleId: number, names: readonly string[]): Promise<void> {
  await trx('article_tags').where({ article_id: articleId }).del();
  for (const [position, name] of names.entries()) {
    await trx('article_tags').insert({ article_id: articleId, tag_id: await tagIdFor(trx, name), position });
  }
}

async function replaceProducts(trx: Trx, articleId: number, productIds: readonly number[]): Promise<void> {
  await trx('article_products').where({ article_id: articleId }).del();
  for (const [position, productId] of [...new Set(productIds)].entries()) {
    await trx('article_products').insert({ article_id: articleId, product_id: productId, position });
  }
}

export async function insertArticle(trx: Trx, data: ArticleData, productIds: readonly number[], now: Date, extra: { views?: number } = {}): Promise<{ id: number; slug: string }> {
  const slug = await freeSlug(trx, data.slug ?? slugify(data.title, 80));
  const id = await insertReturningId(trx, 'articles', { ...columns(trx, data, slug, now), created_at: timeBinding(trx, now), views: extra.views ?? 0 });
  await replaceTags(trx, id, data.tags);
  await replaceProducts(trx, id, productIds);
  return { id, slug };
}

export async function updateArticleRow(trx: Trx, id: number, data: ArticleData, productIds: readonly number[], now: Date): Promise<{ slug: string }> {
  const current = await trx('articles').where({ id }).first('slug');
  const slug = data.slug ?? String(current.slug);
  await trx('articles').where({ id }).update(columns(trx, data, slug, now));
  await replaceTags(trx, id, data.tags);
  await replaceProducts(trx, id, productIds);
  return { slug };
}

/** Product slugs → ids, with the slugs that matched nothing. */
export async function resolveProductSlugs(db: Knex | Trx, slugs: readonly string[]): Promise<{ ids: number[]; unknown: string[] }> {
  if (slugs.length === 0) return { ids: [], unknown: [] };
  const rows = (await db('products').whereIn('slug', slugs as string[]).select('id', 'slug')) as { id: number; slug: string }[];
  const bySlug = new Map(rows.map((r) => [r.slug, Number(r.id)]));
  return { ids: slugs.filter((s) => bySlug.has(s)).map((s) => bySlug.get(s)!), unknown: slugs.filter((s) => !bySlug.has(s)) };
}
