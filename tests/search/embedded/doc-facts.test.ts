import type { Knex } from 'knex';
import path from 'node:path';
import { createDb } from '../../../src/db/knex';
import { EmbeddedSearchEngine } from '../../../src/search/embedded';
import { DocFacts, modelKey } from '../../../src/search/embedded/doc-facts';
import { facetSql, toFacetDistribution } from '../../../src/search/embedded/sql-parts';
import type { SearchDocument, SearchQuery } from '../../../src/search/search-engine';
import { embeddedSubject, listSource } from './embedded-subject';

type Vehicle = SearchDocument['vehicles'][number];

const MAKES: Record<string, string[]> = { 特斯拉: ['Model 3', 'Model Y'], 哈弗: ['H6', 'H9', '大狗'], 五菱: ['宏光S', '宏光MINI'], 丰田: ['卡罗拉', 'RAV4'] };
const CATEGORIES = ['floor-mats', 'grilles', 'tail-lights', null];

/** A product with a spread of categories, prices and fitment rows (some with open year bounds). */
function product(id: number, extra: Partial<SearchDocument> = {}): SearchDocument {
  const makes = Object.keys(MAKES);
  const vehicles: Vehicle[] = [];
  for (let k = 0; k < id % 4; k++) {
    const make = makes[(id + k) % makes.length];
    const models = MAKES[make];
    vehicles.push({ make, model: models[(id * 7 + k) % models.length], yearFrom: k % 2 === 0 ? 2014 + (id % 8) : null, yearTo: id % 3 === 0 ? null : 2019 + (id % 5) });
  }
  const category = CATEGORIES[id % CATEGORIES.length];
  return {
    type: 'product', id, title: `测试配件${id} factsword`, subtitle: '', body: '', url: `/p/t-${id}`,
    price: id % 5 === 0 ? 0 : (id * 37) % 900, image: null, category, categoryName: category, tags: [], vehicles,
    universal: vehicles.length === 0, publishedAt: null, createdAt: Date.UTC(2025, 0, 1) + id, ...extra,
  };
}

async function allDocs(db: Knex): Promise<number[]> {
  return (await db('search_docs').orderBy('doc').pluck('doc')).map(Number);
}

/** The SQL fitment check the tiers replaced, as the reference: same model (folded) and a year range containing [from, to]. */
async function sqlTier(db: Knex, doc: number, models: string[], from: number | null, to: number | null): Promise<number> {
  const rows = await db.raw<{ model: string; year_from: number | null; year_to: number | null }[]>('SELECT model, year_from, year_to FROM search_vehicles WHERE doc = ?', [doc]);
  const exact = (await db.raw<{ n: number }[]>(
    `SELECT count(*) AS n FROM search_vehicles v WHERE v.doc = ? AND replace(replace(lower(v.model), ' ', ''), '-', '') IN (SELECT value FROM json_each(?))`,
    [doc, JSON.stringify(models)],
  ))[0].n > 0;
  const inYear = from === null || to === null ? rows.length > 0 : rows.some((r) => (r.year_from === null || r.year_from <= to) && (r.year_to === null || r.year_to >= from));
  return (exact ? 0 : 2) + (inYear ? 0 : 1);
}

describe('document facts held in memory', () => {
  let subject: Awaited<ReturnType<typeof embeddedSubject>>;
  let db: Knex;
  const raw = <T>(sql: string, bindings: readonly (string | number)[]) => db.raw(sql, [...bindings]) as unknown as Promise<T[]>;

  beforeEach(async () => {
    subject = await embeddedSubject();
    db = subject.db;
    await subject.load(Array.from({ length: 240 }, (_, i) => product(i + 1)));
  });
  afterEach(async () => subject.teardown());

  it('when facets are counted from memory, then they equal the SQL counts over the same documents', async () => {
    const facts = new DocFacts(raw);
    await facts.refresh();
    const docs = await allDocs(db);
    for (const subset of [docs, docs.filter((d) => d % 3 === 0), docs.slice(0, 7), []]) {
      const part = facetSql({ sql: 'SELECT value FROM json_each(?)', bindings: [JSON.stringify(subset)] });
      const sql = toFacetDistribution(await db.raw(part.sql, [...part.bindings]));
      const mine = facts.facets(subset);
      expect(mine).toEqual(sql);
      // Same key order as GROUP BY gave, so the JSON a client sees does not change.
      for (const facet of ['category', 'make', 'model', 'price']) expect(Object.keys(mine[facet])).toEqual(Object.keys(sql[facet]));
    }
  });

  it('when a vehicle is named, then every document gets the tier the SQL fitment check gives', async () => {
    const facts = new DocFacts(raw);
    await facts.refresh();
    const docs = await allDocs(db);
    const cases: [string[], number | null, number | null][] = [[['model3'], null, null], [['model3'], 2020, 2020], [['h6'], 2016, 2017], [['宏光s'], 2023, 2023], [['卡罗拉', 'rav4'], 2019, 2021]];
    for (const [models, from, to] of cases) {
      const fit = { models: new Set(models), yearFrom: from, yearTo: to };
      for (const doc of docs) expect([doc, facts.fitTier(doc, fit)]).toEqual([doc, await sqlTier(db, doc, models, from, to)]);
    }
    expect(modelKey('Model 3')).toBe('model3');
    expect(modelKey('CR-V')).toBe('crv');
  });

  it('when the newest document is removed and another indexed, then its number is not given again', async () => {
    const engine = subject.engine as EmbeddedSearchEngine;
    const before = await allDocs(db);
    const newest = before[before.length - 1];
    await db.transaction((trx) => engine.remove(trx, [{ type: 'product', id: 240 }]));
    await db.transaction((trx) => engine.index(trx, [product(500)]));
    const after = await allDocs(db);
    expect(after[after.length - 1]).toBe(newest + 1);
  });

  it('when another connection writes, then the facts catch up and facets and fitment see the new documents', async () => {
    const engine = subject.engine as EmbeddedSearchEngine;
    const query = (q: string): SearchQuery => ({ q, type: 'product', sort: 'relevance', page: 1, perPage: 5 });
    expect((await engine.search(query('lateword'))).totalHits).toBe(0);
    const other = createDb({ client: 'sqlite3', filename: path.join(subject.dir, 'test.sqlite') });
    try {
      const writer = new EmbeddedSearchEngine(other, listSource(() => []));
      const late = product(900, { title: '特斯拉Model 3 脚垫 lateword', category: 'late-mats', vehicles: [{ make: '特斯拉', model: 'Model 3', yearFrom: 2019, yearTo: 2023 }] });
      await other.transaction((trx) => writer.index(trx, [late, product(901, { title: '特斯拉Model Y 脚垫 lateword', category: 'late-mats', vehicles: [{ make: '特斯拉', model: 'Model Y', yearFrom: 2020, yearTo: 2024 }] })]));
    } finally {
      await other.destroy();
    }
    const r = await engine.search(query('特斯拉 model 3 lateword'));
    expect(r.facetDistribution.category).toEqual({ 'late-mats': 1 });
    expect(r.facetDistribution.model).toEqual({ 'Model 3': 1 });
    const both = await engine.search(query('特斯拉 lateword'));
    expect(both.facetDistribution.model).toEqual({ 'Model 3': 1, 'Model Y': 1 });
  });

  it('when the index is rebuilt, then facts are read afresh and nothing of the old documents counts', async () => {
    const engine = subject.engine as EmbeddedSearchEngine;
    expect((await engine.search({ q: 'factsword', type: 'product', sort: 'relevance', page: 1, perPage: 5 })).totalHits).toBe(240);
    const rebuilt = new EmbeddedSearchEngine(db, listSource(() => [product(7, { category: 'only-one' })]));
    await rebuilt.reindex();
    const r = await engine.search({ q: 'factsword', type: 'product', sort: 'relevance', page: 1, perPage: 5 });
    expect(r.totalHits).toBe(1);
    expect(r.facetDistribution.category).toEqual({ 'only-one': 1 });
    // Numbers continue past the old ones: an old number never names the new document.
    expect((await allDocs(db))[0]).toBeGreaterThan(240);
  });
  it('when a document is committed while a refresh is already reading, then ensure() still waits until it is held', async () => {
    let hold: Promise<void> | null = null;
    let release!: () => void;
    const gated = async <T>(sql: string, bindings: readonly (string | number)[]): Promise<T[]> => {
      const rows = await raw<T>(sql, bindings);
      // The first refresh's highest number is read before the commit below and answered after it.
      if (sql.includes('max(doc)') && !hold) {
        hold = new Promise<void>((r) => (release = r));
        await hold;
      }
      return rows;
    };
    const facts = new DocFacts(gated);
    const running = facts.refresh();
    while (!hold) await new Promise((r) => setTimeout(r, 5));
    const engine = subject.engine as EmbeddedSearchEngine;
    await db.transaction((trx) => engine.index(trx, [product(777, { category: 'late-arrival' })]));
    const newest = (await allDocs(db)).at(-1)!;
    const ensured = facts.ensure([newest]);
    release();
    await running;
    await ensured;
    expect(facts.upTo).toBeGreaterThanOrEqual(newest);
    expect(facts.facets([newest]).category).toEqual({ 'late-arrival': 1 });
  });

  it('when a rebuild fails half-way, then nothing of it is left and the old index still answers', async () => {
    const engine = subject.engine as EmbeddedSearchEngine;
    const before = await allDocs(db);
    const failing = new EmbeddedSearchEngine(db, {
      count: async () => 500,
      batches: async function* () {
        yield Array.from({ length: 100 }, (_, i) => product(5000 + i, { title: `半途 halfwayword ${i}` }));
        yield Array.from({ length: 100 }, (_, i) => product(6000 + i, { title: `半途 halfwayword ${i}` }));
        throw new Error('source broke');
      },
    });
    await expect(failing.reindex(undefined, { workerFrom: 0 })).rejects.toThrow('source broke');
    expect(await allDocs(db)).toEqual(before);
    expect((await engine.search({ q: 'halfwayword', type: 'product', sort: 'relevance', page: 1, perPage: 5 })).totalHits).toBe(0);
    expect((await engine.search({ q: 'factsword', type: 'product', sort: 'relevance', page: 1, perPage: 5 })).totalHits).toBe(240);
  });
});
