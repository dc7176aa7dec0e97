import type { Knex } from 'knex';
import { whereVisible } from './article-repository';

/**
 * Links between articles and products, both ways. Hand-picked links (article_products, chosen in
 * the admin) come first, in their order; then links derived from shared vocabulary: a product
 * relates to an article when one of its tags, or a part of its category name (`车贴/贴纸` gives
 * 车贴 and 贴纸), equals one of the article's tag names. More matches rank higher.
 * Vehicle fitment is not used yet.
 */
type Db = Knex | Knex.Transaction;

function categoryTerms(name: string): string[] {
  return name.split(/[/／、,，\s]+/).map((s) => s.trim()).filter(Boolean);
}

function rank(scores: Map<number, number>, exclude: ReadonlySet<number>): number[] {
  return [...scores.entries()]
    .filter(([id]) => !exclude.has(id))
    .sort((a, b) => b[1] - a[1] || b[0] - a[0])
    .map(([id]) => id);
}

function bump(scores: Map<number, number>, id: number, by = 1): void {
  scores.set(id, (scores.get(id) ?? 0) + by);
}

export async function articleTagNames(db: Db, articleId: number): Promise<string[]> {
  const rows = await db('article_tags as at').join('tags as t', 't.id', 'at.tag_id').where('at.article_id', articleId).select('t.name');
  return rows.map((r: { name: string }) => r.name);
}

/** Product ids for an article page: hand-picked, then derived; published products only. */
export async function relatedProductIds(db: Db, articleId: number, limit: number): Promise<number[]> {
  const picked: number[] = (
    await db('article_products as ap')
      .join('products as p', 'p.id', 'ap.product_id')
      .where('ap.article_id', articleId)
      .andWhere('p.status', 'published')
      .orderBy([{ column: 'ap.position' }, { column: 'ap.product_id' }])
      .select('ap.product_id')
  ).map((r: { product_id: number }) => Number(r.product_id));
  if (picked.length >= limit) return picked.slice(0, limit);

  const names = await articleTagNames(db, articleId);
  if (names.length === 0) return picked;
  const scores = new Map<number, number>();
  const byTag = await db('product_tags as pt')
    .join('tags as t', 't.id', 'pt.tag_id')
    .join('products as p', 'p.id', 'pt.product_id')
    .whereIn('t.name', names)
    .andWhere('p.status', 'published')
    .select('pt.product_id');
  for (const r of byTag as { product_id: number }[]) bump(scores, Number(r.product_id));

  const wanted = new Set(names);
  const categories = (await db('categories').select('id', 'name')) as { id: number; name: string }[];
  const matching = categories.filter((c) => categoryTerms(c.name).some((t) => wanted.has(t))).map((c) => c.id);
  if (matching.length) {
    const inCategory = await db('products').whereIn('category_id', matching).andWhere('status', 'published').select('id');
    for (const r of inCategory as { id: number }[]) bump(scores, Number(r.id));
  }
  return [...picked, ...rank(scores, new Set(picked))].slice(0, limit);
}

/** Visible article ids for a product page: hand-picked, then derived from tags and category. */
export async function relatedArticleIds(db: Db, productId: number, now: Date, limit: number): Promise<number[]> {
  const picked: number[] = (
    await whereVisible(db, db('article_products as ap').join('articles as a', 'a.id', 'ap.article_id'), now)
      .where('ap.product_id', productId)
      .orderBy([{ column: 'a.published_at', order: 'desc' }, { column: 'a.id', order: 'desc' }])
      .select('a.id')
  ).map((r: { id: number }) => Number(r.id));
  if (picked.length >= limit) return picked.slice(0, limit);

  const product = await db('products as p').leftJoin('categories as c', 'c.id', 'p.category_id').where('p.id', productId).first('c.name as category_name');
  const tagNames = (await db('product_tags as pt').join('tags as t', 't.id', 'pt.tag_id').where('pt.product_id', productId).select('t.name')).map((r: { name: string }) => r.name);
  const terms = [...new Set([...tagNames, ...(product?.category_name ? categoryTerms(String(product.category_name)) : [])])];
  if (terms.length === 0) return picked;

  const scores = new Map<number, number>();
  const rows = await whereVisible(db, db('article_tags as at').join('articles as a', 'a.id', 'at.article_id').join('tags as t', 't.id', 'at.tag_id'), now)
    .whereIn('t.name', terms)
    .select('a.id');
  for (const r of rows as { id: number }[]) bump(scores, Number(r.id));
  return [...picked, ...rank(scores, new Set(picked))].slice(0, limit);
}
