import type { Browser } from 'playwright-core';
import { launchBrowser, watchedContext, type WatchedContext } from './browser';
import { startE2eServer, type E2eServer } from './e2e-server';
import { richProduct } from './page-types';
import { SHOPPER_JOURNEY, type JourneyState } from './shopper-journey';

let server: E2eServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the shopper journey', () => {
  let w: WatchedContext;
  const state: JourneyState = {};
  const visited: string[] = [];
  beforeAll(async () => {
    w = await watchedContext(browser, { viewport: { width: 390, height: 844 } });
    w.page.on('framenavigated', (f) => {
      if (f === w.page.mainFrame()) visited.push(new URL(f.url()).pathname);
    });
  });
  afterAll(async () => w?.close());

  // Steps run in order and share state, so a failed step makes the later ones fail too.
  it.each(SHOPPER_JOURNEY.map((s, i) => [i + 1, s.name, s] as const))('step %i: when the shopper does "%s", then it works with no console errors or CSP violations', async (_i, _name, step) => {
    w.reset();
    await step.run({ page: w.page, baseUrl: server.baseUrl, db: server.runtime.db, state });
    expect(w.problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [], dialogs: [] });
  });

  it('when the journey is over, then it went home → category → product → home', () => {
    const p = state.product!;
    expect(visited).toEqual(expect.arrayContaining(['/', `/c/${p.categorySlug}`, `/p/${p.slug}`]));
    expect(visited.at(-1)).toBe('/');
  });
});

describe('the variant picker without JavaScript', () => {
  it('when JavaScript is off and a variant is chosen and added, then the cart holds that variant', async () => {
    const w = await watchedContext(browser, { javaScriptEnabled: false });
    try {
      const p = await richProduct(server.runtime.db);
      const id = p.variantIds[1];
      await w.page.goto(`${server.baseUrl}/p/${p.slug}`);
      await w.page.locator(`.variant-picker input[value="${id}"]`).check();
      // Nothing navigates until the button is pressed.
      expect(new URL(w.page.url()).search).toBe('');
      const label = ((await w.page.locator(`.variant-picker input[value="${id}"]`).locator('xpath=..').textContent()) ?? '').split('·')[0].trim();
      await Promise.all([w.page.waitForURL((u) => u.pathname === '/cart'), w.page.locator('.add-to-cart button[type="submit"]').click()]);
      expect(await w.page.locator('.cart-variant').first().textContent()).toContain(label);
      expect(w.problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [], dialogs: [] });
    } finally {
      await w.close();
    }
  });
});
