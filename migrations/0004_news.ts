import type { Knex } from 'knex';

/**
 * The newsroom. Caption, credit and dateline are fields of their own (not text inside the body),
 * so pages, JSON-LD and feeds can each present them properly. `published_at` is UTC; whether an
 * article is visible is decided by status *and* time, so a scheduled article needs no job to appear.
 */
export async function up(knex: Knex): Promise<void> {
  if (!(await knex.schema.hasTable('articles'))) {
    await knex.schema.createTable('articles', (t) => {
      t.increments('id');
      t.string('slug', 160).notNullable().unique();
      t.string('title', 300).notNullable();
      t.text('dek').notNullable().defaultTo('');
      // Sanitised on write (src/news/article-sanitizer.ts); pages output it unescaped.
      t.text('body').notNullable().defaultTo('');
      t.string('byline', 200).notNullable().defaultTo('');
      t.string('source', 200).notNullable().defaultTo('');
      t.string('dateline', 200).notNullable().defaultTo('');
      t.string('section', 60).notNullable().defaultTo('');
      t.string('lang', 20).notNullable().defaultTo('zh-CN');
      t.string('status', 16).notNullable().defaultTo('draft');
      t.timestamp('published_at', { useTz: true }).nullable();
      t.string('image_key', 200).nullable();
      t.integer('image_width').nullable();
      t.integer('image_height').nullable();
      t.text('image_variants').notNullable().defaultTo('[]');
      t.string('image_alt', 300).notNullable().defaultTo('');
      t.string('image_caption', 500).notNullable().defaultTo('');
      t.string('image_credit', 200).notNullable().defaultTo('');
      t.integer('views').notNullable().defaultTo(0);
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.index(['status', 'published_at']);
    });
  }
  if (!(await knex.schema.hasTable('article_tags'))) {
    await knex.schema.createTable('article_tags', (t) => {
      t.integer('article_id').unsigned().notNullable().references('id').inTable('articles').onDelete('CASCADE');
      t.integer('tag_id').unsigned().notNullable().references('id').inTable('tags').onDelete('CASCADE');
      t.integer('position').notNullable().defaultTo(0);
      t.primary(['article_id', 'tag_id']);
      t.index(['tag_id']);
    });
  }
  // Hand-picked links between the newsroom and the shop; automatic ones are derived from tags.
  if (!(await knex.schema.hasTable('article_products'))) {
    await knex.schema.createTable('article_products', (t) => {
      t.integer('article_id').unsigned().notNullable().references('id').inTable('articles').onDelete('CASCADE');
      t.integer('product_id').unsigned().notNullable().references('id').inTable('products').onDelete('CASCADE');
      t.integer('position').notNullable().defaultTo(0);
      t.primary(['article_id', 'product_id']);
      t.index(['product_id']);
    });
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['article_products', 'article_tags', 'articles']) await knex.schema.dropTableIfExists(table);
}
