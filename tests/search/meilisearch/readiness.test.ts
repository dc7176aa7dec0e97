import request from 'supertest';
import { documentSource, newsArticleDocuments } from '../../../src/app/search-wiring';
import { startMeiliStub, type MeiliStub } from '../../helpers/meili-stub';
import { searchCaughtUp } from '../../helpers/search-env';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { eventually } from './meili-kit';

/**
 * Item 4 of issue 15, through the whole app: the index is made at start-up, a wiped Meilisearch
 * is noticed and rebuilt, and while Meilisearch is unreachable the storefront stays in the
 * balancer (pages serve, search says 503 search_unavailable, /readyz says `search: degraded`).
 */
describe('search readiness with Meilisearch', () => {
  let stub: MeiliStub;
  let t: TestApp;

  beforeAll(async () => {
    stub = await startMeiliStub();
    // Our own stub (so the test can break it); createTestApp then leaves the index to the app.
    t = await createTestApp({ env: { MEILI_URL: stub.url, MEILI_API_KEY: stub.apiKey } });
  });
  afterAll(async () => {
    await stub.setOutage(false);
    await t.close();
    await stub.close();
    expect(stub.violations).toEqual([]);
  });

  const indexUid = (): string => (t.runtime.search as unknown as { indexUid: string }).indexUid;

  /** uid → title of every published product and article in the database. */
  async function databaseTruth(): Promise<string[][]> {
    const out: string[][] = [];
    for await (const batch of documentSource(newsArticleDocuments).batches(t.runtime.db)) {
      for (const d of batch) out.push([`${d.type}-${d.id}`, d.title]);
    }
    return out.sort();
  }
  const indexed = (): string[][] => [...(stub.indexes.get(indexUid())?.docs.values() ?? [])].map((d) => [String(d.uid), String(d.title)]).sort();

  async function expectIndexEqualsDatabase(): Promise<void> {
    const truth = await databaseTruth();
    expect(truth.length).toBeGreaterThan(0);
    await eventually(async () => JSON.stringify(indexed()) === JSON.stringify(truth), 3000);
    await searchCaughtUp(t.runtime.search);
    expect(indexed()).toEqual(await databaseTruth());
    const dead = await t.runtime.db('search_outbox').where({ dead: true }).count({ n: '*' }).first();
    expect(Number(dead?.n)).toBe(0);
  }

  it('when the app starts against an empty Meilisearch and a filled database, then the index is created with its settings and rebuilt from the database', async () => {
    await expectIndexEqualsDatabase();
    expect(stub.indexes.get(indexUid())?.settings.searchableAttributes[0]).toBe('title');
    const ready = await request(t.app).get('/readyz').expect(200);
    expect(ready.body).toMatchObject({ status: 'ok', search: 'ok', checks: { search: { ok: true, index: 'ok', outboxLag: 0, dead: 0 } } });
  });

  it('when Meilisearch is unreachable, then pages keep serving, search says 503 search_unavailable, /readyz stays 200 with search degraded, and a change made meanwhile arrives after', async () => {
    await stub.setOutage(true, 'refused');
    const ready = await request(t.app).get('/readyz').expect(200);
    expect(ready.body).toMatchObject({ status: 'degraded', search: 'degraded', checks: { database: { ok: true }, search: { ok: false, state: 'degraded' } } });
    expect(ready.body.checks.search.detail).toContain('unreachable');

    const api = await request(t.app).get('/api/search').query({ q: '尾灯' }).expect(503);
    expect(api.body.error.code).toBe('search_unavailable');
    const page = await request(t.app).get('/search').query({ q: '尾灯' }).expect(503);
    expect(page.text).toContain('data-code="search_unavailable"');
    expect(page.text).toContain('href="/products"');
    await request(t.app).get('/').expect(200);
    await request(t.app).get('/products').expect(200);
    await request(t.app).get('/news').expect(200);

    const product = (await t.runtime.db('products').where('status', 'published').orderBy('id').first('id', 'title')) as { id: number; title: string };
    await t.runtime.db.transaction(async (trx) => {
      await trx('products').where({ id: product.id }).update({ title: `${product.title}（停机期间修改）` });
      await t.runtime.indexer.productChanged(trx, product.id);
    });
    const during = await request(t.app).get('/readyz').expect(200);
    expect(during.body.checks.search.outboxLag).toBeGreaterThanOrEqual(1);

    await stub.setOutage(false);
    await expectIndexEqualsDatabase();
    expect(stub.indexes.get(indexUid())?.docs.get(`product-${product.id}`)?.title).toContain('停机期间修改');
    await request(t.app).get('/api/search').query({ q: '尾灯' }).expect(200);
  });

  it('when a proxy in front of Meilisearch answers an HTML 502, then search and suggest say 503 search_unavailable, never 500', async () => {
    await stub.setOutage(true, '502-html');
    expect((await request(t.app).get('/api/search').query({ q: '尾灯' }).expect(503)).body.error.code).toBe('search_unavailable');
    expect((await request(t.app).get('/api/suggest').query({ q: '尾灯' }).expect(503)).body.error.code).toBe('search_unavailable');
    expect((await request(t.app).get('/readyz').expect(200)).body.search).toBe('degraded');
    await stub.setOutage(false);
    await request(t.app).get('/api/search').query({ q: '尾灯' }).expect(200);
  });

  it('when Meilisearch is wiped behind the app, then search says 503 instead of 0 hits, /readyz reports the index with the outbox lag, and the index is rebuilt', async () => {
    stub.dropIndexes();
    const api = await request(t.app).get('/api/search').query({ q: '尾灯' }).expect(503);
    expect(api.body.error.code).toBe('search_unavailable');
    const ready = await request(t.app).get('/readyz').expect(200);
    expect(ready.body.search).toBe('degraded');
    expect(['missing', 'empty']).toContain(ready.body.checks.search.index);
    expect(ready.body.checks.search.outboxLag).toBe(0);

    await expectIndexEqualsDatabase();
    await eventually(async () => (await request(t.app).get('/readyz')).body.search === 'ok', 500);
    expect((await request(t.app).get('/api/search').query({ q: '尾灯' }).expect(200)).body.totalHits).toBeGreaterThan(0);
  });
});

describe('Meilisearch at start-up with nothing to index', () => {
  it('when the app starts on an empty database, then the index and its settings exist before any write', async () => {
    const stub = await startMeiliStub();
    const t = await createTestApp({ seeded: false, env: { MEILI_URL: stub.url, MEILI_API_KEY: stub.apiKey } });
    try {
      const uid = (t.runtime.search as unknown as { indexUid: string }).indexUid;
      await eventually(async () => stub.tasks.some((task) => task.type === 'settingsUpdate' && task.indexUid === uid && task.status === 'succeeded'));
      expect(stub.indexes.get(uid)?.settings.filterableAttributes).toContain('type');
      expect(stub.tasks.filter((task) => task.type === 'documentAdditionOrUpdate')).toEqual([]);
      const ready = await request(t.app).get('/readyz').expect(200);
      expect(ready.body).toMatchObject({ search: 'ok', checks: { search: { index: 'ok', outboxLag: 0 } } });
    } finally {
      await t.close();
      await stub.close();
    }
    expect(stub.violations).toEqual([]);
  });
});
