import type { Knex } from 'knex';

/**
 * Changes bound for an external search engine, written in the same transaction as the row they
 * describe, and the lease that lets exactly one worker (across all app instances) deliver them.
 */
export async function up(knex: Knex): Promise<void> {
  if (!(await knex.schema.hasTable('search_outbox'))) {
    await knex.schema.createTable('search_outbox', (t) => {
      t.increments('id');
      t.string('op', 8).notNullable(); // 'upsert' | 'delete'
      t.string('doc_type', 16).notNullable();
      t.integer('doc_id').notNullable();
      t.text('payload').nullable(); // SearchDocument JSON for upserts
      t.bigInteger('created_at').notNullable(); // epoch ms
      t.integer('attempts').notNullable().defaultTo(0);
      t.bigInteger('next_attempt_at').notNullable().defaultTo(0); // epoch ms
      t.text('last_error').nullable();
      t.boolean('dead').notNullable().defaultTo(false);
      t.index(['dead', 'id']);
      t.index(['doc_type', 'doc_id', 'id']);
    });
  }
  if (!(await knex.schema.hasTable('search_outbox_lease'))) {
    await knex.schema.createTable('search_outbox_lease', (t) => {
      t.string('name', 40).primary();
      t.string('holder', 80).nullable();
      t.bigInteger('expires_at').notNullable().defaultTo(0); // epoch ms
    });
  }
  const lease = await knex('search_outbox_lease').where({ name: 'worker' }).first();
  if (!lease) await knex('search_outbox_lease').insert({ name: 'worker', holder: null, expires_at: 0 });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('search_outbox_lease');
  await knex.schema.dropTableIfExists('search_outbox');
}
