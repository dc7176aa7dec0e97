import type { SearchEngine, SearchQuery } from '../../../src/search/search-engine';
import { searchAllProductsFirst } from '../../../src/search/products-first';
import { FIXTURE_DOCUMENTS } from '../../fixtures/search-documents';
import { embeddedSubject } from '../../search/embedded/embedded-subject';

describe('type=all on the embedded engine: what it asks the engine for', () => {
  let subject: Awaited<ReturnType<typeof embeddedSubject>>;
  beforeAll(async () => {
    subject = await embeddedSubject();
    await subject.load(FIXTURE_DOCUMENTS);
  });
  afterAll(async () => subject.teardown());

  /** The real engine, with every query it receives written down. */
  function recorded(): { engine: SearchEngine; asked: SearchQuery[] } {
    const asked: SearchQuery[] = [];
    const engine = Object.assign(Object.create(subject.engine) as SearchEngine, {
      search: (q: SearchQuery) => {
        asked.push(q);
        return subject.engine.search(q);
      },
    });
    return { engine, asked };
  }

  it('when products fill the page, then articles are only counted (no hits asked for), and the total still has them', async () => {
    const { engine, asked } = recorded();
    const query: SearchQuery = { q: '宝骏', type: 'all', sort: 'relevance', page: 1, perPage: 1 };
    const r = await searchAllProductsFirst(engine, query);
    const articles = asked.find((q) => q.type === 'article');
    expect(articles?.perPage).toBe(0);
    const products = await subject.engine.search({ ...query, type: 'product' });
    const allArticles = await subject.engine.search({ ...query, type: 'article', perPage: 50 });
    expect(allArticles.totalHits).toBeGreaterThan(0);
    expect(r.totalHits).toBe(products.totalHits + allArticles.totalHits);
    expect(r.hits.map((h) => h.type)).toEqual(['product']);
  });

  it('when the page reaches past the products, then a full page of articles is asked for and shown', async () => {
    const { engine, asked } = recorded();
    const r = await searchAllProductsFirst(engine, { q: '宝骏', type: 'all', sort: 'relevance', page: 1, perPage: 50 });
    // The count asked for alongside the products, then the page of articles.
    expect(asked.filter((q) => q.type === 'article').map((q) => q.perPage)).toEqual([0, 50]);
    expect(r.hits.some((h) => h.type === 'article')).toBe(true);
  });

  it('when the page reaches past the products but no article matches, then the count alone answers for the articles', async () => {
    const { engine, asked } = recorded();
    const query: SearchQuery = { q: '充电器', type: 'all', sort: 'relevance', page: 1, perPage: 50 };
    const r = await searchAllProductsFirst(engine, query);
    expect(asked.filter((q) => q.type === 'article').map((q) => q.perPage)).toEqual([0]);
    const products = await subject.engine.search({ ...query, type: 'product' });
    expect(products.totalHits).toBeGreaterThan(0);
    expect(r.totalHits).toBe(products.totalHits);
    expect(r.hits.map((h) => h.id)).toEqual(products.hits.map((h) => h.id));
  });

  it('when counting the articles fails but the page needs them, then the page search answers, total included', async () => {
    const asked: SearchQuery[] = [];
    const engine = Object.assign(Object.create(subject.engine) as SearchEngine, {
      search: (q: SearchQuery) => {
        asked.push(q);
        return q.type === 'article' && q.perPage === 0 ? Promise.reject(new Error('count failed')) : subject.engine.search(q);
      },
    });
    const r = await searchAllProductsFirst(engine, { q: '宝骏', type: 'all', sort: 'relevance', page: 1, perPage: 50 });
    const articles = await subject.engine.search({ q: '宝骏', type: 'article', sort: 'relevance', page: 1, perPage: 50 });
    const products = await subject.engine.search({ q: '宝骏', type: 'product', sort: 'relevance', page: 1, perPage: 50 });
    expect(articles.totalHits).toBeGreaterThan(0);
    expect(r.totalHits).toBe(products.totalHits + articles.totalHits);
    expect(r.hits.filter((h) => h.type === 'article').length).toBe(articles.totalHits);
  });
});
