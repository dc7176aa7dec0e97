import request from 'supertest';
import { createDb, dialectOf } from '../../src/db/knex';
import { bumpContentVersion } from '../../src/shared/content-version';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { testDialect } from '../helpers/test-db';

const SLUG = 'smart-battery-charger-12v-24v';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe(`the page cache on ${testDialect()}`, () => {
  it('when the app runs, then it runs on the database the suite was started with', () => {
    expect(dialectOf(t.runtime.db)).toBe(testDialect());
  });

  it('when a row changes without a version bump, then the cached page is served; after the bump, the new one', async () => {
    const page = () => request(t.app).get(`/p/${SLUG}`).set('Host', 'shop.test').expect(200);
    const first = await page();
    const { title } = await t.runtime.db('products').where({ slug: SLUG }).first('title');
    expect(first.text).toContain(title);

    // A write that skips the version bump is invisible: proof the second answer came from the cache.
    await t.runtime.db('products').where({ slug: SLUG }).update({ title: `${title}（缓存测试）` });
    const cached = await page();
    expect(cached.text).not.toContain('（缓存测试）');
    expect(cached.headers.etag).toBe(first.headers.etag);

    await t.runtime.db.transaction((trx) => bumpContentVersion(trx, 'catalog'));
    const fresh = await page();
    expect(fresh.text).toContain(`${title}（缓存测试）`);
    expect(fresh.headers.etag).not.toBe(first.headers.etag);
  });

  it('when another connection bumps the version, then this instance sees it on the next request', async () => {
    const listing = () => request(t.app).get('/products').query({ sort: 'price_desc' }).set('Host', 'shop.test').expect(200);
    await listing();
    const [{ id }] = await t.runtime.db('products').orderBy('price_fen', 'desc').limit(1).select('id');
    await t.runtime.db('products').where({ id }).update({ title: '另一实例改了标题' });
    // Stands in for a second app instance: a separate pool on the same database.
    const other = createDb(t.runtime.config.database);
    try {
      await bumpContentVersion(other, 'catalog');
    } finally {
      await other.destroy();
    }
    expect((await listing()).text).toContain('另一实例改了标题');
  });
});
