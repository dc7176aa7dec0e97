import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { createAdmin } from '../../src/admin';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../http/admin/admin-test-kit';
import { launchBrowser, noProblems, watchedContext, type WatchedContext } from './browser';
import { startE2eServer, type E2eServer } from './e2e-server';
import { nuCheck } from './nu-checker';

let server: E2eServer;
let browser: Browser;
let w: WatchedContext;

beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  await createAdmin(server.runtime.db, ADMIN_EMAIL, ADMIN_PASSWORD);
  await server.runtime.db('search_query_stats').insert([
    { query: '宝骏730 尾灯', day: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10), searches: 5, zero_results: 0 },
    { query: '飞行汽车', day: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10), searches: 2, zero_results: 2 },
  ]);
  w = await watchedContext(browser, { viewport: { width: 1280, height: 800 } });
});
afterAll(async () => {
  await w?.close();
  await browser?.close();
  await server?.close();
});

describe('search in a browser', () => {
  it('when a shopper types "bao" and picks the first completion, then the search page lists 宝骏 products with articles in their own block', async () => {
    w.reset();
    await w.page.goto(`${server.baseUrl}/`);
    await w.page.fill('#site-search', 'bao');
    await w.page.waitForSelector('.suggest-list li.suggest-query');
    const completions = await w.page.locator('.suggest-list li.suggest-query').allTextContents();
    expect(completions.some((c) => c.includes('宝骏'))).toBe(true);
    expect(await w.page.locator('.suggest-list li.suggest-product').count()).toBeGreaterThan(0);
    await w.page.keyboard.press('ArrowDown');
    await Promise.all([w.page.waitForURL((u) => u.pathname === '/search'), w.page.keyboard.press('Enter')]);
    expect(await w.page.locator('.results .hit-product').count()).toBeGreaterThan(0);
    expect(await w.page.locator('.results .hit-article').count()).toBe(0);
    expect(await w.page.locator('.article-block .hit-article').count()).toBeGreaterThan(0);
    expect(w.problems).toEqual(noProblems());
  });

  it('when an admin opens search insight, then it lists the queries and has no axe or Nu HTML Checker errors', async () => {
    w.reset();
    await w.page.goto(`${server.baseUrl}/admin/search`);
    await w.page.fill('#email', ADMIN_EMAIL);
    await w.page.fill('#password', ADMIN_PASSWORD);
    await Promise.all([w.page.waitForURL(`${server.baseUrl}/admin/search`), w.page.click('form[action="/admin/login"] button[type=submit]')]);
    expect(await w.page.locator('[data-list="top"]').textContent()).toContain('宝骏730 尾灯');
    expect(await w.page.locator('[data-list="zero"]').textContent()).toContain('飞行汽车');
    const axe = await new AxeBuilder({ page: w.page }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    // The page as the browser got it, after a failed save too (error state, aria-invalid).
    await w.page.fill('#stopwords', '<b>包邮</b>');
    await w.page.click('form[action="/admin/search/stopwords"] button[type=submit]');
    await w.page.waitForSelector('[data-code="invalid_characters"]');
    const axeError = await new AxeBuilder({ page: w.page }).analyze();
    expect(axeError.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    const html = await w.page.content();
    const results = await nuCheck([{ name: 'admin-search-error', html: `<!doctype html>\n${html.replace(/^<!DOCTYPE html>/i, '')}` }]);
    const errors = [...results.values()].flat().filter((m) => m.type === 'error' || m.subType === 'fatal').map((m) => `${m.lastLine}: ${m.message}`);
    expect(errors).toEqual([]);
    expect(w.problems.cspViolations).toEqual([]);
    expect(w.problems.pageErrors).toEqual([]);
  });
});
