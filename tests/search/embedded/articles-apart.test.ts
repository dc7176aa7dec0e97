import type { SearchDocument } from '../../../src/search/search-engine';
import { embeddedSubject } from './embedded-subject';

/**
 * A product search reads its lists with the articles in and drops them itself (FTS5 excluding them
 * row by row cost a third of each read). Here the articles are the newest documents and match the
 * same words, so every list's first rows are articles.
 */
function doc(type: 'product' | 'article', id: number, title: string): SearchDocument {
  return {
    type, id, title, subtitle: '', body: '', url: type === 'product' ? `/p/apart-${id}` : `/news/apart-${id}`,
    price: type === 'product' ? 10 + (id % 50) : null, image: null, category: type === 'product' ? 'tail-lights' : null,
    categoryName: type === 'product' ? '尾灯' : null, tags: [], vehicles: type === 'product' && id % 2 === 0 ? [{ make: '宝骏', model: '730', yearFrom: 2014, yearTo: 2021 }] : [],
    universal: false, publishedAt: type === 'article' ? '2026-01-01T00:00:00Z' : null, createdAt: Date.UTC(2025, 0, 1) + (type === 'article' ? 1e9 : 0) + id,
  };
}

describe('product searches on an index whose newest documents are articles matching the same words', () => {
  let subject: Awaited<ReturnType<typeof embeddedSubject>>;
  const ARTICLES = 30;

  afterEach(async () => subject.teardown());

  it.each([
    ['more matches than are ranked (the broad path)', 1_200],
    ['fewer matches than are ranked (every match scored)', 300],
  ])('when there are %s, then no article is a hit or counted, and the products all are', async (_name, products) => {
    subject = await embeddedSubject();
    await subject.load([
      ...Array.from({ length: products }, (_, i) => doc('product', i + 1, `宝骏730 尾灯 apartword ${i}`)),
      ...Array.from({ length: ARTICLES }, (_, i) => doc('article', i + 1, `宝骏730 尾灯 apartword 新闻 ${i}`)),
    ]);
    for (const q of ['apartword', '宝骏730 尾灯', '尾灯 apartwrd']) {
      const r = await subject.engine.search({ q, type: 'product', sort: 'relevance', page: 1, perPage: 50 });
      expect(r.hits).toHaveLength(50);
      expect(r.hits.every((h) => h.type === 'product')).toBe(true);
      expect(r.totalHits).toBe(Math.min(products, 1000));
      const last = await subject.engine.search({ q, type: 'product', sort: 'relevance', page: Math.ceil(Math.min(products, 1000) / 50), perPage: 50 });
      expect(last.hits.length).toBeGreaterThan(0);
      expect(last.hits.every((h) => h.type === 'product')).toBe(true);
      // Counting only (no hits) counts the same documents, and its facets are those of the ranked matches.
      const counted = await subject.engine.search({ q, type: 'product', sort: 'relevance', page: 1, perPage: 0 });
      expect(counted.hits).toEqual([]);
      expect(counted.totalHits).toBe(r.totalHits);
      expect(counted.facetDistribution).toEqual(r.facetDistribution);
      const articles = await subject.engine.search({ q, type: 'article', sort: 'relevance', page: 1, perPage: 50 });
      expect(articles.totalHits).toBe(ARTICLES);
      const all = await subject.engine.search({ q, type: 'all', sort: 'relevance', page: 1, perPage: 50 });
      expect(all.totalHits).toBe(Math.min(products + ARTICLES, 1000));
    }
  });
});
