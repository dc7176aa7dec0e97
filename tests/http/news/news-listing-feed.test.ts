import request from 'supertest';
import { XMLParser } from 'fast-xml-parser';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { STORY } from './news-test-helpers';

let t: TestApp;
beforeAll(async () => {
  // Absolute URLs come from PUBLIC_URL (never the Host header these tests also send).
  t = await createTestApp({ env: { PUBLIC_URL: 'http://shop.test' } });
});
afterAll(async () => t.close());

const articleLinks = (html: string) => [...html.matchAll(/<h2 id="a-\d+" lang="[^"]+"><a href="(\/news\/[^"]+)">/g)].map((m) => m[1]);
const times = (html: string) => [...html.matchAll(/<time datetime="([^"]+)">/g)].map((m) => m[1]);

describe('/news listing', () => {
  it('when the list is opened, then ten articles are shown newest first with a link to page 2', async () => {
    const res = await request(t.app).get('/news').expect(200);
    const links = articleLinks(res.text);
    expect(links).toHaveLength(10);
    const stamps = times(res.text);
    expect([...stamps].sort().reverse()).toEqual(stamps);
    expect(res.text).toContain('rel="next" href="/news?page=2"');
    expect(res.text).toMatch(/<link rel="canonical" href="http:\/\/[^"]+\/news">/);
  });

  it('when page 2 is opened, then it continues without overlap and links back', async () => {
    const total = Number((await t.runtime.db('articles').count({ n: '*' }).first())!.n);
    const p1 = articleLinks((await request(t.app).get('/news').expect(200)).text);
    const p2res = await request(t.app).get('/news').query({ page: '2' }).expect(200);
    const p2 = articleLinks(p2res.text);
    expect(p1.length + p2.length).toBe(total);
    expect(p2.filter((l) => p1.includes(l))).toEqual([]);
    expect(p2res.text).toContain('rel="prev" href="/news"');
  });

  it('when a page past the end is asked for, then 404', async () => {
    await request(t.app).get('/news').query({ page: '9' }).expect(404);
  });

  it.each([['page=0'], ['page=-1'], ['page=abc'], ['page=1.5'], ['page=101'], ['page=1&page=2'], [`page=${'9'.repeat(20)}`]])('when /news?%s, then 400 naming the parameter', async (qs) => {
    const res = await request(t.app).get(`/news?${qs}`).expect(400);
    expect(res.text).toContain('data-code="invalid_parameter"');
    const json = await request(t.app).get(`/news?${qs}`).set('Accept', 'application/json').expect(400);
    expect(json.body.error).toMatchObject({ code: 'invalid_parameter', parameter: 'page' });
  });

  it('when unknown tracking parameters are added, then they are ignored', async () => {
    const res = await request(t.app).get('/news?utm_source=x&fbclid=y').expect(200);
    expect(res.text).not.toContain('utm_source');
  });
});

describe('/news/tag/:slug', () => {
  it('when a tag link is followed, then only articles with that tag are listed', async () => {
    const article = await request(t.app).get('/news/tail-light-modification-rules').expect(200);
    const tagHref = /<a href="(\/news\/tag\/[a-z0-9-]+)" rel="tag">尾灯<\/a>/.exec(article.text)![1];
    const res = await request(t.app).get(tagHref).expect(200);
    expect(res.text).toContain('<h1>标签：尾灯</h1>');
    expect(articleLinks(res.text)).toEqual(['/news/tail-light-modification-rules']);
    expect(res.text).toMatch(new RegExp(`<link rel="canonical" href="http://[^"]+${tagHref}">`));
  });

  it('when a tag page is paged with a bad page, then 400', async () => {
    await request(t.app).get('/news/tag/guo-ji-xin-wen?page=zero').expect(400);
  });
});

describe('/news/feed.xml', () => {
  it('when the feed is fetched, then it is well-formed Atom containing the Yonhap story with its full body', async () => {
    const res = await request(t.app).get('/news/feed.xml').set('Host', 'shop.test').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/atom\+xml/);
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
    const doc = parser.parse(res.text);
    expect(doc.feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    const entries = Array.isArray(doc.feed.entry) ? doc.feed.entry : [doc.feed.entry];
    const text = (v: unknown) => (typeof v === 'object' && v !== null ? String((v as Record<string, unknown>)['#text']) : String(v));
    const story = entries.find((e: { title: unknown }) => text(e.title) === STORY.title);
    expect(story).toBeDefined();
    expect(story.id).toBe(`http://shop.test/news/${STORY.slug}`);
    expect(story.published).toBe('2024-09-20T21:32:44.000Z');
    expect(story.content['@type']).toBe('html');
    expect(text(story.content)).toContain(STORY.paragraphs[0].replace(/'/g, '&#39;'));
    expect(entries.length).toBeGreaterThanOrEqual(10);
  });
});

describe('/sitemap.xml', () => {
  it('when the sitemap is fetched, then it lists /news and every visible article', async () => {
    const res = await request(t.app).get('/sitemap.xml').set('Host', 'shop.test').expect(200);
    const doc = new XMLParser().parse(res.text);
    const locs: string[] = doc.urlset.url.map((u: { loc: string }) => u.loc);
    expect(locs).toContain('http://shop.test/news');
    expect(locs).toContain(`http://shop.test/news/${STORY.slug}`);
    const slugs = (await t.runtime.db('articles').select('slug')).map((r: { slug: string }) => `http://shop.test/news/${r.slug}`);
    for (const s of slugs) expect(locs).toContain(s);
  });
});
