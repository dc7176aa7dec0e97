import type { Knex } from 'knex';

/**
 * The embedded engine's articles, also in an FTS5 table of their own. A newsroom has hundreds of
 * articles beside a catalogue of a hundred thousand products: an article search evaluated on the
 * shared table reads every product's postings for its words (2–3 ms of each header search at 100k),
 * on its own table almost nothing. The shared table keeps them too, for searches over both types.
 * Filled by the engine's rebuild (its analyzer version changed with this table); SQLite only.
 */
export async function up(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') return;
  await knex.raw(
    `CREATE VIRTUAL TABLE IF NOT EXISTS search_fts_articles USING fts5(title, subtitle, vehicle, category, body, facets,
      content='', contentless_delete=1, detail=column, tokenize="unicode61 remove_diacritics 0")`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE IF EXISTS search_fts_articles');
}
