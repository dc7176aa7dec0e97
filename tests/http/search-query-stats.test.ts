import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { normalizeQuery, QueryStatsRecorder, queriesWithResults, shanghaiDay, topQueries, zeroResultQueries } from '../../src/search/query-stats';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());
beforeEach(async () => {
  await t.runtime.queryStats?.flush();
  await t.runtime.db('search_query_stats').del();
});

const rows = () => t.runtime.db('search_query_stats').orderBy('query').select('query', 'day', 'searches', 'zero_results');

describe('counting shoppers\' queries', () => {
  it('when shoppers search, then each normalised query is counted per day with its zero-result searches', async () => {
    await request(t.app).get('/search').query({ q: '尾灯' }).expect(200);
    await request(t.app).get('/api/search').query({ q: ' 尾燈 ' }).expect(200);
    await request(t.app).get('/api/search').query({ q: 'ＱＱＺＺＸＸ' }).expect(200);
    await request(t.app).get('/api/search').query({ q: 'qqzzxx' }).expect(200);
    await t.runtime.queryStats!.flush();
    expect(await rows()).toEqual([
      { query: 'qqzzxx', day: shanghaiDay(Date.now()), searches: 2, zero_results: 2 },
      { query: '尾灯', day: shanghaiDay(Date.now()), searches: 2, zero_results: 0 },
    ]);
  });

  it('when a shopper pages, types in the suggest box or searches nothing, then nothing more is counted', async () => {
    await request(t.app).get('/search').query({ q: '尾灯', page: '2' }).expect(200);
    await request(t.app).get('/api/suggest').query({ q: '尾灯' }).expect(200);
    await request(t.app).get('/search').expect(200);
    await request(t.app).get('/api/search').query({ q: '尾灯', page_size: 'x', sort: 'bogus' }).expect(400);
    await t.runtime.queryStats!.flush();
    expect(await rows()).toEqual([]);
  });

  it('when the table is looked at, then it holds counts only: no address, session or time of day', async () => {
    const columns = Object.keys(await t.runtime.db('search_query_stats').columnInfo()).sort();
    expect(columns).toEqual(['day', 'query', 'searches', 'zero_results'].sort());
  });

  it('when two instances flush the same query, then the counts add up', async () => {
    const a = new QueryStatsRecorder(t.runtime.db);
    const b = new QueryStatsRecorder(t.runtime.db);
    for (let i = 0; i < 3; i++) a.record('中网', 5);
    for (let i = 0; i < 4; i++) b.record('中网', 0);
    await Promise.all([a.flush(), b.flush()]);
    a.record('中网', 1);
    await a.stop();
    expect(await rows()).toEqual([{ query: '中网', day: shanghaiDay(Date.now()), searches: 8, zero_results: 4 }]);
  });

  it('when the recorder stops, then what it held is written', async () => {
    const r = new QueryStatsRecorder(t.runtime.db, { flushMs: 3_600_000 });
    r.start();
    r.record('脚垫', 3);
    expect(await rows()).toEqual([]);
    await r.stop();
    expect(await rows()).toEqual([expect.objectContaining({ query: '脚垫', searches: 1 })]);
  });

  it('when reading the last 30 days, then older days are left out and totals are summed across days', async () => {
    const now = Date.now();
    const day = (ago: number) => shanghaiDay(now - ago * 86_400_000);
    await t.runtime.db('search_query_stats').insert([
      { query: '尾灯', day: day(0), searches: 5, zero_results: 0 },
      { query: '尾灯', day: day(29), searches: 4, zero_results: 1 },
      { query: '尾灯', day: day(30), searches: 100, zero_results: 0 },
      { query: 'zzq', day: day(3), searches: 7, zero_results: 7 },
      { query: '13812345678', day: day(1), searches: 9, zero_results: 0 },
      { query: '单次', day: day(1), searches: 1, zero_results: 0 },
    ]);
    expect(await topQueries(t.runtime.db, { days: 30, limit: 10, now })).toEqual([
      { query: '13812345678', searches: 9, zeroResults: 0 },
      { query: '尾灯', searches: 9, zeroResults: 1 },
      { query: 'zzq', searches: 7, zeroResults: 7 },
      { query: '单次', searches: 1, zeroResults: 0 },
    ]);
    expect(await zeroResultQueries(t.runtime.db, { days: 30, limit: 10, now })).toEqual([{ query: 'zzq', searches: 7, zeroResults: 7 }, { query: '尾灯', searches: 9, zeroResults: 1 }]);
    expect((await queriesWithResults(t.runtime.db, { days: 30, minSearches: 2, limit: 10, now })).map((r) => r.query)).toEqual(['尾灯']);
  });

  it('when a query is long or oddly spaced, then it is stored folded and capped', () => {
    expect(normalizeQuery('  宝骏   730\t尾灯 ')).toBe('宝骏 730 尾灯');
    expect(Array.from(normalizeQuery('灯'.repeat(300)) ?? '').length).toBe(100);
    expect(normalizeQuery('   ')).toBeNull();
  });
});
