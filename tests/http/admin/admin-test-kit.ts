import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createAdmin } from '../../../src/admin';
import { createTestApp, type TestApp } from '../../helpers/test-app';

export const ADMIN_EMAIL = 'editor@qipei.test';
export const ADMIN_PASSWORD = 'correct horse battery staple 汽配';

export type Agent = InstanceType<typeof TestAgent>;

/** A seeded app with one admin; TRUST_PROXY lets each test act from its own client IP. */
export async function createAdminTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const t = await createTestApp({ env: { TRUST_PROXY: 'true', ...env } });
  await createAdmin(t.runtime.db, ADMIN_EMAIL, ADMIN_PASSWORD);
  return t;
}

let ipCounter = 10;
/** A fresh client address per caller, so the per-IP throttle of one test never leaks into another. */
export function freshIp(): string {
  ipCounter += 1;
  return `198.51.100.${ipCounter % 250}`;
}

export function csrfFrom(html: string): string {
  const m = /name="csrf-token" content="([^"]+)"/.exec(html) ?? /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSRF token in page');
  return m[1];
}

export function cookieValue(res: request.Response, name: string): string | null {
  const raw = res.headers['set-cookie'] as unknown as string[] | undefined;
  for (const c of raw ?? []) {
    const [pair] = c.split(';');
    const eq = pair.indexOf('=');
    if (pair.slice(0, eq) === name) return pair.slice(eq + 1);
  }
  return null;
}

/** Logs in through the real form and returns an agent holding the session and a fresh token. */
export async function login(t: TestApp, ip = freshIp()): Promise<{ agent: Agent; csrf: string; ip: string }> {
  const agent = request.agent(t.app);
  const page = await agent.get('/admin/login').set('X-Forwarded-For', ip).expect(200);
  const res = await agent
    .post('/admin/login')
    .set('X-Forwarded-For', ip)
    .type('form')
    .send({ _csrf: csrfFrom(page.text), email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  if (res.status !== 303) throw new Error(`login failed: ${res.status}`);
  const home = await agent.get('/admin/products').set('X-Forwarded-For', ip).expect(200);
  return { agent, csrf: csrfFrom(home.text), ip };
}

/** Every file under DATA_DIR/media, to prove that refused uploads leave nothing behind. */
export function mediaFiles(t: TestApp): string[] {
  const root = path.join(t.dataDir, 'media');
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(path.relative(root, p));
    }
  };
  walk(root);
  return out.sort();
}
