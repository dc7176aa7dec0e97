import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type Hit = { type: 'product' | 'article'; id: number; title: string; url: string };

async function api(query: Record<string, string>): Promise<{ hits: Hit[]; totalHits: number; facetDistribution: Record<string, Record<string, number>> }> {
  return (await request(t.app).get('/api/search').query(query).expect(200)).body;
}

// The words the outside review found buried under articles on the demo catalogue.
const BURIED = ['尾灯', '中网', '门槛条', '行车记录仪', '雨刮', '电瓶', '12v'];

describe('products first on /api/search', () => {
  it.each(BURIED)('when searching %s in everything, then products come before articles and the first hit is a product', async (q) => {
    const all = await api({ q, per_page: '60' });
    const types = all.hits.map((h) => h.type);
    expect(types[0]).toBe('product');
    if (types.includes('article')) expect(types.indexOf('article')).toBe(types.lastIndexOf('product') + 1);
    const products = await api({ q, type: 'product', per_page: '60' });
    const articles = await api({ q, type: 'article', per_page: '60' });
    expect(all.totalHits).toBe(products.totalHits + articles.totalHits);
    expect(all.hits.slice(0, products.hits.length).map((h) => h.id)).toEqual(products.hits.map((h) => h.id));
  });

  it('when a word matches articles and products, then the JSON keeps the design.md shape with both types', async () => {
    const res = await request(t.app).get('/api/search').query({ q: '宝骏', per_page: '60' }).expect(200);
    expect(Object.keys(res.body).sort()).toEqual(['engine', 'facetDistribution', 'hits', 'hitsPerPage', 'page', 'processingTimeMs', 'query', 'totalHits']);
    const article = res.body.hits.find((h: Hit) => h.type === 'article');
    expect(article).toEqual(expect.objectContaining({ url: expect.stringMatching(/^\/news\//), publishedAt: expect.any(String), _formatted: expect.any(Object) }));
  });
});

describe('the search page', () => {
  it('when searching, then products are the list and matching articles sit in their own block after it', async () => {
    const all = await api({ q: '宝骏', type: 'article' });
    expect(all.hits.length).toBeGreaterThan(0);
    const html = (await request(t.app).get('/search').query({ q: '宝骏' }).expect(200)).text;
    const list = html.slice(html.indexOf('class="results"'), html.indexOf('class="article-block"'));
    expect(list).toContain('hit-product');
    expect(list).not.toContain('hit-article');
    const block = html.slice(html.indexOf('class="article-block"'));
    expect(block).toContain('hit-article');
    expect(block).toContain(all.hits[0].url);
    expect(html.indexOf('class="article-block"')).toBeGreaterThan(html.indexOf('class="hit-list"'));
  });

  it('when only articles match, then the page says no product matched and still shows the articles', async () => {
    const html = (await request(t.app).get('/search').query({ q: 'Vladivostok' }).expect(200)).text;
    expect(html).toContain('no-products');
    expect(html).toContain('hit-article');
    expect(html).not.toContain('no-results');
  });

  it('when the products tab is chosen, then no article block is shown', async () => {
    const html = (await request(t.app).get('/search').query({ q: '宝骏', type: 'product' }).expect(200)).text;
    expect(html).not.toContain('article-block');
    expect(html).not.toContain('hit-article');
  });

  it('when facets are shown, then categories carry their Chinese names and filter by slug', async () => {
    const row = await t.runtime.db('products as p').join('categories as c', 'c.id', 'p.category_id').where('p.slug', 'baojun-730-tail-light-assembly').first('c.slug', 'c.name');
    expect(row.name).not.toBe(row.slug);
    const html = (await request(t.app).get('/search').query({ q: '尾灯' }).expect(200)).text;
    const facet = html.slice(html.indexOf('<h2>分类</h2>'), html.indexOf('</section>', html.indexOf('<h2>分类</h2>')));
    expect(facet).toMatch(new RegExp(`href="/search\\?q=%E5%B0%BE%E7%81%AF&amp;category=${row.slug}">${row.name} <span`));
    expect(facet).not.toMatch(new RegExp(`>${row.slug} <span`));
  });
});
