import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { shanghaiDay } from '../../src/search/query-stats';
import { createCatalogWriter } from '../../src/catalog';
import { searchCaughtUp } from '../helpers/search-env';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // What shoppers searched before this process built its vocabulary: one query found things
  // often, one was searched once (never shown to others), one never found anything.
  const day = shanghaiDay(Date.now());
  await t.runtime.db('search_query_stats').insert([
    { query: '宝骏730 尾灯总成', day, searches: 6, zero_results: 0 },
    { query: '宝骏730 私人定制 张三', day, searches: 1, zero_results: 0 },
    { query: '宝骏730 飞行汽车', day, searches: 9, zero_results: 9 },
  ]);
});
afterAll(async () => t.close());

type S = { type: string; title: string; url: string; image?: string | null; _formatted: { title: string } };
async function suggest(q: string): Promise<S[]> {
  const res = await request(t.app).get('/api/suggest').query({ q }).expect(200);
  expect(res.headers['cache-control']).toBe('no-store');
  return res.body.suggestions;
}

/** Completions, then products, then categories: never out of that order. */
function expectOrdered(list: S[]): void {
  const rank = { query: 0, product: 1, article: 1, category: 2 } as Record<string, number>;
  const ranks = list.map((s) => rank[s.type]);
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
}

describe('/api/suggest', () => {
  it('when typing "bao", then 宝骏 is completed and its products are suggested', async () => {
    const s = await suggest('bao');
    expectOrdered(s);
    const completions = s.filter((x) => x.type === 'query').map((x) => x.title);
    expect(completions).toContain('宝骏');
    expect(completions.length).toBeLessThanOrEqual(5);
    const products = s.filter((x) => x.type === 'product');
    expect(products.length).toBeGreaterThan(0);
    expect(products.length).toBeLessThanOrEqual(5);
    expect(products.every((p) => p.title.includes('宝骏'))).toBe(true);
    expect(s.find((x) => x.title === '宝骏')?.url).toBe(`/search?q=${encodeURIComponent('宝骏')}`);
  });

  it('when typing "te", then 特斯拉 is completed and the English category "Exterior" is not matched inside its word', async () => {
    const s = await suggest('te');
    expect(s.filter((x) => x.type === 'query').map((x) => x.title)).toContain('特斯拉');
    const exterior = await t.runtime.db('categories').where('name_en', 'like', 'Exterior%').first('name');
    expect(exterior).toBeDefined();
    expect(s.map((x) => x.title)).not.toContain(exterior.name);
    expect((await suggest('ext')).filter((x) => x.type === 'category').map((x) => x.title)).toContain(exterior.name);
  });

  it.each(['b', 'X', '7', '-', ' t '])('when only one Latin letter or sign %p is typed, then nothing is suggested', async (q) => {
    expect(await suggest(q)).toEqual([]);
  });

  it('when one Chinese character is typed, then it completes to part words and suggests categories by their Chinese names', async () => {
    const s = await suggest('尾');
    expectOrdered(s);
    expect(s[0]).toEqual(expect.objectContaining({ type: 'query', title: '尾灯', _formatted: { title: '<mark>尾</mark>灯' } }));
    const category = s.find((x) => x.type === 'category');
    expect(category).toEqual(expect.objectContaining({ title: '尾灯', url: expect.stringMatching(/^\/c\/[a-z0-9-]+$/) }));
  });

  it('when a vehicle is being typed, then it completes to make + model and to vehicle + part', async () => {
    const s = await suggest('宝骏7');
    expectOrdered(s);
    expect(s.filter((x) => x.type === 'query').map((x) => x.title)).toEqual(expect.arrayContaining(['宝骏730', '宝骏730 尾灯']));
    expect((await suggest('bao jun')).map((x) => x.title)).toContain('宝骏');
    expect((await suggest('bj')).map((x) => x.title)).toContain('宝骏');
  });

  it('when shoppers searched something often with results, then it is completed; a lone or fruitless query never is', async () => {
    const titles = (await suggest('宝骏730')).filter((x) => x.type === 'query').map((x) => x.title);
    expect(titles).toContain('宝骏730 尾灯总成');
    expect(titles).not.toContain('宝骏730 私人定制 张三');
    expect(titles).not.toContain('宝骏730 飞行汽车');
  });

  it('when an English part name is typed, then it completes to the Chinese part word', async () => {
    const s = await suggest('tail');
    expect(s[0]).toEqual(expect.objectContaining({ type: 'query', title: '尾灯' }));
    expect(s.filter((x) => x.type === 'product').length).toBeGreaterThan(0);
  });

  it('when a suggested product is unpublished and published again, then the next keystroke follows each write', async () => {
    const productUrls = async () => (await suggest('宝骏730')).filter((x) => x.type === 'product').map((x) => x.url);
    const before = await productUrls();
    expect(before.length).toBeGreaterThan(0);
    const slug = before[0].replace(/^\/p\//, '');
    const { id } = await t.runtime.db('products').where({ slug }).first('id');
    const writer = createCatalogWriter(t.runtime.db, t.runtime.indexer);
    await writer.setStatus(id, 'draft');
    await searchCaughtUp(t.runtime.search);
    expect(await productUrls()).not.toContain(before[0]);
    await writer.setStatus(id, 'published');
    await searchCaughtUp(t.runtime.search);
    expect(await productUrls()).toContain(before[0]);
  });

  it('when suggestions carry HTML-looking text, then _formatted holds only marks', async () => {
    for (const q of ['<script>', '宝骏', '"><img src=x>', '尾']) {
      for (const s of await suggest(q)) expect(s._formatted.title.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    }
  });
});
