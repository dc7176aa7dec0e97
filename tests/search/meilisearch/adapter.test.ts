import { startMeiliStub, type MeiliStub } from '../../helpers/meili-stub';
import type { MeilisearchEngine } from '../../../src/search/meilisearch';
import { article, makeEngine, openTestDb, product, query, write, type TestDb } from './meili-kit';

describe('Meilisearch adapter', () => {
  let stub: MeiliStub;
  let t: TestDb;
  let engine: MeilisearchEngine;

  beforeAll(async () => {
    stub = await startMeiliStub();
    t = await openTestDb();
    engine = makeEngine(stub, t.db);
    await write(engine, t.db, [
      product(1, {
        title: '宝骏730专用LED尾灯总成 <b>改装</b>',
        subtitle: 'Tail light assembly',
        category: 'lighting',
        categoryName: '车灯',
        price: 168,
        image: '/media/p1.webp',
        vehicles: [{ make: '宝骏', model: '730', yearFrom: 2017, yearTo: 2020 }],
      }),
      product(2, { title: '五菱宏光 门槛条', category: 'trim', categoryName: '装饰', price: 45, vehicles: [{ make: '五菱', model: '宏光', yearFrom: null, yearTo: null }] }),
      product(3, { title: '通用 车贴 sticker', category: 'stickers', categoryName: '车贴', price: 12, universal: true }),
      article(4, { title: '宝骏新款尾灯上市', body: '新款尾灯采用LED光源。' }),
    ]);
    await engine.drain();
  });
  afterAll(async () => {
    await t.close();
    await stub.close();
  });
  afterEach(() => expect(stub.violations).toEqual([]));

  it('when settings are applied at start-up, then the index carries the documented configuration', async () => {
    const s = stub.indexes.get(engine.indexUid)?.settings;
    expect(s?.searchableAttributes[0]).toBe('title');
    expect(s?.searchableAttributes.indexOf('vehicleText')).toBeLessThan(s?.searchableAttributes.indexOf('categoryName') ?? -1);
    expect(s?.searchableAttributes.at(-1)).toBe('body');
    expect(s?.sortableAttributes).toEqual(['price', 'createdAt']);
    expect(s?.typoTolerance.minWordSizeForTypos).toEqual({ oneTypo: 5, twoTypos: 9 });
    expect(s?.localizedAttributes?.[0].locales).toEqual(['cmn']);
    expect(s?.dictionary).toContain('宝骏');
    // Traditional spellings are folded like queries are: 尾燈 merges into 尾灯.
    expect(s?.synonyms['尾灯']).toEqual(expect.arrayContaining(['tail light', 'taillight']));
    expect(s?.synonyms['尾燈']).toBeUndefined();
  });

  it('when searching, then the response has the /api/search shape with escaped highlights', async () => {
    const res = await engine.search(query({ q: '尾灯', type: 'product' }));
    expect(res).toMatchObject({ query: '尾灯', engine: 'meilisearch', totalHits: 1, page: 1, hitsPerPage: 20 });
    expect(res.hits[0]).toMatchObject({ type: 'product', id: 1, url: '/p/product-1', price: 168, image: '/media/p1.webp', fits: null });
    expect(res.hits[0]._formatted.title).toBe('宝骏730专用LED<mark>尾灯</mark>总成 &lt;b&gt;改装&lt;/b&gt;');
    expect(res.facetDistribution).toEqual({ category: { lighting: 1 }, make: { 宝骏: 1 }, model: { '730': 1 }, price: { '100-200': 1 } });
  });

  it('when searching all types, then products and articles come back together', async () => {
    const res = await engine.search(query({ q: '尾灯' }));
    expect(res.hits.map((h) => `${h.type}-${h.id}`).sort()).toEqual(['article-4', 'product-1']);
    const a = res.hits.find((h) => h.type === 'article');
    expect(a).toMatchObject({ publishedAt: '2024-09-21T05:32:44+08:00' });
    expect(a && 'price' in a).toBe(false);
  });

  it('when a traditional or English synonym is typed, then the Chinese product is found', async () => {
    expect((await engine.search(query({ q: '尾燈', type: 'product' }))).hits.map((h) => h.id)).toEqual([1]);
    expect((await engine.search(query({ q: 'taillight', type: 'product' }))).hits.map((h) => h.id)).toEqual([1]);
  });

  it('when filtering by vehicle, then one vehicle must match make, model and year together', async () => {
    const res = await engine.search(query({ make: '宝骏', model: '730', year: 2018 }));
    expect(res.hits.map((h) => h.id)).toEqual([1]);
    expect(res.hits[0].fits).toBeNull();
    expect((await engine.search(query({ make: '宝骏', model: '730', year: 2022 }))).hits).toEqual([]);
    expect((await engine.search(query({ make: '宝骏', model: '宏光' }))).hits).toEqual([]);
    const openRange = await engine.search(query({ make: '五菱', year: 1999 }));
    expect(openRange.hits.map((h) => h.id)).toEqual([2]);
  });

  it('when filtering by category and price and sorting, then Meilisearch applies them', async () => {
    const cheap = await engine.search(query({ priceMax: 50, sort: 'price_asc' }));
    expect(cheap.hits.map((h) => h.id)).toEqual([3, 2]);
    const lighting = await engine.search(query({ category: 'lighting', priceMin: 100 }));
    expect(lighting.hits.map((h) => h.id)).toEqual([1]);
    const paged = await engine.search(query({ type: 'product', sort: 'price_desc', page: 2, perPage: 2 }));
    expect(paged).toMatchObject({ totalHits: 3, page: 2, hitsPerPage: 2 });
    expect(paged.hits.map((h) => h.id)).toEqual([3]);
  });

  it('when the query holds Meilisearch operators, then they are read as plain text like the embedded engine does', async () => {
    const negated = await engine.search(query({ q: '-尾灯', type: 'product' }));
    expect(negated.hits.map((h) => h.id)).toEqual([1]);
    const quoted = await engine.search(query({ q: '"尾灯', type: 'product' }));
    expect(quoted.hits.map((h) => h.id)).toEqual([1]);
    const sent = stub.requests.filter((r) => r.path.endsWith('/search')).slice(-2).map((r) => (r.body as { q: string }).q);
    expect(sent).toEqual(['尾灯', '尾灯']);
  });

  it('when the query cannot be expressed, then the adapter throws instead of answering differently', async () => {
    await expect(engine.search(query({ make: '宝骏', year: 1900 }))).rejects.toMatchObject({ status: 400, code: 'unsupported_query' });
  });

  it('when suggesting, then categories and documents come back highlighted', async () => {
    const s = await engine.suggest('车贴', 5);
    expect(s[0]).toMatchObject({ type: 'category', url: '/c/stickers', _formatted: { title: '<mark>车贴</mark>' } });
    expect(s.some((x) => x.type === 'product' && x._formatted.title.includes('<mark>车贴</mark>'))).toBe(true);
  });
});
