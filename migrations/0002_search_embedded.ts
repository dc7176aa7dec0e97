import type { Knex } from 'knex';

/**
 * The synonym groups this migration first seeded, copied here so that editing the app's list
 * (src/search/synonyms.ts) can never change what an already-released migration does.
 */
const SEEDED_SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['尾灯', 'tail light', 'tail lamp', 'taillight', '尾燈'],
  ['中网', 'grille', 'grill', '水箱罩'],
  ['门槛条', 'door sill', 'sill strip', 'sill plate', '迎宾踏板'],
  ['充电器', 'charger', '充电机'],
  ['引擎盖', 'hood', 'bonnet', '机盖'],
  ['车贴', 'sticker', 'decal', '贴纸'],
  ['脚垫', 'floor mat', 'car mat'],
  ['座套', 'seat cover'],
  ['行车记录仪', 'dash cam', 'dashcam'],
  ['手机支架', 'phone holder', 'phone mount'],
  ['香水', 'car perfume', 'air freshener'],
  ['电瓶', 'battery', '蓄电池'],
  ['后视镜', 'mirror', 'rearview mirror'],
  ['大灯', 'headlight', 'headlamp'],
  ['雾灯', 'fog light', 'fog lamp'],
  ['轮毂', 'rim', 'wheel rim'],
  ['雨刮', 'wiper', '雨刷'],
  ['挡泥板', 'mudguard', 'mud flap'],
];

/**
 * Synonyms (both engines) and the embedded engine's index (SQLite only: on PostgreSQL the app
 * requires Meilisearch). The index is FTS5 over terms we produce ourselves (folded, segmented,
 * with pinyin and n-grams), so FTS5 only stores and intersects posting lists:
 * - contentless with contentless_delete: the text lives in search_docs, no second copy;
 * - detail=column: column filters (attribute ranking) without the cost of positions;
 * - unicode61 without diacritic removal: our terms are already folded, it must only split on spaces;
 * - `facets` holds filter tokens (type, category, make, make+model) so a selective filter is an
 *   FTS5 posting-list intersection instead of a join over every match of a broad word.
 */
export async function up(knex: Knex): Promise<void> {
  if (!(await knex.schema.hasTable('search_synonyms'))) {
    await knex.schema.createTable('search_synonyms', (t) => {
      t.increments('id');
      t.text('words').notNullable();
      t.bigInteger('updated_at').notNullable().defaultTo(0);
    });
    const now = Date.now();
    await knex('search_synonyms').insert(SEEDED_SYNONYM_GROUPS.map((words) => ({ words: JSON.stringify(words), updated_at: now })));
  }
  if (knex.client.config.client === 'pg') return;

  // Filter, sort and facet columns only: facet counts scan these rows, so the texts live apart.
  if (!(await knex.schema.hasTable('search_docs'))) {
    await knex.schema.createTable('search_docs', (t) => {
      t.integer('doc').primary();
      t.string('type', 16).notNullable();
      t.integer('ref_id').notNullable();
      t.double('price').nullable();
      t.string('category', 120).nullable();
      t.bigInteger('created_at').notNullable();
      t.unique(['type', 'ref_id']);
      t.index(['type', 'created_at']);
      t.index(['created_at']);
      t.index(['price']);
      t.index(['category', 'created_at']);
      t.index(['category', 'price']);
    });
  }
  if (!(await knex.schema.hasTable('search_doc_texts'))) {
    await knex.schema.createTable('search_doc_texts', (t) => {
      t.integer('doc').primary();
      t.text('title').notNullable();
      t.text('subtitle').notNullable().defaultTo('');
      t.text('body').notNullable().defaultTo('');
      t.text('url').notNullable();
      t.text('image').nullable();
      t.string('published_at', 40).nullable();
    });
  }
  if (!(await knex.schema.hasTable('search_vehicles'))) {
    await knex.schema.createTable('search_vehicles', (t) => {
      t.integer('doc').notNullable();
      t.string('make', 60).notNullable();
      t.string('model', 60).notNullable();
      t.integer('year_from').nullable();
      t.integer('year_to').nullable();
      t.index(['doc']);
      t.index(['make', 'model', 'doc']);
      t.index(['model', 'doc']);
    });
  }
  // Latin vocabulary for typo tolerance; the id lets each process load only what is new.
  if (!(await knex.schema.hasTable('search_terms'))) {
    await knex.schema.createTable('search_terms', (t) => {
      t.increments('id');
      t.string('term', 80).notNullable().unique();
    });
  }
  await knex.raw(
    `CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(title, subtitle, vehicle, category, body, facets,
      content='', contentless_delete=1, detail=column, tokenize="unicode61 remove_diacritics 0")`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE IF EXISTS search_fts');
  for (const table of ['search_terms', 'search_vehicles', 'search_doc_texts', 'search_docs', 'search_synonyms']) await knex.schema.dropTableIfExists(table);
}
