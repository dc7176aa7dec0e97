import type { Knex } from 'knex';
import sharp from 'sharp';
import { placeholderSvg, processImage, type MediaStorage } from '../src/media';
import { escapeHtml, insertArticle, parseArticleInput, resolveProductSlugs } from '../src/news';
import { parseShanghai } from '../src/shared/time';
import { SEED_ARTICLES, type SeedArticle } from './data/news-data';
import type { SeedContext } from './index';

// 16:9 like a news photo, and small: the square placeholder art sits centred on a dark band.
const PHOTO = { width: 960, height: 540 };

async function placeholderPhoto(storage: MediaStorage, label: string, seed: number) {
  const png = await sharp(Buffer.from(placeholderSvg(label, seed, PHOTO.width, PHOTO.height))).flatten({ background: '#2b2f36' }).png().toBuffer();
  return processImage(storage, png, 'news');
}

/**
 * Plain paragraphs (the wire story) are escaped here; blocks that start with a tag are HTML, and
 * paragraphs with inline links are wrapped; both then pass the sanitiser like admin input.
 */
export function seedBodyHtml(a: SeedArticle): string {
  const block = (p: string) => (p.startsWith('<') ? p : /<a\s/.test(p) ? `<p>${p}</p>` : `<p>${escapeHtml(p)}</p>`);
  return a.paragraphs.map(block).join('\n');
}

/**
 * Idempotent: articles are matched by slug. Goes through the same validation and sanitiser as
 * the admin, and tells search about each article inside its transaction.
 */
export async function seed(knex: Knex, ctx: SeedContext): Promise<void> {
  for (const [index, a] of SEED_ARTICLES.entries()) {
    if (await knex('articles').where({ slug: a.slug }).first('id')) continue;
    const publishedAt = parseShanghai(a.publishedAt);
    if (!publishedAt) throw new Error(`seed article ${a.slug}: bad publishedAt ${a.publishedAt}`);
    const image = await placeholderPhoto(ctx.storage, a.imageLabel, index + 3);
    try {
      const parsed = parseArticleInput(
        {
          slug: a.slug, title: a.title, dek: a.dek, body: seedBodyHtml(a), byline: a.byline, source: a.source,
          dateline: a.dateline, section: a.section, lang: a.lang, status: 'published', publishedAt,
          image: { key: image.baseKey, width: image.width, height: image.height, variants: image.variants },
          imageAlt: a.imageAlt, imageCaption: a.imageCaption, imageCredit: a.imageCredit,
          tags: a.tags, productSlugs: a.productSlugs,
        },
        publishedAt,
      );
      if (!parsed.ok) throw new Error(`seed article ${a.slug}: ${JSON.stringify(parsed.errors)}`);
      const { ids, unknown } = await resolveProductSlugs(knex, parsed.data.productSlugs);
      if (unknown.length) throw new Error(`seed article ${a.slug}: unknown products ${unknown.join(', ')}`);
      await knex.transaction(async (trx) => {
        // Seeded rows carry the page's own timestamp as their last change too.
        const { id } = await insertArticle(trx, parsed.data, ids, publishedAt, { views: a.views });
        await ctx.afterArticleWrite?.(trx, id);
      });
    } catch (err) {
      await ctx.storage.delete(image.variants.map((v) => v.key));
      throw err;
    }
  }
}
