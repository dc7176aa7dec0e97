import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb } from '../../../src/db/knex';
import { migrateLatest, migrateRollbackAll } from '../../../src/db/migrate';
import { LocalMediaStorage } from '../../../src/media';
import { runSeeds } from '../../../seeds';

describe('migrations and seeds on a real SQLite file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qipei-mig-'));
  const db = createDb({ client: 'sqlite3', filename: path.join(dir, 'db.sqlite') });
  afterAll(async () => {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('when each connection opens, then WAL, foreign keys, busy_timeout and synchronous=NORMAL are set', async () => {
    expect((await db.raw('PRAGMA journal_mode'))[0].journal_mode).toBe('wal');
    expect((await db.raw('PRAGMA foreign_keys'))[0].foreign_keys).toBe(1);
    expect((await db.raw('PRAGMA busy_timeout'))[0].timeout).toBeGreaterThanOrEqual(5000);
    expect((await db.raw('PRAGMA synchronous'))[0].synchronous).toBe(1);
  });

  it('when migrated up, down and up again, then the schema comes back', async () => {
    await migrateLatest(db);
    expect(await db.schema.hasTable('products')).toBe(true);
    await migrateRollbackAll(db);
    expect(await db.schema.hasTable('products')).toBe(false);
    expect(await db.schema.hasTable('categories')).toBe(false);
    await migrateLatest(db);
    expect(await db.schema.hasTable('product_variants')).toBe(true);
  });

  it('when seeds run twice, then the second run adds nothing', async () => {
    const storage = new LocalMediaStorage(path.join(dir, 'media'));
    await runSeeds(db, { storage });
    const count = async (table: string) => Number((await db(table).count({ n: '*' }))[0].n);
    const before = { products: await count('products'), variants: await count('product_variants'), images: await count('product_images'), categories: await count('categories') };
    expect(before.products).toBeGreaterThanOrEqual(65);
    await runSeeds(db, { storage });
    expect({ products: await count('products'), variants: await count('product_variants'), images: await count('product_images'), categories: await count('categories') }).toEqual(before);
  }, 180_000); // renders every placeholder image with sharp: slow on a loaded 2-core machine

  it('when seeded, then the charger has 12V/24V and the tail light 左/右/一对 variants', async () => {
    const labels = async (like: string) =>
      (await db('product_variants as v').join('products as p', 'p.id', 'v.product_id').where('p.title', 'like', `%${like}%`).orderBy('v.position').select('v.label')).map((r) => r.label);
    expect(await labels('电瓶充电器12v24v')).toEqual(['12V', '24V']);
    expect(await labels('宝骏730后尾灯总成')).toEqual(['左', '右', '一对']);
  });
});
