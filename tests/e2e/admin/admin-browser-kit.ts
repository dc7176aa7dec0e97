import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createAdminTestApp } from '../../http/admin/admin-test-kit';
import type { TestApp } from '../../helpers/test-app';

export interface AdminBrowser {
  t: TestApp;
  base: string;
  browser: Browser;
  /** Opens `url`, meets the login form there and comes back to `url` signed in. */
  loginAt(page: Page, url: string): Promise<void>;
  close(): Promise<void>;
}

/** A seeded app with one admin on a real loopback port, and Debian's Chromium to drive it. */
export async function startAdminBrowser(): Promise<AdminBrowser> {
  const t = await createAdminTestApp({ TRUST_PROXY: 'false' });
  const server: Server = t.app.listen(0);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  return {
    t, base, browser,
    async loginAt(page, url) {
      await page.goto(url);
      await page.fill('#email', ADMIN_EMAIL);
      await page.fill('#password', ADMIN_PASSWORD);
      await Promise.all([page.waitForURL(url), page.click('form[action="/admin/login"] button[type=submit]')]);
    },
    async close() {
      await browser.close();
      server.close();
      await t.close();
    },
  };
}
