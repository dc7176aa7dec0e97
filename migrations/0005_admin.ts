import type { Knex } from 'knex';

/**
 * Admin accounts, their sessions and the login throttle. Timestamps are epoch milliseconds in
 * bigint columns: the session and throttle arithmetic is then the same on SQLite and PostgreSQL.
 */
export async function up(knex: Knex): Promise<void> {
  if (!(await knex.schema.hasTable('admins'))) {
    await knex.schema.createTable('admins', (t) => {
      t.increments('id');
      t.string('email', 254).notNullable().unique();
      t.string('password_hash', 200).notNullable();
      t.bigInteger('created_at').notNullable();
      t.bigInteger('last_login_at').nullable();
    });
  }
  // The id column holds a SHA-256 of the cookie value, so a leaked table cannot be replayed.
  if (!(await knex.schema.hasTable('admin_sessions'))) {
    await knex.schema.createTable('admin_sessions', (t) => {
      t.string('id', 64).primary();
      t.integer('admin_id').unsigned().notNullable().references('id').inTable('admins').onDelete('CASCADE');
      t.bigInteger('created_at').notNullable();
      t.bigInteger('last_seen_at').notNullable();
      t.string('ip', 64).notNullable().defaultTo('');
      t.string('user_agent', 300).notNullable().defaultTo('');
      t.index(['admin_id']);
      t.index(['last_seen_at']);
    });
  }
  // One row per throttled key: `account:<email>` or `ip:<address>`.
  if (!(await knex.schema.hasTable('admin_login_throttle'))) {
    await knex.schema.createTable('admin_login_throttle', (t) => {
      t.string('key', 300).primary();
      t.integer('failures').notNullable().defaultTo(0);
      t.bigInteger('window_start').notNullable();
      t.bigInteger('last_failure_at').notNullable();
      t.integer('lockouts').notNullable().defaultTo(0);
      t.bigInteger('locked_until').notNullable().defaultTo(0);
    });
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['admin_login_throttle', 'admin_sessions', 'admins']) await knex.schema.dropTableIfExists(table);
}
