import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/test-app';

const seedTitles = fs
  .readFileSync(path.resolve(__dirname, '../fixtures/shared/seed-page.txt'), 'utf8')
  .split('\n')
  .filter((l) => l.trim().startsWith('•'))
  .map((l) => l.trim().replace(/^•\s*/, ''));

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');
}

describe('storefront pages', () => {
  it('when the home page is requested, then it shows categories, featured and newest products', async () => {
    const res = await request(t.app).get('/').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('商品分类');
    expect(res.text).toContain('精选推荐');
    expect(res.text).toContain('新品上架');
    expect(res.text).toContain('<html lang="zh-CN">');
  });

  it('when the seed page is read, then there are five listings', () => {
    expect(seedTitles).toHaveLength(5);
  });

  it.each(seedTitles.map((title, i) => [i, title]))('when seed listing %i is opened, then its title is shown byte for byte', async (_i, title) => {
    const row = await t.runtime.db('products').where({ title }).first('slug');
    expect(row).toBeDefined();
    const list = await request(t.app).get('/products').query({ per_page: '60' }).expect(200);
    const more = await request(t.app).get('/products').query({ per_page: '60', page: '2' }).expect(200);
    expect(list.text + more.text).toContain(`href="/p/${row.slug}"`);
    const page = await request(t.app).get(`/p/${row.slug}`).expect(200);
    expect(page.text).toContain(`<h1 id="product-title">${escapeHtml(title as string)}</h1>`);
  });

  it('when a product page is rendered, then it has srcset, CNY price, specs, JSON-LD, OpenGraph and a canonical URL', async () => {
    const res = await request(t.app).get('/search').query({ q: '充电器', type: 'product' }).expect(200);
    const href = /class="hit-title"><a href="(\/p\/[a-z0-9-]+)"/.exec(res.text)![1];
    const page = await request(t.app).get(href).expect(200);
    expect(page.text).toMatch(/srcset="\/media\/[^"]+ 320w, /);
    expect(page.text).toMatch(/¥\d+\.\d{2}/);
    expect(page.text).toContain('规格参数');
    expect(page.text).toMatch(/<link rel="canonical" href="http:\/\/[^"]+\/p\/[a-z0-9-]+">/);
    expect(page.text).toContain('<meta property="og:type" content="product">');
    const blocks = [...page.text.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
    const types = blocks.map((b) => b['@type']);
    expect(types).toEqual(expect.arrayContaining(['Product', 'BreadcrumbList']));
    const product = blocks.find((b) => b['@type'] === 'Product');
    expect(product.offers.priceCurrency).toBe('CNY');
  });

  it('when the charger is opened, then its 12V and 24V variants can be picked and added to the cart without JavaScript', async () => {
    const row = await t.runtime.db('products').where('title', 'like', '%电瓶充电器12v24v%').first('slug');
    const href = `/p/${row.slug}`;
    const page = await request(t.app).get(href).expect(200);
    // One form: variant + quantity posted to the cart (the contract's POST /cart/items).
    expect(page.text).toMatch(/<form class="add-to-cart" method="post" action="\/cart\/items"/);
    expect(page.text).toMatch(/<fieldset class="variant-picker">/);
    expect(page.text).toContain('12V');
    expect(page.text).toContain('24V');
    const variantIds = [...page.text.matchAll(/name="variant" value="(\d+)"/g)].map((m) => m[1]);
    expect(variantIds.length).toBe(2);
    const second = await request(t.app).get(href).query({ variant: variantIds[1] }).expect(200);
    expect(second.text).toMatch(new RegExp(`value="${variantIds[1]}" checked`));
  });

  it('when the footer is rendered, then the contact address is readable but not plain text', async () => {
    const res = await request(t.app).get('/').expect(200);
    expect(res.text).toContain('邮箱:');
    expect(res.text).not.toContain('kefu@qipei.example');
    expect(res.text).toContain('&#64;');
  });

  it('when a category is listed, then breadcrumbs and only its products are shown', async () => {
    const res = await request(t.app).get('/c/tail-lights').expect(200);
    expect(res.text).toContain('aria-label="面包屑"');
    expect(res.text).toContain('尾灯');
  });

  it('when sitemap and robots are requested, then they list products and the sitemap', async () => {
    const sm = await request(t.app).get('/sitemap.xml').expect(200);
    expect(sm.headers['content-type']).toMatch(/xml/);
    expect(sm.text).toMatch(/<loc>http:\/\/[^<]+\/p\/[a-z0-9-]+<\/loc>/);
    const robots = await request(t.app).get('/robots.txt').expect(200);
    expect(robots.text).toMatch(/Sitemap: http:\/\/.+\/sitemap\.xml/);
  });

  it('when health endpoints are probed, then they answer ok', async () => {
    await request(t.app).get('/healthz').expect(200, { status: 'ok' });
    const ready = await request(t.app).get('/readyz').expect(200);
    expect(ready.body.checks.database.ok).toBe(true);
    expect(ready.body.checks.search.ok).toBe(true);
  });
});

describe('filters, sort and pagination', () => {
  const pricesOf = (html: string) => [...html.matchAll(/<span class="price">¥([\d,]+\.\d{2})<\/span>/g)].map((m) => Number(m[1].replace(/,/g, '')));

  it('when sorted by price ascending, then prices never decrease', async () => {
    const res = await request(t.app).get('/products').query({ sort: 'price_asc' }).expect(200);
    const prices = pricesOf(res.text);
    expect(prices.length).toBe(24);
    expect([...prices].sort((a, b) => a - b)).toEqual(prices);
  });

  it('when sorted by price descending, then prices never increase', async () => {
    const prices = pricesOf((await request(t.app).get('/products').query({ sort: 'price_desc' }).expect(200)).text);
    expect([...prices].sort((a, b) => b - a)).toEqual(prices);
  });

  it('when a price range is given, then every product is inside it', async () => {
    const prices = pricesOf((await request(t.app).get('/products').query({ price_min: '50', price_max: '200' }).expect(200)).text);
    expect(prices.length).toBeGreaterThan(0);
    for (const p of prices) expect(p >= 50 && p <= 200).toBe(true);
  });

  it('when paging, then pages do not overlap and carry rel links', async () => {
    const p1 = await request(t.app).get('/products').query({ per_page: '10' }).expect(200);
    const p2 = await request(t.app).get('/products').query({ per_page: '10', page: '2' }).expect(200);
    const slugs = (html: string) => [...html.matchAll(/class="card-link" href="(\/p\/[^"]+)"/g)].map((m) => m[1]);
    expect(slugs(p1.text)).toHaveLength(10);
    expect(slugs(p2.text)).toHaveLength(10);
    expect(slugs(p1.text).filter((s) => slugs(p2.text).includes(s))).toEqual([]);
    expect(p1.text).toContain('rel="next" href="/products?per_page=10&amp;page=2"');
  });

  it('when a listing gets a text query, then it is handed to search with its filters', async () => {
    const res = await request(t.app).get('/c/tail-lights').query({ q: '尾灯', sort: 'price_asc' }).expect(302);
    expect(res.headers.location).toBe('/search?q=%E5%B0%BE%E7%81%AF&category=tail-lights&sort=price_asc&type=product');
  });

  it('when a page is fetched twice with its ETag, then the second answer is 304', async () => {
    // Absolute URLs (canonical, OpenGraph) follow the Host header, so pin it across both requests.
    const first = await request(t.app).get('/products').set('Host', 'shop.test').expect(200);
    expect(first.headers.etag).toBeDefined();
    await request(t.app).get('/products').set('Host', 'shop.test').set('If-None-Match', first.headers.etag).expect(304);
  });
});

describe('bad input', () => {
  it.each([
    ['page=-1'], ['page=0'], ['page=abc'], ['page=101'], ['price_min=abc'], ['sort=DROP'], ['per_page=1000'],
    ['type=video'], ['price_min=300&price_max=10'], ['category=Bad%20Slug'], [`q=${'x'.repeat(5000)}`], ['page=1&page=2'], ['year=20000'],
  ])('when /products?%s, then 400 with a message', async (qs) => {
    const res = await request(t.app).get(`/products?${qs}`).expect(400);
    expect(res.text).toContain('data-code="invalid_parameter"');
  });

  it('when an unknown product or category is requested, then 404 pages are shown', async () => {
    const p = await request(t.app).get('/p/no-such-product').expect(404);
    expect(p.text).toContain('页面不存在');
    await request(t.app).get('/c/no-such-category').expect(404);
    await request(t.app).get('/nothing/here').expect(404);
    await request(t.app).get('/media/seed/aa/nothing-320.webp').expect(404);
  });

  it('when an error page is shown, then no stack trace leaks', async () => {
    const res = await request(t.app).get('/p/%E0%A4%A').expect((r) => expect(r.status).toBeLessThan(500));
    expect(res.text).not.toMatch(/at .+\.(ts|js):\d+/);
  });

  it('when EJS option injection is attempted, then it has no effect', async () => {
    const res = await request(t.app).get('/products?settings[view options][client]=1&settings[view options][escapeFunction]=1;process.exit()').expect(200);
    expect(res.text).toContain('全部商品');
  });
});

describe('security headers and assets', () => {
  it('when any page is served, then CSP forbids inline scripts and framing', async () => {
    const res = await request(t.app).get('/').expect(200);
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });

  it('when a fingerprinted asset is fetched, then it is immutable', async () => {
    const home = await request(t.app).get('/').expect(200);
    const css = /href="(\/static\/css\/site\.[0-9a-f]{10}\.css)"/.exec(home.text)![1];
    const res = await request(t.app).get(css).expect(200);
    expect(res.headers['cache-control']).toMatch(/immutable/);
  });

  it('when a media file is fetched, then it has a fixed type, nosniff and an immutable cache', async () => {
    const home = await request(t.app).get('/').expect(200);
    const src = /srcset="(\/media\/[^ "]+\.webp) /.exec(home.text)![1];
    const res = await request(t.app).get(src).expect(200);
    expect(res.headers['content-type']).toBe('image/webp');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toMatch(/immutable/);
  });
});
