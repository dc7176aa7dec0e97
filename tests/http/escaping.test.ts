import request from 'supertest';
import { insertReturningId } from '../../src/db/knex';
import { createTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('HTML escaping', () => {
  it('when a product title contains <script>, then it renders as text', async () => {
    const payload = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'';
    await insertReturningId(t.runtime.db, 'products', {
      slug: 'xss-probe', title: `尾灯 ${payload}`, name_en: payload, description: payload,
      price_fen: 1000, stock: 1, status: 'published', featured: true,
    });
    const page = await request(t.app).get('/p/xss-probe').expect(200);
    expect(page.text).not.toContain('<script>alert(1)</script>');
    expect(page.text).not.toContain('<img src=x onerror');
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const ld = [...page.text.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    for (const block of ld) {
      expect(block).not.toContain('</script');
      expect(JSON.parse(block)).toBeTruthy();
    }
    const home = await request(t.app).get('/').expect(200);
    expect(home.text).not.toContain('<script>alert(1)</script>');
  });

  it('when the search box echoes a query, then it is escaped', async () => {
    const res = await request(t.app).get('/search').query({ q: '"><script>alert(1)</script>' }).expect(200);
    expect(res.text).toContain('&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(res.text).not.toContain('"><script>alert(1)</script>');
  });
});
