import type { Knex } from 'knex';

/**
 * products.sku: the merchant's own code (商家编码), the key a spreadsheet import upserts by.
 * Nullable (older rows have none), unique where present.
 * products.fitment_confirmed: false while the fitment came from the title parser and no admin
 * has looked at it; the admin product list filters on it.
 */
export async function up(knex: Knex): Promise<void> {
  if (!(await knex.schema.hasColumn('products', 'sku'))) {
    await knex.schema.alterTable('products', (t) => {
      t.string('sku', 64).nullable();
    });
    await knex.schema.alterTable('products', (t) => {
      t.unique(['sku'], { indexName: 'products_sku_unique' });
    });
  }
  if (!(await knex.schema.hasColumn('products', 'fitment_confirmed'))) {
    await knex.schema.alterTable('products', (t) => {
      t.boolean('fitment_confirmed').notNullable().defaultTo(true);
    });
  }
}

export async function down(knex: Knex): Promise<void> {
  if (await knex.schema.hasColumn('products', 'sku')) {
    await knex.schema.alterTable('products', (t) => {
      t.dropUnique(['sku'], 'products_sku_unique');
    });
    await knex.schema.alterTable('products', (t) => {
      t.dropColumn('sku');
    });
  }
  if (await knex.schema.hasColumn('products', 'fitment_confirmed')) {
    await knex.schema.alterTable('products', (t) => {
      t.dropColumn('fitment_confirmed');
    });
  }
}
