import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, noProblems, watchedContext, type WatchedContext } from './browser';
import { startE2eServer, type E2eServer } from './e2e-server';
import { nuCheck } from './nu-checker';

const TAIL_LIGHT = '/p/baojun-730-tail-light-assembly';

let server: E2eServer;
let browser: Browser;
/** Every page the purchase passed through, for one Nu HTML Checker run at the end. */
const documents: { name: string; html: string }[] = [];
beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * axe needs script in the page, and the Nu checker wants the server's markup rather than a DOM
 * scripts have enhanced: the JS run is axed, the no-JS run (same templates) is Nu-checked.
 */
async function axeClean(page: Page, name: string, js: boolean): Promise<void> {
  if (!js) return void documents.push({ name, html: await page.content() });
  const axe = await new AxeBuilder({ page }).analyze();
  expect({ name, violations: axe.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`) }).toEqual({ name, violations: [] });
}

async function fillAddress(page: Page, city: string, district: string): Promise<void> {
  await page.locator('#c-name').fill('张三');
  await page.locator('#c-phone').fill('13812345678');
  await page.locator('#c-province').fill('广东省');
  await page.locator('#c-city').fill(city);
  await page.locator('#c-district').fill(district);
  await page.locator('#c-address').fill('科技园南区 88 号');
}

async function click(page: Page, selector: string, url: (u: URL) => boolean): Promise<void> {
  await Promise.all([page.waitForURL(url), page.locator(selector).first().click()]);
}

/** The whole purchase as a shopper does it: search, pick 一对, cart, cash on delivery, confirmation, lookup. */
async function buyTailLight(w: WatchedContext, js: boolean): Promise<string> {
  const { page } = w;
  const base = server.baseUrl;
  await page.goto(`${base}/`);
  await page.locator('#site-search').fill('宝骏730 尾灯');
  await click(page, '.search-form button[type="submit"]', (u) => u.pathname === '/search');
  await click(page, `.hit-title a[href="${TAIL_LIGHT}"]`, (u) => u.pathname === TAIL_LIGHT);

  const pair = page.locator('.variant-picker label', { hasText: '一对' });
  await pair.locator('input').check();
  // Each choice shows its own price; with JS the headline price follows the choice too.
  expect(await pair.textContent()).toContain('328');
  if (js) expect(await page.locator('.price.big').textContent()).toContain('328');
  if (js) {
    // Added in place: the header count changes, the page stays.
    await page.locator('.add-to-cart button[type="submit"]').click();
    await page.locator('[data-cart-count]', { hasText: '1' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(TAIL_LIGHT);
    await click(page, 'a.cart-link', (u) => u.pathname === '/cart');
  } else {
    await click(page, '.add-to-cart button[type="submit"]', (u) => u.pathname === '/cart');
  }
  expect(await page.locator('.cart-line').count()).toBe(1);
  expect(await page.locator('.cart-variant').textContent()).toContain('一对');
  await axeClean(page, `cart-${js ? 'js' : 'nojs'}`, js);

  await click(page, 'a[href="/checkout"]', (u) => u.pathname === '/checkout');
  await axeClean(page, `checkout-${js ? 'js' : 'nojs'}`, js);
  if (!js) {
    // A city that isn't in the province comes back as a 400 page with the message and the form still filled in.
    await fillAddress(page, '杭州市', '西湖区');
    const [res] = await Promise.all([page.waitForResponse((r) => r.url() === `${base}/checkout` && r.request().method() === 'POST'), page.locator('.checkout-form button[type="submit"]').click()]);
    expect(res.status()).toBe(400);
    await page.locator('[data-code="invalid_division"]').waitFor();
    expect(await page.locator('#c-address').inputValue()).toBe('科技园南区 88 号');
    await axeClean(page, 'checkout-error', js);
  }
  await fillAddress(page, '深圳市', '南山区');
  await page.locator('input[name="payment"][value="cod"]').check();
  await click(page, '.checkout-form button[type="submit"]', (u) => u.pathname.startsWith('/orders/QP'));

  await page.locator('[data-code="order_placed"]').waitFor();
  const number = (await page.locator('.order-number').textContent())!.trim();
  expect(number).toMatch(/^QP\d{8}-[0-9A-Z]{4}$/);
  expect(await page.locator('.order-status').getAttribute('data-status')).toBe('pending');
  await axeClean(page, `confirmation-${js ? 'js' : 'nojs'}`, js);

  // Later, from another visit: the order number and the phone's last four digits.
  await page.goto(`${base}/orders`);
  await axeClean(page, `lookup-${js ? 'js' : 'nojs'}`, js);
  await page.locator('#l-number').fill(number);
  await page.locator('#l-phone4').fill('5678');
  await click(page, '.lookup-form button[type="submit"]', (u) => u.pathname === `/orders/${number}`);
  expect((await page.locator('.order-number').textContent())!.trim()).toBe(number);
  expect(await page.locator('.order-items').textContent()).toContain('一对');
  return number;
}

describe('buying the 宝骏730 tail light in Chromium', () => {
  it.each([[true], [false]])('when JavaScript is %s, then the shopper finds it, buys 一对 with cash on delivery and looks the order up, with no console errors or CSP violations (and no axe findings on the JS run)', async (js) => {
    const w = await watchedContext(browser, { javaScriptEnabled: js, viewport: { width: 390, height: 844 } }, (url) => url === `${server.baseUrl}/checkout`);
    try {
      const number = await buyTailLight(w, js);
      const order = await server.runtime.db('orders').where({ number }).first('payment', 'items_fen');
      expect(order).toEqual({ payment: 'cod', items_fen: 32800 });
      expect(w.problems).toEqual(noProblems());
    } finally {
      await w.close();
    }
  });

  it('when the pages the purchase went through are checked by the Nu HTML Checker, then there are no errors', async () => {
    expect(documents.map((d) => d.name)).toEqual(['cart-nojs', 'checkout-nojs', 'checkout-error', 'confirmation-nojs', 'lookup-nojs']);
    const results = await nuCheck(documents);
    const errors = [...results].flatMap(([name, msgs]) => msgs.filter((m) => m.type === 'error' || m.subType === 'fatal').map((m) => `${name}:${m.lastLine ?? '?'}: ${m.message} «${(m.extract ?? '').trim()}»`));
    expect(errors).toEqual([]);
  });
});
