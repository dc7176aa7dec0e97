import type { Knex } from 'knex';

/**
 * Vehicles (make → model with production years) and which products fit which vehicles.
 * A product_fitments row with model_id NULL means every model of the make (本田全系通用).
 * products.fitment_kind says how fit is known: 'vehicle' | 'universal' | 'spec' | 'unknown'.
 */
export async function up(knex: Knex): Promise<void> {
  if (!(await knex.schema.hasTable('vehicle_makes'))) {
    await knex.schema.createTable('vehicle_makes', (t) => {
      t.increments('id');
      t.string('name', 60).notNullable().unique();
      t.string('name_en', 80).notNullable().defaultTo('');
      t.string('pinyin', 120).notNullable().defaultTo('');
      t.string('slug', 80).notNullable().unique();
    });
  }
  if (!(await knex.schema.hasTable('vehicle_models'))) {
    await knex.schema.createTable('vehicle_models', (t) => {
      t.increments('id');
      t.integer('make_id').unsigned().notNullable().references('id').inTable('vehicle_makes').onDelete('CASCADE');
      t.string('name', 80).notNullable();
      t.string('name_en', 120).notNullable().defaultTo('');
      t.string('pinyin', 160).notNullable().defaultTo('');
      t.string('slug', 80).notNullable();
      t.string('manufacturer', 60).nullable();
      t.integer('year_from').notNullable();
      t.integer('year_to').nullable();
      t.unique(['make_id', 'slug']);
      t.index(['make_id', 'name']);
    });
  }
  if (!(await knex.schema.hasTable('product_fitments'))) {
    await knex.schema.createTable('product_fitments', (t) => {
      t.increments('id');
      t.integer('product_id').unsigned().notNullable().references('id').inTable('products').onDelete('CASCADE');
      t.integer('make_id').unsigned().notNullable().references('id').inTable('vehicle_makes').onDelete('CASCADE');
      t.integer('model_id').unsigned().nullable().references('id').inTable('vehicle_models').onDelete('CASCADE');
      t.integer('year_from').nullable();
      t.integer('year_to').nullable();
      t.string('position', 4).nullable();
      t.string('note', 200).notNullable().defaultTo('');
      // 'title' rows are rewritten whenever the title is re-parsed; 'manual' rows are an editor's.
      t.string('source', 16).notNullable().defaultTo('title');
      t.index(['product_id']);
      t.index(['model_id', 'product_id']);
      t.index(['make_id', 'product_id']);
    });
  }
  if (!(await knex.schema.hasColumn('products', 'fitment_kind'))) {
    await knex.schema.alterTable('products', (t) => {
      t.string('fitment_kind', 16).notNullable().defaultTo('unknown');
    });
  }
  if (!(await knex.schema.hasColumn('products', 'fitment_spec'))) {
    await knex.schema.alterTable('products', (t) => {
      t.text('fitment_spec').nullable();
    });
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('product_fitments');
  await knex.schema.dropTableIfExists('vehicle_models');
  await knex.schema.dropTableIfExists('vehicle_makes');
  for (const column of ['fitment_spec', 'fitment_kind']) {
    if (await knex.schema.hasColumn('products', column)) {
      await knex.schema.alterTable('products', (t) => {
        t.dropColumn(column);
      });
    }
  }
}
