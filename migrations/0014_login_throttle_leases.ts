import type { Knex } from 'knex';

const COLUMNS = ['in_flight', 'lease_until'] as const;

/**
 * Login attempts in flight per throttle key: an attempt takes a lease before its password is
 * checked, so parallel requests cannot all slip past the failure limit. `lease_until` lets a
 * lease taken by a crashed process expire instead of blocking the key for ever.
 */
export async function up(knex: Knex): Promise<void> {
  if (!(await knex.schema.hasColumn('admin_login_throttle', 'in_flight'))) {
    await knex.schema.alterTable('admin_login_throttle', (t) => {
      t.integer('in_flight').notNullable().defaultTo(0);
    });
  }
  if (!(await knex.schema.hasColumn('admin_login_throttle', 'lease_until'))) {
    await knex.schema.alterTable('admin_login_throttle', (t) => {
      t.bigInteger('lease_until').notNullable().defaultTo(0);
    });
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const column of COLUMNS) {
    if (await knex.schema.hasColumn('admin_login_throttle', column)) {
      await knex.schema.alterTable('admin_login_throttle', (t) => t.dropColumn(column));
    }
  }
}
