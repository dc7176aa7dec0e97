/**
 * Real Chromium (Debian's /usr/bin/chromium via playwright-core) against the real app: the
 * admin script runs under the strict CSP, uploads with a progress bar, and the same page works
 * with JavaScript switched off. Excluded from the default jest run (tests/e2e); run with
 * `npx jest --testPathIgnorePatterns=/node_modules/ tests/e2e/admin`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import type { TestApp } from '../../helpers/test-app';
import { startAdminBrowser, type AdminBrowser } from './admin-browser-kit';

describe('admin uploads in a browser', () => {
  let kit: AdminBrowser;
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let loginAt: AdminBrowser['loginAt'];
  let photo: string;

  beforeAll(async () => {
    kit = await startAdminBrowser();
    ({ t, base, browser, loginAt } = kit);
    photo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qipei-e2e-')), 'photo.jpg');
    fs.writeFileSync(photo, await sharp({ create: { width: 900, height: 600, channels: 3, background: '#2a6' } }).jpeg().toBuffer());
  });
  afterAll(async () => kit?.close());

  const imageCount = async (productId: number) => Number((await t.runtime.db('product_images').where({ product_id: productId }).count({ n: '*' }).first())?.n);

  it('when a photo is chosen and described with JavaScript on, then it uploads by XHR with the token in a header and no CSP or script errors', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(String(e)));
    await loginAt(page, `${base}/admin/products/1/edit`);
    const before = await imageCount(1);
    await page.setInputFiles('#upload-files', photo);
    await page.fill('[data-alt-for="0"]', '浏览器上传');
    const uploadRequest = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/admin/products/1/images'));
    await Promise.all([page.waitForURL(/notice=images/), page.click('form[data-upload] button[type=submit]')]);
    const sent = await uploadRequest;
    expect(sent.resourceType()).toBe('xhr');
    expect(sent.headers()['x-csrf-token']).toMatch(/\S{20,}/);
    expect(await imageCount(1)).toBe(before + 1);
    expect(await page.locator('.image-item input[value="浏览器上传"]').count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('when JavaScript is off, then the plain multipart form uploads and redirects back', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await loginAt(page, `${base}/admin/products/2/edit`);
    const before = await imageCount(2);
    await page.setInputFiles('#upload-files', photo);
    await page.fill('#upload-alt', '无脚本上传');
    await Promise.all([page.waitForURL(/notice=images/), page.click('form[data-upload] button[type=submit]')]);
    expect(await imageCount(2)).toBe(before + 1);
    await context.close();
  });
});
