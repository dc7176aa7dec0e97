import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { searchCaughtUp } from '../helpers/search-env';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const TAIL_LIGHT = '适用于宝骏730后尾灯总成14-21款转向刹车灯后组合灯倒车灯罩改装';
const SILL = '五菱宏光S改装专用不锈钢门槛条脚踏板后备箱后护板亮条装饰配件';
const CHARGER = '汽车电瓶充电器12v24v伏摩托车充电全智能自动修复型蓄电池充电机';
const YONHAP = "Kim, Putin exchange messages on anniversary of Korea's liberation from Japan";
const GRILLE = '东风本田享域改装件车外观专用金属中网前脸亮条配件防虫网装饰条';

async function titles(q: string, extra: Record<string, string> = {}): Promise<string[]> {
  const res = await request(t.app).get('/api/search').query({ q, ...extra }).expect(200);
  return res.body.hits.map((h: { title: string }) => h.title);
}

describe('/api/search on the seeded shop', () => {
  it('when queried, then the response has the design.md shape', async () => {
    const res = await request(t.app).get('/api/search').query({ q: '尾灯' }).expect(200);
    // SQLite runs the embedded engine; PostgreSQL (npm run test:pg) runs Meilisearch.
    expect(res.body).toEqual(expect.objectContaining({ query: '尾灯', engine: t.runtime.config.search.engine, page: 1, hitsPerPage: 20 }));
    expect(typeof res.body.totalHits).toBe('number');
    expect(typeof res.body.processingTimeMs).toBe('number');
    const hit = res.body.hits.find((h: { title: string }) => h.title === TAIL_LIGHT);
    expect(hit).toEqual(expect.objectContaining({ type: 'product', url: '/p/baojun-730-tail-light-assembly', price: expect.any(Number) }));
    expect(hit._formatted.title).toContain('<mark>尾灯</mark>');
    expect(res.body.facetDistribution.category).toBeDefined();
  });

  // Pinyin initials glued to a model number (bj730): both engines now index 宝骏730 as one Han+code unit.
  it('when searching bj730, then the seed listing is found', async () => {
    expect(await titles('bj730')).toContain(TAIL_LIGHT);
  });

  it.each([
    ['尾灯', TAIL_LIGHT], ['尾燈', TAIL_LIGHT], ['tail light', TAIL_LIGHT], ['baojun', TAIL_LIGHT], ['Baojn', TAIL_LIGHT],
    ['宝骏730 尾灯', TAIL_LIGHT], ['１２ｖ', CHARGER], ['充电', CHARGER], ['charger', CHARGER], ['宏光', SILL], ['hongguang', SILL], ['door sill', SILL],
    ['grille', GRILLE], ['中网', GRILLE], ['享域', GRILLE],
  ])('when searching %s, then the seed listing is found', async (q, title) => {
    expect(await titles(q)).toContain(title);
  });

  it.each([['Vladivostock'], ['Puttin'], ['liberation'], ['Yonhap'], ['vladi'], ['Kim Putin']])('when searching %s, then the Yonhap story is found', async (q) => {
    const res = await request(t.app).get('/api/search').query({ q }).expect(200);
    const story = res.body.hits.find((h: { type: string; title: string }) => h.type === 'article' && h.title === YONHAP);
    expect(story).toEqual(expect.objectContaining({ url: expect.stringMatching(/^\/news\//), publishedAt: '2024-09-21T05:32:44+08:00' }));
  });

  it('when filtered by category and price, then every hit obeys', async () => {
    const res = await request(t.app).get('/api/search').query({ q: '', type: 'product', category: 'floor-mats', price_min: '100', price_max: '300' }).expect(200);
    expect(res.body.hits.length).toBeGreaterThan(0);
    for (const h of res.body.hits) {
      expect(h.url).toMatch(/^\/p\//);
      expect(h.price).toBeGreaterThanOrEqual(100);
      expect(h.price).toBeLessThanOrEqual(300);
    }
  });

  it('when sorted by price, then prices are ordered', async () => {
    const res = await request(t.app).get('/api/search').query({ q: '脚垫', type: 'product', sort: 'price_desc' }).expect(200);
    const prices = res.body.hits.map((h: { price: number }) => h.price);
    expect(prices.length).toBeGreaterThan(1);
    expect([...prices].sort((a, b) => b - a)).toEqual(prices);
  });

  it.each([['"'], ['-'], ['AND'], ['*'], ['('], ['🚗🚗'], ['尾灯 OR 1=1; DROP TABLE products'], ['x'.repeat(200)], ['NEAR(a b)'], ['"unterminated']])(
    'when the query is %s, then it never fails',
    async (q) => {
      const res = await request(t.app).get('/api/search').query({ q });
      expect(res.status).toBe(200);
    },
  );

  it.each([['page=0'], ['sort=DROP'], ['type=x'], ['per_page=500'], ['price_min=abc'], [`q=${'y'.repeat(201)}`], ['q=a&q=b']])('when /api/search?%s, then 400 JSON names the parameter', async (qs) => {
    const res = await request(t.app).get(`/api/search?${qs}`).expect(400);
    expect(res.body.error.code).toBe('invalid_parameter');
    expect(typeof res.body.error.parameter).toBe('string');
  });

  it.each([
    ['per_page=0', 'per_page', '不能小于 1'],
    ['per_page=500', 'per_page', '不能大于'],
    ['page=0', 'page', '不能小于 1'],
  ])('when /api/search?%s is out of range, then the 400 says so in Chinese', async (qs, parameter, words) => {
    const res = await request(t.app).get(`/api/search?${qs}`).expect(400);
    expect(res.body.error.parameter).toBe(parameter);
    expect(res.body.error.message).toContain(words);
  });
});

describe('search with a vehicle', () => {
  it('when make, model and year are given, then results are filtered and product hits say they fit', async () => {
    const res = await request(t.app).get('/api/search').query({ q: '尾灯', make: '宝骏', model: '730', year: '2016' }).expect(200);
    expect(res.body.hits.length).toBeGreaterThan(0);
    const tail = res.body.hits.find((h: { title: string }) => h.title === TAIL_LIGHT);
    expect(tail.fits).toBe(true);
    expect(res.body.facetDistribution.make).toEqual(expect.objectContaining({ 宝骏: expect.any(Number) }));
  });

  it('when the vehicle is given by slug, then it means the same car', async () => {
    const res = await request(t.app).get('/api/search').query({ q: '尾灯', make: 'baojun', model: '730' }).expect(200);
    expect(res.body.hits.map((h: { title: string }) => h.title)).toContain(TAIL_LIGHT);
  });

  it.each([
    [{ make: 'nosuchmake' }, 'unknown_make'],
    [{ make: '宝骏', model: 'nosuch' }, 'unknown_model'],
    [{ make: '宝骏', model: '730', year: '2030' }, 'year_out_of_range'],
  ])('when the vehicle %j is unknown, then 400 %s', async (query, code) => {
    const res = await request(t.app).get('/api/search').query({ q: '尾灯', ...query }).expect(400);
    expect(res.body.error.code).toBe(code);
  });
});

describe('/api/suggest and /search', () => {
  it('when typing a prefix, then products and categories are suggested', async () => {
    const res = await request(t.app).get('/api/suggest').query({ q: '尾' }).expect(200);
    expect(res.body.suggestions.length).toBeGreaterThan(0);
    for (const s of res.body.suggestions) expect(['query', 'product', 'article', 'category']).toContain(s.type);
  });

  it('when q is missing or too long, then 400', async () => {
    await request(t.app).get('/api/suggest').expect(400);
    await request(t.app).get('/api/suggest').query({ q: 'z'.repeat(201) }).expect(400);
  });

  it('when the search page is opened, then it shows highlights, facets and tabs', async () => {
    const res = await request(t.app).get('/search').query({ q: '尾灯' }).expect(200);
    expect(res.text).toContain('<mark>尾灯</mark>');
    expect(res.text).toContain('class="facet"');
    expect(res.text).toContain('aria-label="结果类型"');
  });

  it('when nothing matches, then a helpful page with suggestions is shown', async () => {
    const res = await request(t.app).get('/search').query({ q: 'qqqqzzzzxxxx' }).expect(200);
    expect(res.text).toContain('no-results');
    expect(res.text).toContain('href="/products"');
  });

  it('when a product is written in a transaction, then search sees it only after commit', async () => {
    const { db, indexer } = t.runtime;
    await db.transaction(async (trx) => {
      await trx('products').where({ slug: 'baojun-730-tail-light-assembly' }).update({ title: `${TAIL_LIGHT} 臻选款` });
      await indexer.productChanged(trx, (await trx('products').where({ slug: 'baojun-730-tail-light-assembly' }).first('id')).id);
      throw Object.assign(new Error('rollback'), { rollback: true });
    }).catch((e) => expect(e.rollback).toBe(true));
    await searchCaughtUp(t.runtime.search);
    expect(await titles('臻选款')).toEqual([]);
    await db.transaction(async (trx) => {
      const { id } = await trx('products').where({ slug: 'baojun-730-tail-light-assembly' }).first('id');
      await trx('products').where({ id }).update({ title: `${TAIL_LIGHT} 臻选款` });
      await indexer.productChanged(trx, id);
    });
    await searchCaughtUp(t.runtime.search);
    expect(await titles('臻选款')).toEqual([`${TAIL_LIGHT} 臻选款`]);
  });
});
