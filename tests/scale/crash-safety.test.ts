import { startAppProcess, type AppProcess } from '../helpers/app-process';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { AdminHttpClient, createAdmin, EMAIL, eventually, PASSWORD, productForm, randomToken, searchIds } from './scale-kit';

const WRITES = 1000;
const CONCURRENCY = 4;

/**
 * kill -9 in the middle of 1,000 admin writes: every write the app acknowledged is in the database
 * after a restart, and search (the embedded index, or Meilisearch fed by the outbox) holds exactly
 * what the database holds: nothing missing, nothing extra.
 */
describe('crash safety', () => {
  let t: TestApp;
  let app: AppProcess | undefined;

  beforeAll(async () => {
    t = await createTestApp();
    await createAdmin(t.runtime.db, EMAIL, PASSWORD);
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
    await t?.close();
  });

  it('when the app is killed mid-stream, then no acknowledged write is lost and search matches the database', async () => {
    const token = randomToken();
    const { id: categoryId } = await t.runtime.db('categories').where({ slug: 'tail-lights' }).first('id');
    app = await startAppProcess({ ...t.env });
    const first = app;
    const client = new AdminHttpClient();
    expect((await client.login(first.url, EMAIL, PASSWORD)).status).toBe(303);

    // Kill somewhere in the middle, at a point the writer cannot predict.
    const killAt = 150 + Math.floor(Math.random() * 250);
    const acknowledged: number[] = [];
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (!killed && next < WRITES) {
        const i = next++;
        try {
          const res = await client.post(first.url, '/admin/products', productForm(categoryId, token, i));
          if (res.status === 303) acknowledged.push(i);
          else if (!killed) throw new Error(`write ${i} answered ${res.status}: ${first.output().slice(-2000)}`);
        } catch (err) {
          if (!killed) throw err;
        }
        if (acknowledged.length >= killAt && !killed) {
          killed = true;
          await first.kill9();
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(killed).toBe(true);
    expect(acknowledged.length).toBeGreaterThanOrEqual(killAt);

    app = await startAppProcess({ ...t.env });
    const rows: { id: number; title: string }[] = await t.runtime.db('products').where('title', 'like', `${token}%`).select('id', 'title');
    const stored = new Set(rows.map((r) => Number(/第(\d+)件/.exec(r.title)![1])));
    const lost = acknowledged.filter((i) => !stored.has(i));
    expect(lost).toEqual([]);
    // Writes in flight at the kill may or may not have committed; each one is whole or absent.
    expect(rows.length).toBeGreaterThanOrEqual(acknowledged.length);
    expect(rows.length).toBeLessThanOrEqual(acknowledged.length + CONCURRENCY);

    const dbIds = rows.map((r) => Number(r.id)).sort((x, y) => x - y);
    const found = await eventually(() => searchIds(app!, token), (ids) => ids.length === dbIds.length && ids.every((id, k) => id === dbIds[k]), 30_000);
    expect(found).toEqual(dbIds);
  }, 180_000);
});
