import type { Knex } from 'knex';

/**
 * The embedded engine records which version of its text analysis built the index. Model codes,
 * Han+code units and pinyin pairs (issue 11) changed the terms, so a database indexed before has
 * no version row and is rebuilt once on the next start (EmbeddedSearchEngine.prepare).
 * SQLite only, like the rest of the embedded index.
 */
export async function up(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') return;
  if (await knex.schema.hasTable('search_index_meta')) return;
  await knex.schema.createTable('search_index_meta', (t) => {
    t.string('name', 40).primary();
    t.string('value', 200).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('search_index_meta');
}
