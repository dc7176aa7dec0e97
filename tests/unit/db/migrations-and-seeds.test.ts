import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Knex } from 'knex';
import { migrateLatest, migrateRollbackAll } from '../../../src/db/migrate';
import { insertReturningId } from '../../../src/db/knex';
import { LocalMediaStorage } from '../../../src/media';
import { toDate } from '../../../src/shared/time';
import { runSeeds } from '../../../seeds';
import { createTestDb, describeOn, testDialect, type TestDb } from '../../helpers/test-db';

// Seeding renders 75 placeholder images with sharp; on a busy 2-core machine that takes a while.
const SEED_TIMEOUT_MS = 180_000;

let t: TestDb;
let db: Knex;
const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qipei-mig-media-'));
beforeAll(async () => {
  t = await createTestDb();
  db = t.db;
});
afterAll(async () => {
  await t.close();
  fs.rmSync(mediaDir, { recursive: true, force: true });
});

const count = async (table: string) => Number((await db(table).count({ n: '*' }))[0].n);

describeOn('sqlite')('SQLite connection settings', () => {
  it('when each connection opens, then WAL, foreign keys, busy_timeout and synchronous=NORMAL are set', async () => {
    expect((await db.raw('PRAGMA journal_mode'))[0].journal_mode).toBe('wal');
    expect((await db.raw('PRAGMA foreign_keys'))[0].foreign_keys).toBe(1);
    expect((await db.raw('PRAGMA busy_timeout'))[0].timeout).toBeGreaterThanOrEqual(5000);
    expect((await db.raw('PRAGMA synchronous'))[0].synchronous).toBe(1);
  });
});

describeOn('pg')('PostgreSQL connection settings', () => {
  it('when a connection opens, then it works in the configured schema only', async () => {
    const row = (await db.raw('select current_schema() as s, current_setting(?) as p', ['search_path'])).rows[0];
    expect(row.s).toMatch(/^qt_/);
    expect(row.p).toBe(row.s);
  });
});

describe(`migrations and seeds on ${testDialect() === 'pg' ? 'PostgreSQL' : 'a real SQLite file'}`, () => {
  it('when migrated up, down and up again, then the schema comes back', async () => {
    await migrateLatest(db);
    expect(await db.schema.hasTable('products')).toBe(true);
    await migrateRollbackAll(db);
    expect(await db.schema.hasTable('products')).toBe(false);
    expect(await db.schema.hasTable('categories')).toBe(false);
    await migrateLatest(db);
    expect(await db.schema.hasTable('product_variants')).toBe(true);
  });

  it('when migrated twice, then the second run changes nothing', async () => {
    const before = (await db('knex_migrations').select('name').orderBy('id')).map((r) => r.name);
    await migrateLatest(db);
    expect((await db('knex_migrations').select('name').orderBy('id')).map((r) => r.name)).toEqual(before);
  });

  it('when a row points at a missing parent, then the foreign key rejects it', async () => {
    await expect(db('product_variants').insert({ product_id: 999_999, label: 'x', sku: 'FK-TEST-1', price_fen: 100 })).rejects.toThrow(/foreign key/i);
  });

  it('when a product is deleted, then its variants go with it (ON DELETE CASCADE)', async () => {
    const id = await insertReturningId(db, 'products', { slug: 'fk-cascade', title: 'fk', price_fen: 100 });
    await db('product_variants').insert({ product_id: id, label: 'x', sku: 'FK-TEST-2', price_fen: 100 });
    await db('products').where({ id }).delete();
    expect(await db('product_variants').where({ sku: 'FK-TEST-2' }).first()).toBeUndefined();
  });

  it('when a boolean and a timestamp are written, then they read back as the same values', async () => {
    const at = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
    const id = await insertReturningId(db, 'products', { slug: 'types-check', title: 't', price_fen: 1, featured: true, created_at: at, updated_at: at });
    const row = await db('products').where({ id }).first('featured', 'created_at');
    expect(Boolean(row.featured)).toBe(true);
    expect(await db('products').where({ id, featured: true }).first('id')).toEqual({ id });
    expect(toDate(row.created_at)?.toISOString()).toBe(at.toISOString());
    await db('products').where({ id }).delete();
  });

  it('when seeds run twice, then the second run adds nothing', async () => {
    const storage = new LocalMediaStorage(mediaDir);
    await runSeeds(db, { storage });
    const before = { products: await count('products'), variants: await count('product_variants'), images: await count('product_images'), categories: await count('categories') };
    expect(before.products).toBeGreaterThanOrEqual(65);
    await runSeeds(db, { storage });
    expect({ products: await count('products'), variants: await count('product_variants'), images: await count('product_images'), categories: await count('categories') }).toEqual(before);
  }, SEED_TIMEOUT_MS);

  it('when seeded, then the charger has 12V/24V and the tail light 左/右/一对 variants', async () => {
    const labels = async (like: string) =>
      (await db('product_variants as v').join('products as p', 'p.id', 'v.product_id').where('p.title', 'like', `%${like}%`).orderBy('v.position').select('v.label')).map((r) => r.label);
    expect(await labels('电瓶充电器12v24v')).toEqual(['12V', '24V']);
    expect(await labels('宝骏730后尾灯总成')).toEqual(['左', '右', '一对']);
  });
});
