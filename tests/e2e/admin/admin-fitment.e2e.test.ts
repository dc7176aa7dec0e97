/**
 * Real Chromium against the real app: the product form's fitment suggestion, with JavaScript
 * (fetched when the title changes, models filtered by make, under the strict CSP) and without
 * (the "suggest" submit button re-renders the form). axe and the Nu HTML Checker on the form
 * and on the category admin.
 * Run with `npx jest -c jest.e2e.config.js tests/e2e/admin/admin-fitment.e2e.test.ts`.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../../helpers/test-app';
import { nuCheck } from '../nu-checker';
import { startAdminBrowser, type AdminBrowser } from './admin-browser-kit';

const TITLE = '适用于宝骏730后尾灯总成14-21款转向刹车灯';

describe('fitment suggestion in the admin product form, in a browser', () => {
  let kit: AdminBrowser;
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let loginAt: AdminBrowser['loginAt'];
  let ids: { baojun: string; m730: string };

  beforeAll(async () => {
    kit = await startAdminBrowser();
    ({ t, base, browser, loginAt } = kit);
    const baojun = await t.runtime.db('vehicle_makes').where({ slug: 'baojun' }).first('id');
    const m730 = await t.runtime.db('vehicle_models').where({ make_id: baojun.id, name: '730' }).first('id');
    ids = { baojun: String(baojun.id), m730: String(m730.id) };
  });
  afterAll(async () => kit?.close());

  function watch(page: Page): string[] {
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(String(e)));
    return problems;
  }

  const storedFitment = async (productId: number) => ({
    rows: await t.runtime.db('product_fitments').where({ product_id: productId }).select('make_id', 'model_id', 'year_from', 'year_to', 'position', 'source'),
    confirmed: (await t.runtime.db('products').where({ id: productId }).first('fitment_confirmed')).fitment_confirmed,
  });

  it('when the title is typed with JavaScript on, then the parsed vehicle fills the rows, other makes\' models are hidden, and saving confirms it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watch(page);
    await loginAt(page, `${base}/admin/products/new`);
    const axe = await new AxeBuilder({ page }).include('main').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    const suggestion = page.waitForResponse((r) => r.url().includes('/admin/fitment/suggest'));
    await page.fill('#f-title', TITLE);
    await page.press('#f-title', 'Tab');
    expect((await suggestion).status()).toBe(200);
    await page.waitForFunction((id) => (document.querySelector('#fit-make-0') as HTMLSelectElement | null)?.value === id, ids.baojun);
    expect(await page.inputValue('#fit-model-0')).toBe(ids.m730);
    expect(await page.inputValue('#fit-from-0')).toBe('2014');
    expect(await page.inputValue('#fit-to-0')).toBe('2021');
    expect(await page.inputValue('#fit-pos-0')).toBe('后');
    expect(await page.inputValue('#fit-kind')).toBe('vehicle');
    // The model picker lists only the chosen make's models.
    expect(await page.locator(`#fit-model-0 optgroup[data-make="${ids.baojun}"]`).evaluate((g) => (g as HTMLOptGroupElement).disabled)).toBe(false);
    expect(await page.locator('#fit-model-0 optgroup:disabled').count()).toBeGreaterThan(5);

    // A row added in place, then the suggestion edited: the admin's change is what is saved.
    await page.click('[data-fit-add]');
    expect(await page.locator('[data-fit-row]').count()).toBe(3);
    await page.fill('#fit-from-0', '2016');
    await page.fill('#f-price', '188');
    const afterAxe = await new AxeBuilder({ page }).include('main').analyze();
    expect(afterAxe.violations.map((v) => v.id)).toEqual([]);
    await Promise.all([page.waitForURL(/\/admin\/products\/\d+\/edit\?notice=created/), page.click('button[name="action"][value="save"]')]);
    const id = Number(/products\/(\d+)\/edit/.exec(page.url())?.[1]);
    const stored = await storedFitment(id);
    expect(stored.rows).toEqual([{ make_id: Number(ids.baojun), model_id: Number(ids.m730), year_from: 2016, year_to: 2021, position: '后', source: 'manual' }]);
    expect(stored.confirmed === true || Number(stored.confirmed) === 1).toBe(true);
    await page.goto(`${base}/admin/categories`);
    const categoriesAxe = await new AxeBuilder({ page }).include('main').analyze();
    expect(categoriesAxe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('when JavaScript is off, then "suggest from title" re-renders the form with the parsed rows, the page is valid HTML, and saving confirms it', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await loginAt(page, `${base}/admin/products/new`);
    await page.fill('#f-title', TITLE);
    await page.fill('#f-price', '199');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url() === `${base}/admin/products`),
      page.click('[data-fit-suggest]'),
    ]);
    await page.waitForLoadState('domcontentloaded');
    const html = await response.text();
    expect(response.status()).toBe(200);
    expect(await page.inputValue('#fit-make-0')).toBe(ids.baojun);
    expect(await page.inputValue('#fit-model-0')).toBe(ids.m730);
    expect(await page.inputValue('#fit-from-0')).toBe('2014');
    expect(await page.inputValue('#f-title')).toBe(TITLE);
    // axe needs script: it checks the very HTML the no-JS form got, in a context with script on.
    const checker = await browser.newContext();
    const axePage = await checker.newPage();
    await axePage.setContent(html.replace('<head>', `<head><base href="${base}/">`), { waitUntil: 'load' });
    const axe = await new AxeBuilder({ page: axePage }).include('main').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await checker.close();
    const blank = await (await page.request.get(`${base}/admin/products/new`)).text();
    const categories = await (await page.request.get(`${base}/admin/categories`)).text();
    const results = await nuCheck([{ name: 'fitment-suggested', html }, { name: 'product-new', html: blank }, { name: 'categories', html: categories }]);
    const errors = [...results].flatMap(([name, msgs]) => msgs.filter((m) => m.type === 'error').map((m) => `${name}:${m.lastLine}: ${m.message}`));
    expect(errors).toEqual([]);

    await Promise.all([page.waitForURL(/\/admin\/products\/\d+\/edit\?notice=created/), page.click('button[name="action"][value="save"]')]);
    const id = Number(/products\/(\d+)\/edit/.exec(page.url())?.[1]);
    expect((await storedFitment(id)).rows).toEqual([{ make_id: Number(ids.baojun), model_id: Number(ids.m730), year_from: 2014, year_to: 2021, position: '后', source: 'manual' }]);
    await context.close();
  });
});
