import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { launchBrowser, watchedContext, type WatchedContext } from './browser';
import { startE2eServer, type E2eServer } from './e2e-server';
import { httpResolveContext, PAGE_TYPES, resolvePageTypes, type ResolvedPage } from './page-types';

export const SCREENSHOT_DIR = path.resolve(__dirname, '../../artifacts/screenshots');
const WIDTHS = [360, 1280];
const HTML_TYPES = PAGE_TYPES.filter((p) => (p.kind ?? 'html') === 'html').map((p) => p.name);

let server: E2eServer;
let browser: Browser;
const resolved = new Map<string, ResolvedPage>();

beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  for (const p of await resolvePageTypes(httpResolveContext(server.runtime.db, server.baseUrl))) resolved.set(p.name, p);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type AxeViolations = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'];
function formatViolations(violations: AxeViolations): string[] {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** A full-page screenshot should show every card, not the blank boxes lazy images leave below the fold. */
async function loadLazyImages(w: WatchedContext): Promise<void> {
  await w.page.evaluate(async () => {
    const images = Array.from(document.images);
    for (const img of images) img.loading = 'eager';
    await Promise.all(images.map((img) => (img.complete ? null : new Promise((done) => {
      img.addEventListener('load', done, { once: true });
      img.addEventListener('error', done, { once: true });
    }))));
  });
}

describe.each(WIDTHS)('every page type in Chromium at %i px', (width) => {
  let w: WatchedContext;
  beforeAll(async () => {
    const expectedError = (url: string) => [...resolved.values()].some((p) => p.status >= 400 && url === server.baseUrl + p.path);
    w = await watchedContext(browser, { viewport: { width, height: 800 }, deviceScaleFactor: 1 }, expectedError);
  });
  afterAll(async () => w?.close());

  it.each(HTML_TYPES)('when the %s page is opened, then it has its status, no console errors or CSP violations, no axe violations, and a screenshot', async (name) => {
    const p = resolved.get(name)!;
    w.reset();
    const res = await w.page.goto(server.baseUrl + p.path, { waitUntil: 'load' });
    expect(res?.status()).toBe(p.status);
    const axe = await new AxeBuilder({ page: w.page }).analyze();
    expect(axe.passes.length).toBeGreaterThan(0);
    // Nothing may stick out sideways: a phone would scroll the whole page horizontally.
    const overflow = await w.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await loadLazyImages(w);
    await w.page.screenshot({ path: path.join(SCREENSHOT_DIR, `${p.name}-${width}.png`), fullPage: true });
    expect({ ...w.problems, axe: formatViolations(axe.violations), overflow }).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [], dialogs: [], axe: [], overflow: 0 });
  });
});
