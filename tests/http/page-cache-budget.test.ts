import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import type { Knex } from 'knex';
import { createDb } from '../../src/db/knex';
import { pageCache } from '../../src/app/page-cache';
import { bumpContentVersion } from '../../src/shared/content-version';

/** A page of about `kb` KB whose body names its URL, so a served page shows where it came from. */
function appWith(db: Knex, maxBytes: number, kb = 20) {
  const cache = pageCache(db, { maxBytes, cacheable: (p) => p.startsWith('/p/') });
  let renders = 0;
  const app = express();
  app.use(cache);
  app.get('/p/:slug', (req, res) => {
    renders++;
    res.type('html').send(`<h1>${req.params.slug}</h1>${'商'.repeat((kb * 1024) / 3)}`);
  });
  return { app, cache, renders: () => renders };
}

describe('the page cache budget (bytes, not entries)', () => {
  let dir: string;
  let db: Knex;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qipei-pcache-'));
    db = createDb({ client: 'sqlite3', filename: path.join(dir, 'cache.sqlite') });
    await db.schema.createTable('content_versions', (t) => {
      t.string('name').primary();
      t.bigInteger('version').notNullable();
    });
    await bumpContentVersion(db, 'catalog');
  });
  afterAll(async () => {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('when many distinct URLs are requested, then the cache stays within its byte budget and keeps the recent pages', async () => {
    const budget = 1024 * 1024;
    const { app, cache, renders } = appWith(db, budget);
    for (let i = 0; i < 300; i++) await request(app).get(`/p/item-${i}`).set('Host', 'shop.test').expect(200);
    const stats = cache.stats();
    // 300 pages of ~20 KB (UTF-8: ~6 MB) were offered to a 1 MB budget.
    expect(stats.bytes).toBeLessThanOrEqual(budget);
    expect(stats.bytes).toBeGreaterThan(budget / 2);
    expect(stats.entries).toBeLessThan(300);
    // The most recent page is served from the cache, the oldest was evicted and renders again.
    const before = renders();
    expect((await request(app).get('/p/item-299').set('Host', 'shop.test').expect(200)).text).toContain('<h1>item-299</h1>');
    expect(renders()).toBe(before);
    await request(app).get('/p/item-0').set('Host', 'shop.test').expect(200);
    expect(renders()).toBe(before + 1);
  });

  it('when a page is bigger than a quarter of the budget, then it is served but not cached', async () => {
    const { app, cache, renders } = appWith(db, 256 * 1024, 100);
    await request(app).get('/p/huge').set('Host', 'shop.test').expect(200);
    await request(app).get('/p/huge').set('Host', 'shop.test').expect(200);
    expect(renders()).toBe(2);
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });

  it('when the catalogue version moves, then every entry of the old version is dropped at once', async () => {
    const { app, cache } = appWith(db, 4 * 1024 * 1024, 4);
    for (let i = 0; i < 20; i++) await request(app).get(`/p/v-${i}`).set('Host', 'shop.test').expect(200);
    expect(cache.stats().entries).toBe(20);
    await bumpContentVersion(db, 'catalog');
    await request(app).get('/p/v-0').set('Host', 'shop.test').expect(200);
    expect(cache.stats().entries).toBe(1);
  });
});
