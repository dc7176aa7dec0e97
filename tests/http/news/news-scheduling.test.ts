import request from 'supertest';
import { createNewsService, articlesBecomingVisible, listPublishedArticleIds, loadArticleDocument } from '../../../src/news';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { BROWSER_UA } from './news-test-helpers';

let t: TestApp;
let scheduledId: number;
let draftId: number;

const FUTURE = '2999-01-01 08:00:00';

beforeAll(async () => {
  t = await createTestApp();
  const scheduled = await t.runtime.news.createArticle({
    title: '定时发布：新款尾灯总成到货预告', slug: 'scheduled-tail-light-preview', body: '<p>下个月到货。</p>',
    status: 'scheduled', publishedAt: FUTURE, tags: ['未来标签'], productSlugs: ['baojun-730-tail-light-assembly'],
  });
  const draft = await t.runtime.news.createArticle({ title: '草稿：还没写完', slug: 'draft-not-finished', body: '<p>草稿</p>', status: 'draft', tags: ['尾灯'] });
  if (!scheduled.ok || !draft.ok) throw new Error('fixture articles were refused');
  scheduledId = scheduled.id;
  draftId = draft.id;
});
afterAll(async () => t.close());

describe('scheduled and draft articles are invisible until their time', () => {
  it.each([['scheduled-tail-light-preview'], ['draft-not-finished']])('when /news/%s is opened, then 404 and no view is counted', async (slug) => {
    await request(t.app).get(`/news/${slug}`).set('User-Agent', BROWSER_UA).expect(404);
    const row = await t.runtime.db('articles').where({ slug }).first('views');
    expect(Number(row.views)).toBe(0);
  });

  it('when the list, home, feed and sitemap are fetched, then neither appears', async () => {
    for (const url of ['/news', '/news?page=2', '/', '/news/feed.xml', '/sitemap.xml']) {
      const res = await request(t.app).get(url);
      expect([url, res.status]).toEqual([url, 200]);
      expect([url, res.text.includes('scheduled-tail-light-preview')]).toEqual([url, false]);
      expect([url, res.text.includes('draft-not-finished')]).toEqual([url, false]);
    }
  });

  it('when the tag only a scheduled article carries is opened, then 404', async () => {
    const tag = await t.runtime.db('tags').where({ name: '未来标签' }).first('slug');
    await request(t.app).get(`/news/tag/${tag.slug}`).expect(404);
  });

  it('when the hand-picked product is opened, then the scheduled article is not among its related articles', async () => {
    const res = await request(t.app).get('/p/baojun-730-tail-light-assembly').expect(200);
    expect(res.text).not.toContain('scheduled-tail-light-preview');
  });

  it('when search asks for the documents, then neither is indexable yet', async () => {
    expect(await loadArticleDocument(t.runtime.db, scheduledId)).toBeNull();
    expect(await loadArticleDocument(t.runtime.db, draftId)).toBeNull();
    const ids = await listPublishedArticleIds(t.runtime.db);
    expect(ids).not.toContain(scheduledId);
    expect(ids).not.toContain(draftId);
  });

  it('when the clock passes the scheduled time, then the article is visible and reported as becoming visible', async () => {
    const due = new Date('2999-01-01T00:00:00Z');
    const after = new Date(due.getTime() + 60_000);
    const later = createNewsService(t.runtime.db, { catalog: t.runtime.catalog, indexer: t.runtime.indexer, now: () => after });
    const page = await later.page('scheduled-tail-light-preview');
    expect(page.article.published?.display).toBe(FUTURE);
    expect((await later.list({ page: 1 })).items[0].url).toBe('/news/scheduled-tail-light-preview');
    expect(await articlesBecomingVisible(t.runtime.db, new Date(due.getTime() - 60_000), after)).toEqual([scheduledId]);
    expect(await articlesBecomingVisible(t.runtime.db, after, new Date(after.getTime() + 60_000))).toEqual([]);
    const doc = await loadArticleDocument(t.runtime.db, scheduledId, after);
    expect(doc).toMatchObject({ type: 'article', id: scheduledId, url: '/news/scheduled-tail-light-preview', publishedAt: '2999-01-01T08:00:00+08:00', body: '下个月到货。' });
    // The draft never becomes visible by time alone.
    expect(await loadArticleDocument(t.runtime.db, draftId, after)).toBeNull();
  });
});
