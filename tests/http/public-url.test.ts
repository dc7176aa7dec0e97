import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/test-app';

const PUBLIC_URL = 'https://shop.example';

/**
 * Absolute URLs (canonical, og:url, JSON-LD, the feed, the sitemap, robots.txt) come from
 * PUBLIC_URL. A forged Host or X-Forwarded-Host must not reach any of them, nor the page cache
 * that would serve them to everyone else.
 */
describe('absolute URLs come from PUBLIC_URL, never from the Host header', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { PUBLIC_URL, TRUST_PROXY: 'true' } });
  });
  afterAll(async () => t.close());

  async function pagesToCheck(): Promise<string[]> {
    const db = t.runtime.db;
    const product = await db('products').where({ status: 'published' }).first('slug');
    const article = await db('articles').where({ status: 'published' }).first('slug');
    const category = await db('categories').first('slug');
    return ['/', '/products', `/p/${product.slug}`, `/c/${category.slug}`, '/news', `/news/${article.slug}`, '/news/feed.xml', '/sitemap.xml', '/robots.txt', '/vehicles'];
  }

  it('when requests name another host (Host or X-Forwarded-Host), then no page, feed or sitemap mentions it and absolute URLs use PUBLIC_URL', async () => {
    const paths = await pagesToCheck();
    for (const path of paths) {
      for (const headers of [{ Host: 'evil.example' }, { 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'http' }]) {
        const res = await request(t.app).get(path).set(headers);
        expect({ path, status: res.status }).toEqual({ path, status: 200 });
        expect({ path, leaked: res.text.includes('evil.example') }).toEqual({ path, leaked: false });
      }
      // The same path asked for normally afterwards is not a poisoned cache entry either.
      expect((await request(t.app).get(path)).text.includes('evil.example')).toBe(false);
    }
    const feed = (await request(t.app).get('/news/feed.xml').set('Host', 'evil.example')).text;
    expect(feed).toContain(`${PUBLIC_URL}/news/`);
    expect((await request(t.app).get('/sitemap.xml').set('Host', 'evil.example')).text).toContain(`<loc>${PUBLIC_URL}/</loc>`);
    expect((await request(t.app).get('/robots.txt').set('Host', 'evil.example')).text).toContain(`Sitemap: ${PUBLIC_URL}/sitemap.xml`);
    const productPage = (await request(t.app).get(paths[2]).set('Host', 'evil.example')).text;
    expect(productPage).toContain(`<link rel="canonical" href="${PUBLIC_URL}${paths[2]}">`);
  });
});
