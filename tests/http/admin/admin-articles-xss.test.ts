import request from 'supertest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { photo } from '../../fixtures/uploads/make-fixtures';
import type { TestApp } from '../../helpers/test-app';
import { articleClient, articleForm, newsPage } from './admin-article-kit';
import { createAdminTestApp, login } from './admin-test-kit';

/** A script element and an attribute breakout, each tagged with the field it went into (short: section holds 60 characters). */
const mark = (field: string) => (field === 'section' ? 'sec' : field);
const payload = (field: string) => raw(mark(field));
const raw = (tag: string) => `<script>x('${tag}')</script>"><img src=x onerror=x('${tag}')>`;
const SCRIPT = (tag: string) => `<script>x('${tag}')</script>`;
const BREAKOUT = (tag: string) => `"><img src=x onerror=x('${tag}')>`;

function ejsEscape(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' })[ch]!);
}

const TEXT_FIELDS = ['title', 'dek', 'byline', 'source', 'dateline', 'section'] as const;
const IMAGE_FIELDS = ['alt', 'caption', 'credit'] as const;
const TAGS = ['tag1', 'tag2'] as const;
const ALL = [...TEXT_FIELDS, ...IMAGE_FIELDS, ...TAGS, 'body'].map(mark);

/** Every script element on the page is ours: a src'd file or JSON-LD. */
function foreignScripts(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]).filter((tag) => !/ src="\/static\/|type="application\/ld\+json"/.test(tag));
}

function expectInert(html: string, where: string) {
  for (const tag of ALL) {
    expect({ where, tag, script: html.includes(SCRIPT(tag)) }).toEqual({ where, tag, script: false });
    expect({ where, tag, breakout: html.includes(BREAKOUT(tag)) }).toEqual({ where, tag, breakout: false });
  }
  expect({ where, scripts: foreignScripts(html) }).toEqual({ where, scripts: [] });
}

describe('stored XSS through every article field', () => {
  let t: TestApp;
  let c: ReturnType<typeof articleClient>;
  let id: number;
  let slug: string;
  let form: Record<string, string>;

  beforeAll(async () => {
    t = await createAdminTestApp();
    c = articleClient(t, await login(t));
    const text = Object.fromEntries(TEXT_FIELDS.map((f) => [f, payload(f)]));
    form = articleForm({
      ...text,
      body: `<p>正文</p>${SCRIPT('body')}<img src=x onerror=x('body')><p><a href="javascript:x('body')">链接</a></p>`,
      tags: `<script>x('tag1')</script>，"><img src=x onerror=x('tag2')>`,
    });
    ({ id, slug } = await c.create(form));
    const jpeg = await (await photo(320, 180)).jpeg().toBuffer();
    await c.uploadLead(id, jpeg, { alt: payload('alt'), caption: payload('caption'), credit: payload('credit') }).expect(303);
    form = { ...form, slug, imageAlt: payload('alt'), imageCaption: payload('caption'), imageCredit: payload('credit') };
  });
  afterAll(() => t.close());

  it('when the article page is rendered, then every field shows as text and the body keeps no script, handler or javascript: link', async () => {
    const html = (await newsPage(t, slug).expect(200)).text;
    expectInert(html, '/news/:slug');
    for (const f of [...TEXT_FIELDS, ...IMAGE_FIELDS]) expect({ f, shown: html.includes(ejsEscape(payload(f))) }).toEqual({ f, shown: true });
    expect(html).toContain(ejsEscape("<script>x('tag1')</script>"));
    expect(html).toContain(ejsEscape(`"><img src=x onerror=x('tag2')>`));
    const body = /<div class="article-body"[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
    expect(body).toContain('<p>正文</p>');
    expect(body).not.toMatch(/onerror|javascript:|<script/i);
  });

  it('when the news list, home, a linked product page, a tag page and the feed are rendered, then the fields are inert there too', async () => {
    expectInert((await request(t.app).get('/news').expect(200)).text, '/news');
    for (const path of ['/', '/p/baojun-730-tail-light-assembly']) {
      const html = (await request(t.app).get(path).expect(200)).text;
      expect(html).toContain(`/news/${slug}`);
      expectInert(html, path);
    }
    const tagUrl = /href="(\/news\/tag\/[a-z0-9-]+)"[^>]*>&lt;script&gt;/.exec((await newsPage(t, slug)).text)?.[1];
    expect(tagUrl).toBeDefined();
    expectInert((await request(t.app).get(tagUrl!).expect(200)).text, 'tag page');
    const xml = (await request(t.app).get('/news/feed.xml').expect(200)).text;
    expectInert(xml, 'feed');
    expect(XMLValidator.validate(xml)).toBe(true);
    // XML forbids `<` in attribute values (a check the lenient parser above does not make).
    const categories = [...xml.matchAll(/<category\b([^"]*"[^"]*")*[^>]*>/g)].map((m) => m[0]);
    expect(categories.length).toBeGreaterThan(0);
    for (const cat of categories) expect([...cat.matchAll(/="([^"]*)"/g)].map((m) => m[1]).filter((v) => v.includes('<'))).toEqual([]);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml) as { feed: { entry: { title: unknown }[] | { title: unknown } } };
    const entries = Array.isArray(feed.feed.entry) ? feed.feed.entry : [feed.feed.entry];
    expect(JSON.stringify(entries.map((e) => e.title))).toContain("x('title')");
  });

  it('when the admin list, edit form and preview are rendered, then the fields are inert and the form values round-trip', async () => {
    expectInert((await c.get('/admin/articles').expect(200)).text, 'admin list');
    const edit = (await c.get(`/admin/articles/${id}/edit`).expect(200)).text;
    expectInert(edit, 'admin edit');
    expect(edit).toContain(`value="${ejsEscape(payload('title'))}"`);
    expect(edit).toContain(`value="${ejsEscape(payload('alt'))}"`);
    const preview = (await c.post(`/admin/articles/${id}/preview`, form).expect(200)).text;
    expectInert(preview, 'preview');
    expect(preview).toContain('data-preview');
    expect(preview).toContain(ejsEscape(payload('caption')));
    const fresh = (await c.post('/admin/articles/preview', { ...form, slug: '', imageAlt: '', imageCaption: '', imageCredit: '' }).expect(200)).text;
    expectInert(fresh, 'preview of a new article');
  });

  it('when the article is searched for, then the JSON and its highlights carry no live markup', async () => {
    const res = await request(t.app).get('/api/search').query({ q: '正文', type: 'article' }).expect(200);
    const hit = (res.body.hits as { url: string; title: string; _formatted: Record<string, string> }[]).find((h) => h.url === `/news/${slug}`);
    expect(hit?.title).toBe(payload('title'));
    for (const v of Object.values(hit!._formatted)) expect(v.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });
});
