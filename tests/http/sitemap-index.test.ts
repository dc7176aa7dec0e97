import request from 'supertest';
import { XMLParser } from 'fast-xml-parser';
import { URLS_PER_SITEMAP } from '../../src/app/seo-routes';
import { bumpContentVersion } from '../../src/shared/content-version';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { testDialect } from '../helpers/test-db';

const EXTRA = 50_100;
const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'url' || name === 'sitemap' });
const asList = <T>(v: T[] | undefined): T[] => v ?? [];

let t: TestApp;
let published: number;
beforeAll(async () => {
  // Absolute URLs come from PUBLIC_URL (never the Host header these tests also send).
  t = await createTestApp({ env: { PUBLIC_URL: 'http://shop.test' } });
  const db = t.runtime.db;
  // A synthetic catalogue past the protocol's 50,000 URLs per file, inserted in bulk.
  const now = Date.now();
  await db.transaction(async (trx) => {
    const rows = Array.from({ length: EXTRA }, (_, i) => ({
      slug: `sitemap-test-${i}`, title: `测试商品 ${i}`, description: '', price_fen: 100 + i, stock: 1, status: 'published', featured: false,
      created_at: new Date(now - i * 1000), updated_at: new Date(now - i * 1000),
    }));
    await trx.batchInsert('products', rows, 200);
    await bumpContentVersion(trx, 'catalog');
  });
  published = Number((await db('products').where({ status: 'published' }).count({ n: '*' }))[0].n);
}, 180_000);
afterAll(async () => t.close());

describe(`sitemaps past 50,000 URLs on ${testDialect()}`, () => {
  it('when the catalogue has more URLs than one file may hold, then /sitemap.xml is an index whose numbered sitemaps list every product once', async () => {
    const index = await request(t.app).get('/sitemap.xml').set('Host', 'shop.test').expect(200).expect('Content-Type', /application\/xml/);
    const parsed = parser.parse(index.text);
    const files = asList<{ loc: string }>(parsed.sitemapindex?.sitemap).map((s) => s.loc);
    expect(files.length).toBeGreaterThanOrEqual(Math.ceil(EXTRA / URLS_PER_SITEMAP));
    expect(files).toEqual(files.map((_, i) => `http://shop.test/sitemap-${i + 1}.xml`));

    const seen = new Set<string>();
    let total = 0;
    for (const loc of files) {
      const res = await request(t.app).get(new URL(loc).pathname).set('Host', 'shop.test').expect(200);
      const urls = asList<{ loc: string }>(parser.parse(res.text).urlset?.url).map((u) => u.loc);
      expect(urls.length).toBeGreaterThan(0);
      expect(urls.length).toBeLessThanOrEqual(Math.min(URLS_PER_SITEMAP, 50_000));
      total += urls.length;
      for (const u of urls) seen.add(u);
    }
    // Every URL exactly once, none capped: all published products, and the pages listed before them.
    expect(seen.size).toBe(total);
    const productUrls = [...seen].filter((u) => u.startsWith('http://shop.test/p/'));
    expect(productUrls).toHaveLength(published);
    expect(seen.has(`http://shop.test/p/sitemap-test-${EXTRA - 1}`)).toBe(true);
    expect(seen.has('http://shop.test/')).toBe(true);
    expect(seen.has('http://shop.test/news')).toBe(true);
  }, 120_000);

  it('when a numbered sitemap past the last one is requested, then it is a 404', async () => {
    await request(t.app).get('/sitemap-999.xml').expect(404);
  });

  it('when robots.txt is read, then it points at the sitemap index', async () => {
    const robots = await request(t.app).get('/robots.txt').set('Host', 'shop.test').expect(200);
    expect(robots.text).toContain('Sitemap: http://shop.test/sitemap.xml');
  });

  it('when a numbered sitemap is requested twice, then the second answer comes from the page cache', async () => {
    const first = await request(t.app).get('/sitemap-2.xml').set('Host', 'shop.test').expect(200);
    // A write that skips the version bump is invisible to a cached page.
    const [{ slug }] = await t.runtime.db('products').where('slug', 'like', 'sitemap-test-%').orderBy('id').limit(1).select('slug');
    await t.runtime.db('products').where({ slug }).update({ status: 'draft' });
    const second = await request(t.app).get('/sitemap-2.xml').set('Host', 'shop.test').expect(200);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.text).toBe(first.text);
  });
});
