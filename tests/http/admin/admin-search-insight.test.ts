import request from 'supertest';
import { createAdminTestApp, csrfFrom, login, type Agent } from './admin-test-kit';
import type { TestApp } from '../../helpers/test-app';
import { shanghaiDay } from '../../../src/search/query-stats';
import { loadSynonymGroups } from '../../../src/search/synonyms';

let t: TestApp;
let agent: Agent;
let csrf: string;
let ip: string;

beforeAll(async () => {
  t = await createAdminTestApp();
  ({ agent, csrf, ip } = await login(t));
});
afterAll(() => t.close());

const TAIL_LIGHT_URL = '/p/baojun-730-tail-light-assembly';
const stopWords = async () => (await t.runtime.db('search_stopwords').orderBy('word').pluck('word')) as string[];
const searchVersion = async () => Number((await t.runtime.db('content_versions').where({ name: 'search' }).first('version'))?.version ?? 0);
const post = (path: string, form: Record<string, string>) => agent.post(path).set('X-Forwarded-For', ip).type('form').send({ _csrf: csrf, ...form });
const urls = async (q: string) => ((await request(t.app).get('/api/search').query({ q, type: 'product' }).expect(200)).body.hits as { url: string }[]).map((h) => h.url);

describe('search insight page', () => {
  it('when nobody is logged in, then the page and its forms are closed', async () => {
    const page = await request(t.app).get('/admin/search').expect(303);
    expect(page.headers.location).toBe('/admin/login?next=%2Fadmin%2Fsearch');
    const res = await request(t.app).post('/admin/search/synonyms').type('form').send({ synonyms: 'a, b' });
    expect(res.status).toBe(401);
  });

  it('when shoppers searched, then top and zero-result queries of the last 30 days are listed with counts, escaped', async () => {
    const now = Date.now();
    await t.runtime.db('search_query_stats').insert([
      { query: '宝骏730 尾灯', day: shanghaiDay(now), searches: 12, zero_results: 0 },
      { query: '宝骏730 尾灯', day: shanghaiDay(now - 5 * 86_400_000), searches: 3, zero_results: 0 },
      { query: '<script>alert(1)</script>', day: shanghaiDay(now), searches: 4, zero_results: 4 },
      { query: '很久以前', day: shanghaiDay(now - 40 * 86_400_000), searches: 99, zero_results: 99 },
    ]);
    const html = (await agent.get('/admin/search').set('X-Forwarded-For', ip).expect(200)).text;
    expect(html).toContain('href="/admin/search"');
    const top = html.slice(html.indexOf('data-list="top"'), html.indexOf('</table>', html.indexOf('data-list="top"')));
    expect(top).toMatch(/宝骏730 尾灯<\/a><\/td><td>15<\/td><td>0<\/td>/);
    const zero = html.slice(html.indexOf('data-list="zero"'), html.indexOf('</table>', html.indexOf('data-list="zero"')));
    expect(zero).toContain('<td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td>4</td><td>4</td>');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('很久以前');
  });
});

describe('synonyms editor', () => {
  it('when an admin adds a group, then both engines use it on the next search, past the result cache', async () => {
    expect(await urls('qpzxlamp')).toEqual([]);
    const before = await loadSynonymGroups(t.runtime.db);
    const text = [...before.map((g) => g.join(', ')), '尾灯, qpzxlamp'].join('\n');
    const res = await post('/admin/search/synonyms', { synonyms: text }).expect(303);
    expect(res.headers.location).toBe('/admin/search?notice=synonyms');
    expect(await loadSynonymGroups(t.runtime.db)).toEqual([...before, ['尾灯', 'qpzxlamp']]);
    expect(await urls('qpzxlamp')).toContain(TAIL_LIGHT_URL);
  });

  it('when an admin removes a group, then its words stop matching on the next search', async () => {
    const groups = (await loadSynonymGroups(t.runtime.db)).filter((g) => !g.includes('qpzxlamp'));
    await post('/admin/search/synonyms', { synonyms: groups.map((g) => g.join('，')).join('\r\n') }).expect(303);
    expect(await urls('qpzxlamp')).toEqual([]);
  });

  it.each([
    ['an empty group', '尾灯, tail light\n ,，、 \n', 'empty_group'],
    ['a one-word group', '尾灯, tail light\n中网', 'group_too_small'],
    ['a group of 500 words', Array.from({ length: 500 }, (_, i) => `词${i}`).join(', '), 'group_too_large'],
    ['HTML', '<b>尾灯</b>, tail light', 'invalid_characters'],
    ['an overlong word', `尾灯, ${'长'.repeat(41)}`, 'word_too_long'],
    ['301 groups', Array.from({ length: 301 }, (_, i) => `甲${i}, 乙${i}`).join('\n'), 'too_many_groups'],
  ])('when the text has %s, then 400 with a clear message and nothing changes', async (_label, text, code) => {
    const before = await loadSynonymGroups(t.runtime.db);
    const version = await searchVersion();
    const res = await post('/admin/search/synonyms', { synonyms: text }).expect(400);
    expect(res.text).toContain(`data-code="${code}"`);
    expect(res.text).toContain('aria-invalid="true"');
    // The admin's text comes back in the form, escaped, so nothing typed is lost.
    expect(res.text).toContain(text.slice(0, 30).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    expect(await loadSynonymGroups(t.runtime.db)).toEqual(before);
    expect(await searchVersion()).toBe(version);
  });

  it('when a script asks for JSON, then the 400 is JSON with the code and line', async () => {
    const res = await post('/admin/search/synonyms', { synonyms: '尾灯, tail light\n中网' }).set('Accept', 'application/json').expect(400);
    expect(res.body.error).toEqual(expect.objectContaining({ code: 'group_too_small', line: 2, message: expect.stringContaining('第 2 行') }));
  });

  it('when the CSRF token is missing or wrong, then 403 and nothing changes', async () => {
    const before = await loadSynonymGroups(t.runtime.db);
    for (const token of [undefined, 'forged-token']) {
      const res = await agent.post('/admin/search/synonyms').set('X-Forwarded-For', ip).type('form').send({ ...(token ? { _csrf: token } : {}), synonyms: 'a, b' });
      expect(res.status).toBe(403);
    }
    expect(await loadSynonymGroups(t.runtime.db)).toEqual(before);
  });
});

describe('stop-word editor', () => {
  it('when an admin saves the list, then it replaces the table and the search settings version moves', async () => {
    const version = await searchVersion();
    const html = (await agent.get('/admin/search').set('X-Forwarded-For', ip).expect(200)).text;
    expect(html).toContain('包邮');
    const res = await agent.post('/admin/search/stopwords').set('X-Forwarded-For', ip).type('form').send({ _csrf: csrfFrom(html), stopwords: '包邮\n正品, 新款 新款\n爆款' }).expect(303);
    expect(res.headers.location).toBe('/admin/search?notice=stopwords');
    expect(await stopWords()).toEqual(['包邮', '新款', '正品', '爆款'].sort());
    expect(await searchVersion()).toBe(version + 1);
  });

  it.each([
    ['500 words', Array.from({ length: 500 }, (_, i) => `词${i}`).join('\n'), 'too_many_words'],
    ['HTML', '包邮\n<img src=x onerror=alert(1)>', 'invalid_characters'],
    ['an overlong word', `包邮\n${'x'.repeat(41)}`, 'word_too_long'],
  ])('when the list has %s, then 400 and the table is unchanged', async (_label, text, code) => {
    const before = await stopWords();
    const res = await post('/admin/search/stopwords', { stopwords: text }).expect(400);
    expect(res.text).toContain(`data-code="${code}"`);
    expect(await stopWords()).toEqual(before);
  });

  it('when the CSRF token is missing, then 403 and the table is unchanged', async () => {
    const before = await stopWords();
    await agent.post('/admin/search/stopwords').set('X-Forwarded-For', ip).type('form').send({ stopwords: '' }).expect(403);
    expect(await stopWords()).toEqual(before);
  });
});
