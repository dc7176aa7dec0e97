import type { Knex } from 'knex';
import request from 'supertest';
import { createNewsService, loadArticleDocument, type NewsService } from '../../../src/news';
import type { SearchIndexer } from '../../../src/search/search-indexer';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { BROWSER_UA } from './news-test-helpers';

/** A real SearchIndexer that does what search will do: read the row through the writer's transaction. */
class RecordingIndexer implements SearchIndexer {
  readonly events: { kind: string; id: number; inTransaction: boolean; title: string | null }[] = [];
  async productChanged(): Promise<void> {}
  async productRemoved(): Promise<void> {}
  async articleChanged(trx: Knex.Transaction, id: number): Promise<void> {
    const doc = await loadArticleDocument(trx, id);
    this.events.push({ kind: 'changed', id, inTransaction: trx.isTransaction === true, title: doc?.title ?? null });
  }
  async articleRemoved(trx: Knex.Transaction, id: number): Promise<void> {
    const row = await trx('articles').where({ id }).first('id');
    this.events.push({ kind: 'removed', id, inTransaction: trx.isTransaction === true, title: row ? 'still there' : null });
  }
}

let t: TestApp;
let news: NewsService;
let indexer: RecordingIndexer;

beforeAll(async () => {
  t = await createTestApp();
  indexer = new RecordingIndexer();
  news = createNewsService(t.runtime.db, { catalog: t.runtime.catalog, indexer });
});
afterAll(async () => t.close());

const XSS_BODY = [
  '<p>正文<script>alert("s1")</script></p>',
  '<img src="/media/x.jpg" onerror="alert(\'s2\')">',
  '<p><a href="javascript:alert(\'s3\')">点我</a></p>',
  '<iframe src="https://evil.example/s4"></iframe>',
  '<style>.s5{}</style>',
  '<svg onload="alert(\'s6\')"><circle r="1"/></svg>',
  '<p><a href="data:text/html;base64,PHNjcmlwdD4=">s7</a></p>',
  '<p>安全<strong></strong>段落</p>',
].join('');

describe('writing articles through the editor service', () => {
  it('when a valid article is created, then it is saved, sanitised, linked to products and indexed inside the transaction', async () => {
    const res = await news.createArticle({
      title: '车载充电器快充协议科普', dek: 'PD 与 QC 有什么区别？', body: '<p>快充<strong>协议</strong>。</p>', byline: '小王', source: '汽配商城', dateline: '广州',
      section: '选购指南', lang: 'zh-CN', status: 'published', publishedAt: '2024-10-02 08:00:00', tags: '充电器，快充', productSlugs: ['pd-65w-dual-type-c-car-charger'],
    });
    expect(res).toMatchObject({ ok: true });
    if (!res.ok) return;
    expect(res.slug).toMatch(/^[a-z0-9-]+$/);
    expect(indexer.events.at(-1)).toEqual({ kind: 'changed', id: res.id, inTransaction: true, title: '车载充电器快充协议科普' });
    const page = await request(t.app).get(`/news/${res.slug}`).set('User-Agent', BROWSER_UA).expect(200);
    expect(page.text).toContain('<p>快充<strong>协议</strong>。</p>');
    expect(page.text).toContain('href="/p/pd-65w-dual-type-c-car-charger"');
    const edit = await news.getArticleForEdit(res.id);
    expect(edit).toMatchObject({ title: '车载充电器快充协议科普', publishedAt: '2024-10-02 08:00:00', tags: ['充电器', '快充'], productSlugs: ['pd-65w-dual-type-c-car-charger'], status: 'published' });
  });

  it('when input is invalid, then errors come back keyed by field, in Chinese, and nothing is written', async () => {
    const before = Number((await t.runtime.db('articles').count({ n: '*' }).first())!.n);
    const res = await news.createArticle({ title: '', body: '<script>x</script>', status: 'scheduled', lang: 'english!', productSlugs: ['no-such-product'] });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(Object.keys(res.errors)).toEqual(expect.arrayContaining(['title', 'lang']));
    for (const message of Object.values(res.errors)) expect(message).toMatch(/[\u4e00-\u9fff]/);
    const second = await news.createArticle({ title: '标题', body: '<script>x</script><p></p>', status: 'scheduled', productSlugs: ['no-such-product'] });
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(Object.keys(second.errors).sort()).toEqual(['body', 'productSlugs', 'publishedAt']);
    expect(second.errors.productSlugs).toContain('no-such-product');
    expect(Number((await t.runtime.db('articles').count({ n: '*' }).first())!.n)).toBe(before);
  });

  it('when a slug is taken or a scheduled time is in the past, then those fields are refused', async () => {
    const taken = await news.createArticle({ title: '重复', slug: 'tail-light-modification-rules', body: '<p>a</p>', status: 'draft' });
    expect(taken).toEqual({ ok: false, errors: { slug: expect.stringMatching(/已被/) } });
    const past = await news.createArticle({ title: '过去', body: '<p>a</p>', status: 'scheduled', publishedAt: '2000-01-01 00:00:00' });
    expect(past).toEqual({ ok: false, errors: { publishedAt: expect.stringMatching(/晚于/) } });
    const badTime = await news.createArticle({ title: '时间', body: '<p>a</p>', status: 'published', publishedAt: '明天' });
    expect(badTime).toEqual({ ok: false, errors: { publishedAt: expect.stringMatching(/YYYY-MM-DD/) } });
  });

  it('when a body full of attacks is saved and shown, then none of it survives into the page', async () => {
    const res = await news.createArticle({ title: 'XSS 测试', slug: 'xss-probe', body: XSS_BODY, status: 'published', publishedAt: '2024-01-01 00:00:00' });
    expect(res.ok).toBe(true);
    const stored = (await t.runtime.db('articles').where({ slug: 'xss-probe' }).first('body')).body as string;
    const html = (await request(t.app).get('/news/xss-probe').set('User-Agent', BROWSER_UA).expect(200)).text;
    for (const text of [stored, html]) {
      for (const marker of ['s1', 's2', 's3', 's4', 's5', 's6', 's7']) expect(text).not.toContain(`'${marker}'`);
      expect(text).not.toMatch(/<script(?! type="application\/ld\+json"| src="\/static\/)/);
      expect(text).not.toMatch(/onerror|onload|javascript:|<iframe|<svg|data:text|<strong><\/strong>/i);
      expect(text).not.toContain('.s5{}');
    }
    expect(stored).toBe('<p>正文</p><img src="/media/x.jpg" /><p>点我</p><p>s7</p><p>安全段落</p>');
  });

  it('when an article is updated, then the change is indexed in its transaction; when deleted, then removal is too', async () => {
    const created = await news.createArticle({ title: '原标题', body: '<p>a</p>', status: 'published', publishedAt: '2024-02-02 10:00:00', tags: ['脚垫'] });
    if (!created.ok) throw new Error('fixture refused');
    const updated = await news.updateArticle(created.id, { title: '新标题', body: '<p>b</p>', status: 'published', publishedAt: '2024-02-02 10:00:00', tags: ['脚垫', 'TPE'] });
    expect(updated).toEqual({ ok: true, id: created.id, slug: created.slug });
    expect(indexer.events.at(-1)).toEqual({ kind: 'changed', id: created.id, inTransaction: true, title: '新标题' });
    expect(await news.deleteArticle(created.id)).toBe(true);
    expect(indexer.events.at(-1)).toEqual({ kind: 'removed', id: created.id, inTransaction: true, title: null });
    expect(await news.deleteArticle(created.id)).toBe(false);
    await request(t.app).get(`/news/${created.slug}`).expect(404);
    expect(await t.runtime.db('article_tags').where({ article_id: created.id }).first()).toBeUndefined();
  });

  it('when an article is unpublished back to draft, then search is told and gets no document', async () => {
    const created = await news.createArticle({ title: '将撤回', body: '<p>a</p>', status: 'published', publishedAt: '2024-03-03 10:00:00' });
    if (!created.ok) throw new Error('fixture refused');
    await news.updateArticle(created.id, { title: '将撤回', body: '<p>a</p>', status: 'draft' });
    expect(indexer.events.at(-1)).toEqual({ kind: 'changed', id: created.id, inTransaction: true, title: null });
  });

  it('when an article is previewed, then the rendered model comes back and nothing is saved', async () => {
    const before = Number((await t.runtime.db('articles').count({ n: '*' }).first())!.n);
    const preview = await news.previewArticle({ title: '预览', body: '<p>预览<script>x</script>正文</p>', status: 'draft', lang: 'en', tags: ['预览标签'] });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.article).toMatchObject({ id: null, title: '预览', bodyHtml: '<p>预览正文</p>', lang: 'en', viewsLabel: '点击:000' });
    expect(preview.article.tags.map((x) => x.name)).toEqual(['预览标签']);
    expect(Number((await t.runtime.db('articles').count({ n: '*' }).first())!.n)).toBe(before);
    expect(await t.runtime.db('tags').where({ name: '预览标签' }).first()).toBeUndefined();
  });

  it('when an unknown article is edited, then it says so', async () => {
    expect(await news.getArticleForEdit(999_999)).toBeNull();
    const res = await news.updateArticle(999_999, { title: 'x', body: '<p>x</p>' });
    expect(res.ok).toBe(false);
  });
});
