import type { Knex } from 'knex';

/**
 * Stop/noise words of shopper queries and seller titles (包邮, 正品, 专用…): the one list both
 * engines use (embedded query planning; Meilisearch `stopWords`). Admins edit it; this is only
 * the starting set, written out here so the migration never changes with the code.
 */
const INITIAL_STOP_WORDS = [
  '包邮', '正品', '新款', '专用', '适用于', '适用', '改装', '款', '汽车', '配件', '用品',
  '热卖', '爆款', '特价', '促销', '现货', '厂家', '直销', '批发', '顺丰', '赠品', '原装正品',
  '【', '】', '的', '和', '与', '及',
];

export async function up(knex: Knex): Promise<void> {
  if (await knex.schema.hasTable('search_stopwords')) return;
  await knex.schema.createTable('search_stopwords', (t) => {
    t.string('word', 40).primary();
    t.bigInteger('updated_at').notNullable().defaultTo(0);
  });
  const now = Date.now();
  await knex('search_stopwords').insert(INITIAL_STOP_WORDS.map((word) => ({ word, updated_at: now })));
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('search_stopwords');
}
