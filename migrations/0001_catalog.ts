import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  if (!(await knex.schema.hasTable('categories'))) {
    await knex.schema.createTable('categories', (t) => {
      t.increments('id');
      t.integer('parent_id').unsigned().nullable().references('id').inTable('categories').onDelete('SET NULL');
      t.string('slug', 120).notNullable().unique();
      t.string('name', 120).notNullable();
      t.string('name_en', 120).notNullable().defaultTo('');
      t.text('description').notNullable().defaultTo('');
      t.integer('position').notNullable().defaultTo(0);
      t.index(['parent_id', 'position']);
    });
  }
  if (!(await knex.schema.hasTable('products'))) {
    await knex.schema.createTable('products', (t) => {
      t.increments('id');
      t.string('slug', 160).notNullable().unique();
      t.string('title', 300).notNullable();
      t.string('name_en', 300).notNullable().defaultTo('');
      t.text('description').notNullable().defaultTo('');
      t.integer('category_id').unsigned().nullable().references('id').inTable('categories').onDelete('SET NULL');
      t.integer('price_fen').notNullable();
      t.integer('compare_at_fen').nullable();
      t.integer('stock').notNullable().defaultTo(0);
      t.string('status', 16).notNullable().defaultTo('draft');
      t.boolean('featured').notNullable().defaultTo(false);
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.index(['status', 'created_at']);
      t.index(['status', 'price_fen']);
      t.index(['category_id', 'status', 'created_at']);
      t.index(['category_id', 'status', 'price_fen']);
    });
  }
  if (!(await knex.schema.hasTable('product_variants'))) {
    await knex.schema.createTable('product_variants', (t) => {
      t.increments('id');
      t.integer('product_id').unsigned().notNullable().references('id').inTable('products').onDelete('CASCADE');
      t.string('label', 60).notNullable();
      t.string('sku', 80).notNullable().unique();
      t.integer('price_fen').notNullable();
      t.integer('stock').notNullable().defaultTo(0);
      t.integer('position').notNullable().defaultTo(0);
      t.index(['product_id', 'position']);
    });
  }
  if (!(await knex.schema.hasTable('product_specs'))) {
    await knex.schema.createTable('product_specs', (t) => {
      t.increments('id');
      t.integer('product_id').unsigned().notNullable().references('id').inTable('products').onDelete('CASCADE');
      t.string('name', 60).notNullable();
      t.string('value', 300).notNullable();
      t.integer('position').notNullable().defaultTo(0);
      t.index(['product_id', 'position']);
    });
  }
  if (!(await knex.schema.hasTable('product_images'))) {
    await knex.schema.createTable('product_images', (t) => {
      t.increments('id');
      t.integer('product_id').unsigned().notNullable().references('id').inTable('products').onDelete('CASCADE');
      t.string('storage_key', 200).notNullable().unique();
      t.integer('width').notNullable();
      t.integer('height').notNullable();
      t.text('variants').notNullable().defaultTo('[]');
      t.string('alt', 300).notNullable().defaultTo('');
      t.string('original_name', 300).notNullable().defaultTo('');
      t.integer('position').notNullable().defaultTo(0);
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.index(['product_id', 'position']);
    });
  }
  if (!(await knex.schema.hasTable('tags'))) {
    await knex.schema.createTable('tags', (t) => {
      t.increments('id');
      t.string('slug', 120).notNullable().unique();
      t.string('name', 120).notNullable();
    });
  }
  if (!(await knex.schema.hasTable('product_tags'))) {
    await knex.schema.createTable('product_tags', (t) => {
      t.integer('product_id').unsigned().notNullable().references('id').inTable('products').onDelete('CASCADE');
      t.integer('tag_id').unsigned().notNullable().references('id').inTable('tags').onDelete('CASCADE');
      t.primary(['product_id', 'tag_id']);
      t.index(['tag_id']);
    });
  }
  // One row per writer of cacheable state; bumped in the same transaction as the change, so
  // every instance can tell in one indexed read whether its cached pages are stale.
  if (!(await knex.schema.hasTable('content_versions'))) {
    await knex.schema.createTable('content_versions', (t) => {
      t.string('name', 40).primary();
      t.bigInteger('version').notNullable().defaultTo(0);
    });
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['content_versions', 'product_tags', 'tags', 'product_images', 'product_specs', 'product_variants', 'products', 'categories']) {
    await knex.schema.dropTableIfExists(table);
  }
}
