import type { Knex } from 'knex';

/**
 * The Meilisearch task a change was sent in, when waiting for it timed out: the next attempt (on
 * any instance) waits on that task instead of sending the same work again.
 */
export async function up(knex: Knex): Promise<void> {
  const hasUid = await knex.schema.hasColumn('search_outbox', 'task_uid');
  const hasIndex = await knex.schema.hasColumn('search_outbox', 'task_index');
  if (hasUid && hasIndex) return;
  await knex.schema.alterTable('search_outbox', (t) => {
    if (!hasUid) t.bigInteger('task_uid').nullable();
    if (!hasIndex) t.string('task_index', 400).nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('search_outbox', (t) => {
    t.dropColumn('task_index');
    t.dropColumn('task_uid');
  });
}
