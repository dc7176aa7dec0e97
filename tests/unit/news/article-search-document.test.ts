import { articlesBecomingVisible, listPublishedArticleIds, loadArticleDocument } from '../../../src/news';
import { createTestApp, type TestApp } from '../../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('search documents of articles', () => {
  it('when the Yonhap story is loaded, then its document has plain text, its URL and a +08:00 publish time', async () => {
    const { id } = await t.runtime.db('articles').where({ slug: 'kim-putin-exchange-messages-liberation-anniversary' }).first('id');
    const doc = await loadArticleDocument(t.runtime.db, id);
    expect(doc).not.toBeNull();
    expect(doc!.type).toBe('article');
    expect(doc!.url).toBe('/news/kim-putin-exchange-messages-liberation-anniversary');
    expect(doc!.publishedAt).toBe('2024-09-21T05:32:44+08:00');
    expect(doc!.createdAt).toBe(Date.UTC(2024, 8, 20, 21, 32, 44));
    expect(doc!.body).not.toMatch(/<|&#39;|&#34;|&amp;/);
    expect(doc!.body).toContain("Japan's colonial rule");
    expect(doc!.body).toContain('"forged in blood in the struggle against the common enemy"');
    expect(doc!.body.split('\n')).toHaveLength(7);
    expect(doc!.tags).toEqual(['国际新闻', '朝鲜半岛']);
    expect(doc!.image).toMatch(/^\/media\/news\/.+\.jpg$/);
    expect(doc!.price).toBeNull();
  });

  it('when all published ids are listed, then every seeded article is there', async () => {
    const ids = await listPublishedArticleIds(t.runtime.db);
    const all = (await t.runtime.db('articles').select('id')).map((r: { id: number }) => r.id);
    expect([...ids].sort((a, b) => a - b)).toEqual([...all].sort((a, b) => a - b));
  });

  it('when an unknown id is loaded, then null', async () => {
    expect(await loadArticleDocument(t.runtime.db, 987_654)).toBeNull();
  });

  it('when asking which articles went live in a window, then only those published inside it are returned', async () => {
    const { id } = await t.runtime.db('articles').where({ slug: 'kim-putin-exchange-messages-liberation-anniversary' }).first('id');
    const at = Date.UTC(2024, 8, 20, 21, 32, 44);
    expect(await articlesBecomingVisible(t.runtime.db, new Date(at - 1000), new Date(at))).toEqual([id]);
    expect(await articlesBecomingVisible(t.runtime.db, new Date(at), new Date(at + 1000))).toEqual([]);
  });
});
