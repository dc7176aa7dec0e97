import type { Browser } from 'playwright-core';
import { launchBrowser, watchedContext, type WatchedContext } from './browser';
import { startE2eServer, type E2eServer } from './e2e-server';
import { richProduct } from './page-types';
import { domProbe, plantXssCatalog, XSS_PAYLOADS, XSS_QUERY_INPUTS, type PlantedXss } from './xss-payloads';

let server: E2eServer;
let browser: Browser;
let planted: PlantedXss[];
let target: { productSlug: string; categorySlug: string };

beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  planted = await plantXssCatalog(server.runtime.db);
  const p = await richProduct(server.runtime.db);
  target = { productSlug: p.slug, categorySlug: p.categorySlug ?? 'stickers' };
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// With the CSP bypassed the test measures escaping alone; with it enforced, the CSP must not
// even have to block anything (a violation means markup got through).
describe.each([
  ['escaping alone (CSP bypassed)', true],
  ['escaping and CSP together', false],
])('XSS payloads in Chromium: %s', (_label, bypassCSP) => {
  let w: WatchedContext;
  beforeAll(async () => {
    w = await watchedContext(browser, { bypassCSP }, () => true);
  });
  afterAll(async () => w?.close());

  async function visit(path: string): Promise<{ status: number | undefined; found: unknown }> {
    w.reset();
    const res = await w.page.goto(server.baseUrl + path, { waitUntil: 'load' });
    const probe = await w.page.evaluate(domProbe);
    const { dialogs, cspViolations, pageErrors } = w.problems;
    return { status: res?.status(), found: { probe, dialogs, cspViolations, pageErrors } };
  }
  const clean = { probe: [], dialogs: [], cspViolations: [], pageErrors: [] };

  it.each(XSS_PAYLOADS.map((p) => p.name))('when the %s payload sits in every product and category field, then no page runs or builds markup from it', async (name) => {
    const p = planted.find((x) => x.payload.name === name)!;
    for (const path of [`/p/${p.productSlug}`, `/p/${p.productSlug}?variant=x`, `/c/${p.categorySlug}`, '/', '/products?sort=newest&per_page=60']) {
      const { status, found } = await visit(path);
      expect({ path, status, found }).toEqual({ path, status: 200, found: clean });
    }
    await w.page.goto(`${server.baseUrl}/p/${p.productSlug}`);
    // Shown as text, byte for byte: escaped, not stripped or mangled.
    expect(await w.page.locator('h1#product-title').textContent()).toBe(p.title);
    expect(await w.page.locator('.specs tbody tr').nth(1).locator('td').textContent()).toBe(p.payload.text);
    expect(await w.page.locator('.tags li').first().textContent()).toBe(p.payload.text);
    const ld = await w.page.locator('script[type="application/ld+json"]').first().textContent();
    expect(JSON.parse(ld ?? '{}').name).toBe(p.title);
  });

  it.each(XSS_QUERY_INPUTS.map((q) => q.name))('when every payload arrives through the %s, then nothing runs or becomes markup', async (inputName) => {
    const input = XSS_QUERY_INPUTS.find((q) => q.name === inputName)!;
    for (const payload of XSS_PAYLOADS) {
      const path = input.url(encodeURIComponent(payload.text), target);
      const { status, found } = await visit(path);
      expect({ path, found }).toEqual({ path, found: clean });
      expect([200, 400, 404]).toContain(status);
    }
  });
});

describe('the XSS detectors themselves', () => {
  it('when a payload is put into a page unescaped, then the DOM probe and the dialog watcher both catch it', async () => {
    const w = await watchedContext(browser);
    try {
      await w.page.setContent(`<p>${XSS_PAYLOADS.find((p) => p.name === 'img-onerror')!.text}</p>`, { waitUntil: 'load' });
      await w.page.waitForFunction(() => (window as unknown as { __xss?: unknown }).__xss !== undefined);
      const probe = await w.page.evaluate(domProbe);
      expect(probe).toEqual(expect.arrayContaining(['window.__xss was set', '<img onerror>']));
      expect(w.problems.dialogs).toEqual(['alert: 1']);
    } finally {
      await w.close();
    }
  });
});
