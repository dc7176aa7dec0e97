import type { Knex } from 'knex';

/**
 * media_pending: media keys whose files may exist on disk but that no committed row references
 * yet (an import stores images before the product's transaction) or any more (replaced images,
 * deleted after the commit). A key is journalled before its file is written and unjournalled in
 * the transaction that references it, so after a crash every possible orphan is listed here;
 * the next import sweeps the ones whose holder is gone. `holder` is host:pid of the writer.
 *
 * import_jobs: admin imports (upload → preview → confirm → run), so a run outlives the request
 * and its progress and report can be shown on a page that refreshes without JavaScript.
 */
export async function up(knex: Knex): Promise<void> {
  if (!(await knex.schema.hasTable('media_pending'))) {
    await knex.schema.createTable('media_pending', (t) => {
      t.string('key', 200).primary();
      t.string('holder', 120).notNullable();
      t.bigInteger('created_at').notNullable();
      t.index(['holder']);
    });
  }
  if (!(await knex.schema.hasTable('import_jobs'))) {
    await knex.schema.createTable('import_jobs', (t) => {
      t.increments('id');
      t.string('token', 40).notNullable().unique();
      // previewing | previewed | running | done | failed
      t.string('status', 16).notNullable();
      t.string('file_name', 200).notNullable();
      t.boolean('has_images').notNullable().defaultTo(false);
      t.integer('rows_done').notNullable().defaultTo(0);
      t.integer('percent').notNullable().defaultTo(0);
      t.text('preview').nullable();
      t.text('report').nullable();
      t.string('holder', 120).nullable();
      t.bigInteger('created_at').notNullable();
      t.bigInteger('updated_at').notNullable();
    });
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('import_jobs');
  await knex.schema.dropTableIfExists('media_pending');
}
