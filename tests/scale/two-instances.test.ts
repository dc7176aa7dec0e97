import { startAppProcess, type AppProcess } from '../helpers/app-process';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { AdminHttpClient, createAdmin, EMAIL, eventually, PASSWORD, productForm, randomToken, searchIds } from './scale-kit';

/**
 * Two real app processes on one database (PostgreSQL under test:pg, one SQLite file otherwise)
 * and one search backend: nothing may live in a process. Sessions, writes, caches and login
 * throttling must behave as if there were one instance.
 */
describe('two instances behave as one', () => {
  let t: TestApp;
  let a: AppProcess;
  let b: AppProcess;

  beforeAll(async () => {
    t = await createTestApp({ env: { TRUST_PROXY: 'true' } });
    await createAdmin(t.runtime.db, EMAIL, PASSWORD);
    [a, b] = await Promise.all([startAppProcess({ ...t.env }), startAppProcess({ ...t.env })]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await t?.close();
  });

  it('when an admin logs in on one instance, then the session works on the other, and logout ends it on both', async () => {
    const client = new AdminHttpClient();
    expect((await client.login(a.url, EMAIL, PASSWORD)).status).toBe(303);
    expect((await client.get(b.url, '/admin/products')).status).toBe(200);
    await client.refreshCsrf(b.url);
    expect((await client.post(b.url, '/admin/logout', {})).status).toBe(303);
    const after = await client.get(a.url, '/admin/products');
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toMatch(/\/admin\/login/);
  });

  it('when a product is written on one instance, then the other serves and finds it', async () => {
    const client = new AdminHttpClient();
    await client.login(a.url, EMAIL, PASSWORD);
    const token = randomToken();
    const { id: categoryId } = await t.runtime.db('categories').where({ slug: 'tail-lights' }).first('id');
    // Warm B's page cache for the listing first: a stale cache on B is exactly what must not happen.
    const listingBefore = await (await fetch(`${b.url}/c/tail-lights?sort=newest`)).text();
    expect(listingBefore).not.toContain(token);
    const res = await client.post(a.url, '/admin/products', productForm(categoryId, token, 1));
    expect(res.status).toBe(303);
    const row = await t.runtime.db('products').where('title', 'like', `${token}%`).first('id', 'slug');
    expect(row).toBeDefined();
    const page = await fetch(`${b.url}/p/${row.slug}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(token);
    expect(await (await fetch(`${b.url}/c/tail-lights?sort=newest`)).text()).toContain(token);
    // Embedded search is updated in the write's transaction; Meilisearch through the outbox.
    expect(await eventually(() => searchIds(b, token), (ids) => ids.length === 1)).toEqual([Number(row.id)]);
  });

  it('when login fails across both instances, then the throttle counts them together', async () => {
    const ip = '203.0.113.77';
    const attempt = async (app: AppProcess) => {
      const c = new AdminHttpClient();
      await c.refreshCsrf(app.url, '/admin/login');
      return (await c.post(app.url, '/admin/login', { email: EMAIL, password: 'definitely the wrong password' }, { 'x-forwarded-for': ip })).status;
    };
    const statuses: number[] = [];
    for (const app of [a, b, a, b, a]) statuses.push(await attempt(app));
    expect(statuses.every((s) => s === 401)).toBe(true);
    expect(await attempt(b)).toBe(429);
    expect(await attempt(a)).toBe(429);
  });
});
