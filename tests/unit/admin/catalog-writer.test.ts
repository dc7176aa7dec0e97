import type { Knex } from 'knex';
import { migrateLatest } from '../../../src/db/migrate';
import { createCatalogWriter, type ProductInput } from '../../../src/catalog/catalog-writer';
import type { SearchIndexer } from '../../../src/search/search-indexer';
import { createTestDb, type TestDb } from '../../helpers/test-db';

/**
 * A real SearchIndexer implementation in miniature: like the embedded engine, it reads the row
 * through the writer's transaction and writes its own table in that transaction.
 */
function tableIndexer(failOn?: number): SearchIndexer {
  const upsert = async (trx: Knex.Transaction, id: number) => {
    if (id === failOn) throw new Error('index write failed');
    const row = await trx('products').where({ id }).first('title', 'status');
    await trx('test_index').where({ id }).del();
    if (row) await trx('test_index').insert({ id, title: row.title, status: row.status });
  };
  return {
    productChanged: upsert,
    productRemoved: async (trx, id) => void (await trx('test_index').where({ id }).del()),
    articleChanged: async () => {},
    articleRemoved: async () => {},
  };
}

const input = (over: Partial<ProductInput> = {}): ProductInput => ({
  title: '测试商品', nameEn: 'Test product', categoryId: null, priceFen: 1000, compareAtFen: null, stock: 3, description: '',
  featured: false, status: 'draft', variants: [{ label: '默认', sku: null, priceFen: 1000, stock: 3 }], specs: [], tags: ['测试'], ...over,
});

describe('catalog writer', () => {
  let t: TestDb;
  let db: Knex;
  beforeAll(async () => {
    t = await createTestDb();
    db = t.db;
    await migrateLatest(db);
    await db.schema.createTable('test_index', (t) => {
      t.integer('id').primary();
      t.string('title');
      t.string('status');
    });
  });
  afterAll(async () => t.close());

  it('when a product is created, updated and published, then the index sees each committed state', async () => {
    const writer = createCatalogWriter(db, tableIndexer());
    const { id, slug } = await writer.createProduct(input());
    expect(slug).toBe('test-product');
    expect(await db('test_index').where({ id }).first()).toEqual({ id, title: '测试商品', status: 'draft' });
    await writer.updateProduct(id, input({ title: '改名了' }));
    await writer.setStatus(id, 'published');
    expect(await db('test_index').where({ id }).first()).toEqual({ id, title: '改名了', status: 'published' });
    expect((await db('product_variants').where({ product_id: id }).first()).sku).toBe(`QP${String(id).padStart(5, '0')}-1`);
  });

  it('when two products share a title, then the second gets a numbered slug', async () => {
    const writer = createCatalogWriter(db, tableIndexer());
    const a = await writer.createProduct(input({ nameEn: 'Same name' }));
    const b = await writer.createProduct(input({ nameEn: 'Same name' }));
    expect([a.slug, b.slug]).toEqual(['same-name', 'same-name-2']);
  });

  it('when the indexer fails inside the transaction, then the product write is rolled back too', async () => {
    const ok = createCatalogWriter(db, tableIndexer());
    const { id } = await ok.createProduct(input({ title: '原标题' }));
    const failing = createCatalogWriter(db, tableIndexer(id));
    await expect(failing.updateProduct(id, input({ title: '不会保存' }))).rejects.toThrow('index write failed');
    expect((await db('products').where({ id }).first('title')).title).toBe('原标题');
    // count(*) is a number on SQLite and a bigint string on PostgreSQL.
    expect(Number((await db('product_variants').where({ product_id: id }).count({ n: '*' }).first())?.n)).toBe(1);
  });

  it('when a product is deleted, then it leaves the index and its image keys are handed back for removal', async () => {
    const writer = createCatalogWriter(db, tableIndexer());
    const { id } = await writer.createProduct(input());
    await writer.addImages(id, [{ storageKey: 'products/aa/k1', width: 10, height: 10, variants: [{ key: 'products/aa/k1-320.webp' }, { key: 'products/aa/k1-10.jpg' }], alt: 'a', originalName: 'a.jpg' }]);
    expect(await writer.deleteProduct(id)).toEqual(['products/aa/k1-320.webp', 'products/aa/k1-10.jpg']);
    expect(await db('test_index').where({ id }).first()).toBeUndefined();
    expect(await db('product_images').where({ product_id: id }).first()).toBeUndefined();
  });
});
