import type { Knex } from 'knex';
import type { SearchDocument } from '../search/search-engine';
import { isoShanghai, toDate } from '../shared/time';
import { articleRepository } from './article-repository';
import { htmlToText } from './article-sanitizer';
import { articleUrl, rowImage } from './article-view-models';

/**
 * The search document of an article, or null when the article must not be findable (draft,
 * scheduled for later, deleted). Read through `db` — pass the writer's transaction to see its
 * uncommitted row.
 */
export async function loadArticleDocument(db: Knex | Knex.Transaction, id: number, now: Date = new Date()): Promise<SearchDocument | null> {
  const repo = articleRepository(db);
  const row = await repo.visibleById(id, now);
  if (!row) return null;
  const tags = (await repo.tagsOf([id])).get(id) ?? [];
  const published = toDate(row.published_at)!;
  return {
    type: 'article',
    id: row.id,
    title: row.title,
    subtitle: row.dek,
    body: htmlToText(row.body),
    url: articleUrl(row.slug),
    price: null,
    image: rowImage(row)?.fallback ?? null,
    category: null,
    categoryName: row.section || null,
    tags: tags.map((t) => t.name),
    vehicles: [],
    universal: false,
    publishedAt: isoShanghai(published),
    createdAt: published.getTime(),
  };
}

/** Every article visible now, for a full reindex. */
export async function listPublishedArticleIds(db: Knex | Knex.Transaction, now: Date = new Date()): Promise<number[]> {
  return articleRepository(db).visibleIds(now);
}

/**
 * Articles whose publish time falls in (since, until]: scheduled articles that went live in that
 * window without any write, so no transaction told search about them. A periodic job keeps a
 * watermark and, every minute or so, indexes `articlesBecomingVisible(db, watermark, now)` with
 * `indexer.articleChanged` before moving the watermark to `now`.
 */
export async function articlesBecomingVisible(db: Knex | Knex.Transaction, since: Date, until: Date): Promise<number[]> {
  return articleRepository(db).becomingVisibleIds(since, until);
}
