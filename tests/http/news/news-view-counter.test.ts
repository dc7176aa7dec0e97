import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { BROWSER_UA, STORY } from './news-test-helpers';

let t: TestApp;
let server: http.Server;
let origin: string;

beforeAll(async () => {
  t = await createTestApp();
  server = http.createServer(t.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await t.close();
});

const views = async (slug: string) => Number((await t.runtime.db('articles').where({ slug }).first('views')).views);

describe('view counter on a real port', () => {
  it('when 500 readers open an article at once, then exactly 500 views are added', async () => {
    const slug = 'dash-cam-buying-guide';
    const before = await views(slug);
    const statuses = await Promise.all(
      Array.from({ length: 500 }, async () => {
        const res = await fetch(`${origin}/news/${slug}`, { headers: { 'User-Agent': BROWSER_UA } });
        await res.arrayBuffer();
        return res.status;
      }),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(500);
    expect(await views(slug)).toBe(before + 500);
  });

  it('when HEAD requests arrive, then nothing is counted', async () => {
    const before = await views(STORY.slug);
    const statuses = await Promise.all(
      Array.from({ length: 20 }, async () => (await fetch(`${origin}/news/${STORY.slug}`, { method: 'HEAD', headers: { 'User-Agent': BROWSER_UA } })).status),
    );
    expect(new Set(statuses)).toEqual(new Set([200]));
    expect(await views(STORY.slug)).toBe(before);
  });

  it.each([
    ['Googlebot', 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'],
    ['Baiduspider', 'Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)'],
    ['Yahoo Slurp', 'Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)'],
    ['curl', 'curl/8.5.0'],
    ['a feed crawler', 'SomeFeedCrawler/1.0'],
    ['no user agent', ''],
  ])('when %s reads the article, then it is not counted', async (_name, ua) => {
    const before = await views(STORY.slug);
    const res = await fetch(`${origin}/news/${STORY.slug}`, { headers: { 'User-Agent': ua } });
    expect(res.status).toBe(200);
    await res.text();
    expect(await views(STORY.slug)).toBe(before);
  });

  it('when a browser prefetches the article, then it is not counted; when it then opens it, then it is', async () => {
    const before = await views(STORY.slug);
    await (await fetch(`${origin}/news/${STORY.slug}`, { headers: { 'User-Agent': BROWSER_UA, 'Sec-Purpose': 'prefetch' } })).text();
    expect(await views(STORY.slug)).toBe(before);
    const html = await (await fetch(`${origin}/news/${STORY.slug}`, { headers: { 'User-Agent': BROWSER_UA } })).text();
    expect(await views(STORY.slug)).toBe(before + 1);
    expect(html).toContain(`点击:${String(before + 1).padStart(3, '0')}`);
  });

  it('when the article page is served, then caches must revalidate it (the counter changes)', async () => {
    const res = await fetch(`${origin}/news/${STORY.slug}`, { method: 'HEAD', headers: { 'User-Agent': BROWSER_UA } });
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });
});
