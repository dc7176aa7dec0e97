import type { Knex } from 'knex';
import { fold } from './text';

export const STOPWORDS_TABLE = 'search_stopwords';

/**
 * The stop/noise words of migration 0008's table (包邮, 专用, 款…), folded: the one list both engines
 * use (embedded query planning; Meilisearch `stopWords`). Missing table (an old database) → none.
 */
export async function loadStopWords(db: Knex | Knex.Transaction): Promise<string[]> {
  if (!(await db.schema.hasTable(STOPWORDS_TABLE))) return [];
  const rows = await db(STOPWORDS_TABLE).select<{ word: string }[]>('word').orderBy('word');
  return [...new Set(rows.map((r) => fold(r.word).trim()).filter((w) => w !== ''))];
}

/** Changes whenever a stop word is added, edited or removed: a cheap cache key. */
export const STOPWORDS_VERSION_SQL = `(SELECT count(*) || ':' || coalesce(max(updated_at), 0) || ':' || coalesce(max(word), '') FROM ${STOPWORDS_TABLE})`;
