import type { Knex } from 'knex';

/**
 * What shoppers search, aggregated per day (Asia/Shanghai): the normalised query, how many
 * searches, and how many of them found nothing. Never an IP, a session or a time of day: only
 * counts, which is all the admins' search insight and the suggestions need.
 */
export async function up(knex: Knex): Promise<void> {
  if (await knex.schema.hasTable('search_query_stats')) return;
  await knex.schema.createTable('search_query_stats', (t) => {
    t.string('query', 100).notNullable();
    t.string('day', 10).notNullable(); // YYYY-MM-DD
    t.integer('searches').notNullable().defaultTo(0);
    t.integer('zero_results').notNullable().defaultTo(0);
    t.primary(['query', 'day']);
    t.index(['day']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('search_query_stats');
}
