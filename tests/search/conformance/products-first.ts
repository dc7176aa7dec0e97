import type { SearchEngine, SearchHit, SearchQuery } from '../../../src/search/search-engine';
import { searchProductsAndArticles, withProductsFirst } from '../../../src/search/products-first';
import { FIXTURE_DOCUMENTS, FIXTURE_IDS } from '../../fixtures/search-documents';
import type { ConformanceSubject } from './conformance';

const key = (h: SearchHit) => `${h.type}:${h.id}`;

function query(partial: Partial<SearchQuery>): SearchQuery {
  return { q: '', type: 'all', sort: 'relevance', page: 1, perPage: 20, ...partial };
}

/**
 * Products first (issue 11 item 6), through the port only: whatever the engine, `type=all` is
 * every matching product, then every matching article, paginated as one list.
 */
export function describeProductsFirst(engineName: string, setup: () => Promise<ConformanceSubject>): void {
  describe(`${engineName}: products first`, () => {
    let subject: ConformanceSubject;
    let raw: SearchEngine;
    let engine: SearchEngine;

    beforeAll(async () => {
      subject = await setup();
      raw = subject.engine;
      engine = withProductsFirst(raw);
      await subject.load(FIXTURE_DOCUMENTS);
    });
    afterAll(async () => subject?.teardown());

    it.each(['宝骏', '尾灯', '宝骏730 尾灯', '中网'])('when searching %s in everything, then every product comes before the first article', async (q) => {
      const all = await engine.search(query({ q, perPage: 50 }));
      const types = all.hits.map((h) => h.type);
      expect(types).toContain('product');
      expect(types).toContain('article');
      expect(types.indexOf('article')).toBe(types.lastIndexOf('product') + 1);
      const products = await raw.search(query({ q, type: 'product', perPage: 50 }));
      const articles = await raw.search(query({ q, type: 'article', perPage: 50 }));
      expect(all.hits.map(key)).toEqual([...products.hits, ...articles.hits].map(key));
      expect(all.totalHits).toBe(products.totalHits + articles.totalHits);
      expect(all.facetDistribution).toEqual(products.facetDistribution);
      expect(all).toEqual(expect.objectContaining({ query: q, engine: raw.name, page: 1, hitsPerPage: 50 }));
    });

    it('when an article names the query in its title and a product too, then the product still ranks first', async () => {
      // Article 2's title is "宝骏新款730上市，尾灯造型更新": an exact title match, yet page 1 of one hit is a product.
      const first = await engine.search(query({ q: '尾灯', perPage: 1 }));
      expect(first.hits).toEqual([expect.objectContaining({ type: 'product' })]);
      const withArticles = await raw.search(query({ q: '尾灯', type: 'article' }));
      expect(withArticles.hits.map((h) => h.id)).toContain(FIXTURE_IDS.baojunNews);
    });

    it('when paging through everything in small pages, then the pages are disjoint, complete and cross from products to articles', async () => {
      for (const perPage of [2, 3, 4]) {
        const whole = await engine.search(query({ q: '宝骏', perPage: 50 }));
        const seen: string[] = [];
        for (let page = 1; page <= Math.ceil(whole.totalHits / perPage) + 1; page++) {
          const r = await engine.search(query({ q: '宝骏', perPage, page }));
          expect(r.hits.length).toBeLessThanOrEqual(perPage);
          expect(r.totalHits).toBe(whole.totalHits);
          seen.push(...r.hits.map(key));
        }
        expect(seen).toEqual(whole.hits.map(key));
      }
    });

    it('when browsing without a query, then products come first there too', async () => {
      const all = await engine.search(query({ perPage: 50 }));
      const types = all.hits.map((h) => h.type);
      expect(types.indexOf('article')).toBe(FIXTURE_DOCUMENTS.filter((d) => d.type === 'product').length);
      expect(all.totalHits).toBe(FIXTURE_DOCUMENTS.length);
    });

    it('when only one type is asked for, then the answer is the engine\'s own', async () => {
      for (const type of ['product', 'article'] as const) {
        const r = await engine.search(query({ q: '宝骏', type }));
        expect(r.hits.map(key)).toEqual((await raw.search(query({ q: '宝骏', type }))).hits.map(key));
      }
    });

    it('when the page asks for products and an article block, then both lists come back apart', async () => {
      const both = await searchProductsAndArticles(raw, query({ q: '宝骏' }), 1);
      expect(both.products.hits.every((h) => h.type === 'product')).toBe(true);
      expect(both.articles.hits).toEqual([expect.objectContaining({ type: 'article' })]);
      expect(both.articles.totalHits).toBeGreaterThanOrEqual(1);
    });
  });
}
