import type { Knex } from 'knex';
import type { SearchDocument, SearchQuery } from '../../../src/search/search-engine';
import { EmbeddedSearchEngine } from '../../../src/search/embedded';
import { facetToken } from '../../../src/search/embedded/sql-parts';
import { FIXTURE_DOCUMENTS } from '../../fixtures/search-documents';
import { embeddedSubject, listSource } from './embedded-subject';

const q = (text: string): SearchQuery => ({ q: text, type: 'all', sort: 'relevance', page: 1, perPage: 20 });

function doc(id: number, title: string): SearchDocument {
  return { ...FIXTURE_DOCUMENTS[0], id, title, url: `/p/x-${id}`, createdAt: Date.UTC(2025, 0, id) };
}

describe('embedded search engine', () => {
  let subject: Awaited<ReturnType<typeof embeddedSubject>>;
  let db: Knex;
  let engine: EmbeddedSearchEngine;

  beforeEach(async () => {
    subject = await embeddedSubject();
    db = subject.db;
    engine = subject.engine as EmbeddedSearchEngine;
  });
  afterEach(async () => subject.teardown());

  it('when a query is a filter token of the facets column, or starts like one, then it matches no document through that column', async () => {
    await subject.load(FIXTURE_DOCUMENTS);
    const tokens = [facetToken('type', 'product'), facetToken('type', 'article'), facetToken('category', FIXTURE_DOCUMENTS[0].category ?? 'sticker')];
    for (const text of [...tokens, tokens[0].slice(0, 2), tokens[2].slice(0, 5), `${tokens[1]} x`]) {
      for (const type of ['all', 'product', 'article'] as const) {
        const r = await engine.search({ ...q(text), type });
        expect({ text, type, totalHits: r.totalHits }).toEqual({ text, type, totalHits: 0 });
      }
    }
    // With a word that matches, the token is a word that matches nothing (and is dropped).
    const alone = await engine.search(q('尾灯'));
    expect(alone.totalHits).toBeGreaterThan(0);
    expect((await engine.search(q(`尾灯 ${tokens[0]}`))).hits.map((h) => h.id)).toEqual(alone.hits.map((h) => h.id));
    // A word starting with x that is the catalogue's own (a model code) still matches.
    await db.transaction((trx) => engine.index(trx, [doc(950, '宝马X5 尾灯 xenonlamp')]));
    expect((await engine.search(q('xenonlamp'))).hits.map((h) => h.id)).toEqual([950]);
    expect((await engine.search(q('xenonla'))).hits.map((h) => h.id)).toEqual([950]);
  });

  it('when indexing inside a transaction that rolls back, then the document is never searchable', async () => {
    await expect(
      db.transaction(async (trx) => {
        await engine.index(trx, [doc(900, '蜂窝中网 rollbackonly')]);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect((await engine.search(q('rollbackonly'))).hits).toEqual([]);
  });

  it('when the transaction commits, then the document is searchable', async () => {
    await db.transaction((trx) => engine.index(trx, [doc(901, '蜂窝中网 committed')]));
    expect((await engine.search(q('committed'))).hits.map((h) => h.id)).toEqual([901]);
  });

  it('when a document is indexed again, then the old text no longer matches', async () => {
    await db.transaction((trx) => engine.index(trx, [doc(902, '旧标题 oldtitle')]));
    await db.transaction((trx) => engine.index(trx, [doc(902, '新标题 newtitle')]));
    expect((await engine.search(q('oldtitle'))).hits).toEqual([]);
    expect((await engine.search(q('newtitle'))).hits.map((h) => h.id)).toEqual([902]);
    expect((await engine.search(q(''))).totalHits).toBe(1);
  });

  it('when a document is removed, then it is gone from results and facets', async () => {
    await db.transaction((trx) => engine.index(trx, [doc(903, '尾灯 removeme')]));
    await db.transaction((trx) => engine.remove(trx, [{ type: 'product', id: 903 }]));
    const r = await engine.search(q('removeme'));
    expect(r.hits).toEqual([]);
    expect((await engine.search(q(''))).facetDistribution.category).toEqual({});
  });

  it('when reindexing, then the index equals the source and progress reaches the total', async () => {
    await db.transaction((trx) => engine.index(trx, [doc(904, 'obsoletexyz entry')]));
    const rebuilt = new EmbeddedSearchEngine(db, listSource(() => FIXTURE_DOCUMENTS, 7));
    const progress: [number, number][] = [];
    await rebuilt.reindex((done, total) => progress.push([done, total]));
    expect(progress[progress.length - 1]).toEqual([FIXTURE_DOCUMENTS.length, FIXTURE_DOCUMENTS.length]);
    expect((await rebuilt.search(q('obsoletexyz'))).hits).toEqual([]);
    expect((await rebuilt.search(q(''))).totalHits).toBe(FIXTURE_DOCUMENTS.length);
    expect((await rebuilt.search(q('baojun'))).totalHits).toBeGreaterThan(0);
  });

  it('when products are suggested, then every word must match, title matches come first, fitting the vehicle named first, newest first inside, articles never', async () => {
    const article = FIXTURE_DOCUMENTS.find((d) => d.type === 'article')!;
    const fits = (model: string) => [{ make: '宝骏', model, yearFrom: null, yearTo: null }];
    await db.transaction((trx) => engine.index(trx, [
      { ...doc(909, '宝骏730 尾灯 oldest'), vehicles: fits('730') },
      doc(910, '宝骏730 尾灯 older'),
      { ...doc(911, '通用 尾灯 newer'), body: '适用 宝骏730' },
      doc(912, '宝骏730 脚垫 newest'),
      { ...doc(913, '宝骏730 尾灯 latest'), vehicles: fits('730W') },
      { ...article, title: '宝骏730 尾灯 新闻' },
    ]));
    const urls = async (text: string, limit: number) => (await engine.suggestProducts(text, limit)).map((s) => s.url);
    expect(await urls('宝骏730 尾灯', 5)).toEqual(['/p/x-909', '/p/x-913', '/p/x-910', '/p/x-911']);
    expect(await urls('宝骏730 尾灯', 1)).toEqual(['/p/x-909']);
    expect(await urls('通用 尾灯', 5)).toEqual(['/p/x-911']);
    expect(await urls('宝骏730 zzqxj', 5)).toEqual([]);
    const [first] = await engine.suggestProducts('宝骏730 尾', 5);
    expect(first).toEqual({ type: 'product', title: '宝骏730 尾灯 oldest', url: '/p/x-909', image: FIXTURE_DOCUMENTS[0].image, _formatted: { title: expect.stringContaining('<mark>') } });
  });

  it('when the last word is being typed, then it finds the terms it starts, letters and codes alike, as FTS5 prefixes did', async () => {
    await db.transaction((trx) => engine.index(trx, [doc(905, '双电压充电器 12v24v 通用'), doc(906, 'Floodlighting 套件 zq-77x'), doc(907, '12v 充电器')]));
    // Completed from the vocabulary of index terms (12v → 12v, 12v24v; zq → zq, 77x split by the tokenizer).
    expect((await engine.search(q('12v2'))).hits.map((h) => h.id)).toEqual([905]);
    expect(new Set((await engine.search(q('12v'))).hits.map((h) => h.id))).toEqual(new Set([905, 907]));
    expect((await engine.search(q('floodligh'))).hits.map((h) => h.id)).toEqual([906]);
    expect((await engine.search(q('77'))).hits.map((h) => h.id)).toEqual([906]);
    // Terms of any length are completed (a part number of 48 characters).
    const long = `zqx${'a'.repeat(45)}`;
    await db.transaction((trx) => engine.index(trx, [doc(908, `配件 ${long}`)]));
    expect((await engine.search(q('zqxa'))).hits.map((h) => h.id)).toEqual([908]);
    // A prefix no term starts: nothing, not an error.
    expect((await engine.search(q('12vq'))).hits).toEqual([]);
  });

  it('when a synonym group is added as a row, then the next search uses it', async () => {
    await db.transaction((trx) => engine.index(trx, [doc(905, '防爆膜 全车')]));
    expect((await engine.search(q('window film'))).hits).toEqual([]);
    await db('search_synonyms').insert({ words: JSON.stringify(['防爆膜', 'window film']), updated_at: Date.now() });
    expect((await engine.search(q('window film'))).hits.map((h) => h.id)).toEqual([905]);
  });

  it('when the index tables exist, then health is ok; when they are gone, then it says so', async () => {
    expect((await engine.health()).ok).toBe(true);
    await db.raw('DROP TABLE search_fts');
    expect((await engine.health()).ok).toBe(false);
  });
  it('when articles are indexed, changed, removed and rebuilt, then their own FTS table follows, and article searches read only it', async () => {
    const article = (id: number, title: string): SearchDocument => ({ ...doc(id, title), type: 'article', price: null, category: null, categoryName: null, publishedAt: '2025-01-01T00:00:00+08:00' });
    const inArticleTable = async (word: string) => (await db.raw<{ n: number }[]>(`SELECT count(*) AS n FROM search_fts_articles WHERE search_fts_articles MATCH ?`, [`"${word}"`]))[0].n;
    await db.transaction((trx) => engine.index(trx, [article(700, '新闻 ownarticleword'), doc(701, '配件 ownarticleword')]));
    expect(await inArticleTable('ownarticleword')).toBe(1);
    const articles = await engine.search({ ...q('ownarticleword'), type: 'article' });
    expect(articles.hits.map((h) => [h.type, h.id])).toEqual([['article', 700]]);
    expect((await engine.search({ ...q('ownarticleword'), type: 'product' })).hits.map((h) => [h.type, h.id])).toEqual([['product', 701]]);
    await db.transaction((trx) => engine.index(trx, [article(700, '新闻 changedarticleword')]));
    expect(await inArticleTable('ownarticleword')).toBe(0);
    expect(await inArticleTable('changedarticleword')).toBe(1);
    await db.transaction((trx) => engine.remove(trx, [{ type: 'article', id: 700 }]));
    expect(await inArticleTable('changedarticleword')).toBe(0);
    const rebuilt = new EmbeddedSearchEngine(db, listSource(() => [article(702, '新闻 rebuiltarticleword'), doc(703, '配件 rebuiltarticleword')]));
    await rebuilt.reindex();
    expect(await inArticleTable('rebuiltarticleword')).toBe(1);
    expect((await engine.search({ ...q('rebuiltarticleword'), type: 'article' })).hits.map((h) => h.id)).toEqual([702]);
  });
});
