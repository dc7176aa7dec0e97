import fc from 'fast-check';
import type { Knex } from 'knex';
import type { SearchDocument, SearchEngine, SearchQuery, SearchResult } from '../../../src/search/search-engine';
import { FIXTURE_DOCUMENTS, FIXTURE_IDS } from '../../fixtures/search-documents';
import { RELEVANCE_CASES } from './relevance-cases';

export interface ConformanceSubject {
  readonly engine: SearchEngine;
  readonly db: Knex;
  /** Makes `docs` searchable the way the application would (index in a transaction, then sync). */
  load(docs: readonly SearchDocument[]): Promise<void>;
  teardown(): Promise<void>;
}

const key = (type: string, id: number) => `${type}:${id}`;
const fixtureByKey = new Map(FIXTURE_DOCUMENTS.map((d) => [key(d.type, d.id), d]));
const products = FIXTURE_DOCUMENTS.filter((d) => d.type === 'product');

function query(partial: Partial<SearchQuery>): SearchQuery {
  return { q: '', type: 'all', sort: 'relevance', page: 1, perPage: 20, ...partial };
}

function docsOf(result: SearchResult): SearchDocument[] {
  return result.hits.map((h) => {
    const doc = fixtureByKey.get(key(h.type, h.id));
    if (!doc) throw new Error(`hit ${key(h.type, h.id)} is not a fixture document`);
    return doc;
  });
}

function countBy(docs: readonly SearchDocument[], value: (d: SearchDocument) => readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of docs) for (const v of new Set(value(d))) out[v] = (out[v] ?? 0) + 1;
  return out;
}

/** Only `<mark>` and `</mark>` may appear as tags; everything else must be escaped. */
function expectOnlyMarks(html: string): void {
  expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
}

/**
 * Behaviour every SearchEngine must show on the fixture set, whatever it runs on. It only talks to
 * the port (and `load`), never to an engine's tables, so the Meilisearch adapter runs it too.
 */
export function describeConformance(engineName: string, setup: () => Promise<ConformanceSubject>): void {
  describe(`${engineName} search conformance`, () => {
    let subject: ConformanceSubject;
    let engine: SearchEngine;
    const search = (partial: Partial<SearchQuery>) => engine.search(query(partial));

    beforeAll(async () => {
      subject = await setup();
      engine = subject.engine;
      await subject.load(FIXTURE_DOCUMENTS);
    });
    afterAll(async () => subject?.teardown());

    describe('shape', () => {
      it('when searching, then the response has the /api/search shape', async () => {
        const r = await search({ q: '尾灯' });
        expect(r).toEqual(expect.objectContaining({ query: '尾灯', engine: engine.name, page: 1, hitsPerPage: 20 }));
        expect(typeof r.totalHits).toBe('number');
        expect(typeof r.processingTimeMs).toBe('number');
        expect(Object.keys(r.facetDistribution)).toEqual(expect.arrayContaining(['category', 'make', 'model', 'price']));
        const hit = r.hits.find((h) => h.type === 'product' && h.id === FIXTURE_IDS.tailLight);
        expect(hit).toEqual(expect.objectContaining({ title: fixtureByKey.get(key('product', 5))?.title, url: '/p/product-5', price: 168, image: '/media/products/5/thumb.webp' }));
        expect(hit?.fits === null || typeof hit?.fits === 'boolean').toBe(true);
      });

      it('when an article matches, then its hit carries publishedAt and no price', async () => {
        const r = await search({ q: 'Putin' });
        const hit = r.hits.find((h) => h.type === 'article');
        expect(hit).toEqual(expect.objectContaining({ id: FIXTURE_IDS.yonhap, publishedAt: '2024-09-21T05:32:44+08:00', url: '/news/kim-putin-exchange-messages' }));
        expect(hit?.price).toBeUndefined();
      });
    });

    describe('filters', () => {
      it('when type is product or article, then only that type comes back', async () => {
        for (const type of ['product', 'article'] as const) {
          const r = await search({ q: '宝骏', type });
          expect(r.hits.length).toBeGreaterThan(0);
          expect(r.hits.every((h) => h.type === type)).toBe(true);
        }
        const all = await search({ q: '宝骏' });
        expect(new Set(all.hits.map((h) => h.type))).toEqual(new Set(['product', 'article']));
      });

      it('when a category is given, then every hit is in it', async () => {
        const r = await search({ category: 'lighting', perPage: 50 });
        expect(docsOf(r).map((d) => d.category)).toEqual(products.filter((d) => d.category === 'lighting').map(() => 'lighting'));
      });

      it('when make, model and year are given, then one vehicle must fit all three', async () => {
        const expected = (make: string, model?: string, year?: number) =>
          products.filter((d) => d.vehicles.some((v) => v.make === make && (model === undefined || v.model === model) &&
            (year === undefined || ((v.yearFrom ?? -Infinity) <= year && (v.yearTo ?? Infinity) >= year)))).map((d) => d.id).sort();
        const ids = async (p: Partial<SearchQuery>) => docsOf(await search({ ...p, perPage: 50 })).map((d) => d.id).sort();
        expect(await ids({ make: '宝骏' })).toEqual(expected('宝骏'));
        expect(await ids({ make: '宝骏', model: '730', year: 2015 })).toEqual(expected('宝骏', '730', 2015));
        expect(await ids({ make: '宝骏', model: '730', year: 2015 })).toContain(FIXTURE_IDS.tailLight);
        expect(await ids({ make: '宝骏', model: '730', year: 2013 })).not.toContain(FIXTURE_IDS.tailLight);
        expect(await ids({ make: '本田', year: 2030 })).toEqual(expected('本田', undefined, 2030));
      });

      it('when a price range is given in yuan, then prices are inside it and articles are left out', async () => {
        const r = await search({ priceMin: 40, priceMax: 168, perPage: 50 });
        const inRange = products.filter((d) => (d.price ?? 0) >= 40 && (d.price ?? 0) <= 168);
        expect(r.totalHits).toBe(inRange.length);
        expect(r.hits.every((h) => h.type === 'product' && (h.price ?? 0) >= 40 && (h.price ?? 0) <= 168)).toBe(true);
      });
    });

    describe('facets', () => {
      it('when browsing everything, then facet counts equal the fixture counts', async () => {
        const r = await search({ perPage: 1 });
        expect(r.totalHits).toBe(FIXTURE_DOCUMENTS.length);
        expect(r.facetDistribution.category).toEqual(countBy(products, (d) => (d.category ? [d.category] : [])));
        expect(r.facetDistribution.make).toEqual(countBy(products, (d) => d.vehicles.map((v) => v.make)));
        expect(r.facetDistribution.model).toEqual(countBy(products, (d) => d.vehicles.map((v) => v.model)));
        const priced = Object.values(r.facetDistribution.price).reduce((a, b) => a + b, 0);
        expect(priced).toBe(products.length);
      });

      it('when a query matches, then facets describe exactly its matches', async () => {
        const r = await search({ q: '尾灯', perPage: 50 });
        const matched = docsOf(r);
        expect(r.facetDistribution.category).toEqual(countBy(matched, (d) => (d.category ? [d.category] : [])));
        expect(r.facetDistribution.make).toEqual(countBy(matched, (d) => d.vehicles.map((v) => v.make)));
        expect(r.facetDistribution.make['宝骏']).toBeGreaterThan(0);
      });
    });

    describe('sort and pagination', () => {
      it('when sorting by price, then prices are ordered both ways', async () => {
        const asc = (await search({ type: 'product', sort: 'price_asc', perPage: 50 })).hits.map((h) => h.price ?? 0);
        const desc = (await search({ q: '宝骏', type: 'product', sort: 'price_desc', perPage: 50 })).hits.map((h) => h.price ?? 0);
        expect(asc).toEqual([...asc].sort((a, b) => a - b));
        expect(desc).toEqual([...desc].sort((a, b) => b - a));
        expect(asc.length).toBe(products.length);
      });

      it('when sorting by newest or browsing by relevance, then the newest come first', async () => {
        for (const sort of ['newest', 'relevance'] as const) {
          const created = docsOf(await search({ sort, perPage: 50 })).map((d) => d.createdAt);
          expect(created).toEqual([...created].sort((a, b) => b - a));
        }
      });

      it('when paging, then pages are disjoint, complete and stop at the end', async () => {
        const seen = new Set<string>();
        const pages = Math.ceil(FIXTURE_DOCUMENTS.length / 5);
        for (let page = 1; page <= pages; page++) {
          const r = await search({ perPage: 5, page });
          expect(r.page).toBe(page);
          for (const h of r.hits) seen.add(key(h.type, h.id));
        }
        expect(seen.size).toBe(FIXTURE_DOCUMENTS.length);
        expect((await search({ perPage: 5, page: pages + 1 })).hits).toEqual([]);
        const q = await search({ q: '宝骏', perPage: 2, page: 2 });
        expect(q.hits.length).toBeLessThanOrEqual(2);
        expect(q.totalHits).toBeGreaterThan(2);
      });

      it('when no hits are asked for (per page 0), then only the total and facets come back, the same as with a page of hits', async () => {
        for (const partial of [{ q: '宝骏' }, { q: '尾灯', type: 'article' as const }, { q: '尾登' }, { category: 'grille' }]) {
          const counted = await search({ ...partial, perPage: 0 });
          const paged = await search({ ...partial, perPage: 50 });
          expect(counted.hits).toEqual([]);
          expect(counted.totalHits).toBe(paged.totalHits);
          expect(counted.facetDistribution).toEqual(paged.facetDistribution);
        }
        expect((await search({ q: '宝骏', perPage: 0 })).totalHits).toBeGreaterThan(0);
      });
    });

    describe('highlights', () => {
      it('when a title holds HTML, then _formatted escapes it and only adds marks', async () => {
        const r = await search({ q: '拉花 script' });
        const hit = r.hits.find((h) => h.id === FIXTURE_IDS.scriptTitle && h.type === 'product');
        expect(hit?._formatted.title).toContain('&lt;');
        expect(hit?._formatted.title).toContain('<mark>拉花</mark>');
        for (const h of r.hits) for (const v of Object.values(h._formatted)) expectOnlyMarks(v ?? '');
      });

      it('when a traditional query matches, then the matched words are marked', async () => {
        const r = await search({ q: '尾燈' });
        const hit = r.hits.find((h) => h.id === FIXTURE_IDS.tailLight && h.type === 'product');
        expect(hit?._formatted.title).toContain('<mark>尾灯</mark>');
        const article = (await search({ q: 'vladivostok' })).hits.find((h) => h.type === 'article');
        expect(article?._formatted.body).toContain('<mark>Vladivostok</mark>');
      });
    });

    describe('query syntax', () => {
      const nasty = ['"', '"尾灯', '-尾灯', 'AND', '尾灯 AND OR NOT', '*', 'vladi*', '(', ')(', '{title}:x', 'NEAR(a b)', '😀🚗', '\u0000', "'; DROP TABLE x; --", '尾'.repeat(200), 'a'.repeat(200), '^$%&', '宝骏 -730 +"尾灯"'];
      it.each(nasty)('when q is %p, then the search answers normally', async (q) => {
        const r = await search({ q });
        expect(Array.isArray(r.hits)).toBe(true);
        expect(typeof r.totalHits).toBe('number');
        await expect(engine.suggest(q, 5)).resolves.toEqual(expect.any(Array));
        if (engine.suggestProducts) await expect(engine.suggestProducts(q, 5)).resolves.toEqual(expect.any(Array));
      });

      it('when q is any random string, then search never throws', async () => {
        await fc.assert(fc.asyncProperty(fc.string({ maxLength: 40, unit: 'grapheme' }), async (q) => {
          const r = await search({ q });
          expect(r.totalHits).toBeGreaterThanOrEqual(0);
        }), { numRuns: 60 });
      });
    });

    describe('relevance', () => {
      it.each(RELEVANCE_CASES)('when searching $q, then $expect is found', async ({ q, type, id, within }) => {
        const r = await search({ q });
        const rank = r.hits.findIndex((h) => h.type === type && h.id === id);
        expect(rank).toBeGreaterThanOrEqual(0);
        if (within !== undefined) expect(rank).toBeLessThan(within);
      });

      it('when a query has no match, then nothing is returned', async () => {
        const r = await search({ q: 'zzqxj' });
        expect(r.hits).toEqual([]);
        expect(r.totalHits).toBe(0);
      });
    });

    describe('suggest', () => {
      it('when typing a pinyin prefix, then the product is suggested with its image', async () => {
        const s = await engine.suggest('baoj', 8);
        const hit = s.find((x) => x.url === '/p/product-5');
        expect(hit).toEqual(expect.objectContaining({ type: 'product', image: '/media/products/5/thumb.webp' }));
        expect(s.length).toBeLessThanOrEqual(8);
        for (const x of s) expectOnlyMarks(x._formatted.title);
      });

      it('when typing an English prefix, then the article is suggested', async () => {
        const s = await engine.suggest('vladi', 5);
        expect(s.some((x) => x.type === 'article' && x.url === '/news/kim-putin-exchange-messages')).toBe(true);
      });

      it('when the query is empty, then there are no suggestions', async () => {
        expect(await engine.suggest('  ', 5)).toEqual([]);
      });
    });
  });
}
