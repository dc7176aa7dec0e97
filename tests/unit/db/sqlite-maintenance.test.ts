import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb } from '../../../src/db/knex';
import { sqliteMaintenance } from '../../../src/db/sqlite-maintenance';
import { describeOn } from '../../helpers/test-db';

describeOn('sqlite')('SQLite maintenance after a bulk write from another connection', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qipei-maint-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('when another process bulk-writes while the app holds its connection, then a pass truncates the WAL and refreshes the statistics', async () => {
    const filename = path.join(dir, 'shop.sqlite');
    const app = createDb({ client: 'sqlite3', filename });
    const importer = createDb({ client: 'sqlite3', filename });
    try {
      await app.schema.createTable('items', (t) => {
        t.increments('id');
        t.string('slug').notNullable();
        t.integer('category').notNullable().index();
        t.text('body');
      });
      // The app reads, as a serving process does between writes.
      expect(await app('items').count({ n: '*' })).toEqual([{ n: 0 }]);
      const maintenance = sqliteMaintenance(app, { walLimitBytes: 512 * 1024 })!;
      await maintenance.run();

      // One large transaction, like an import or a reindex: the whole write sits in the WAL.
      const rows = Array.from({ length: 6000 }, (_, i) => ({ slug: `bulk-${i}`, category: i % 12, body: 'x'.repeat(200) }));
      await importer.transaction((trx) => trx.batchInsert('items', rows, 500));
      const walBefore = fs.statSync(`${filename}-wal`).size;
      expect(walBefore).toBeGreaterThan(512 * 1024);

      // The first pass sees the write just happened and leaves it for the next, quiet one.
      expect(await maintenance.run()).toMatchObject({ checkpointed: false, optimized: false });
      const result = await maintenance.run();
      expect(result).toMatchObject({ checkpointed: true, optimized: true, walBytesAfter: 0 });
      expect(result.walBytesBefore).toBe(walBefore);
      expect(fs.statSync(`${filename}-wal`).size).toBe(0);
      // sqlite_stat1's first number is the table's row count as the planner will now see it.
      const stat = await app('sqlite_stat1').where({ tbl: 'items' }).first('stat');
      expect(Number(String(stat.stat).split(' ')[0])).toBe(6000);
      // Nothing lost: the importer's rows are all in the database file.
      expect(await app('items').count({ n: '*' })).toEqual([{ n: 6000 }]);
    } finally {
      await importer.destroy();
      await app.destroy();
    }
  });

  it('when another process holds the write lock, then a pass fails at once with SQLITE_BUSY instead of waiting, and the app keeps serving', async () => {
    const filename = path.join(dir, 'busy.sqlite');
    const app = createDb({ client: 'sqlite3', filename });
    const importer = createDb({ client: 'sqlite3', filename });
    try {
      await app.schema.createTable('items', (t) => t.increments('id'));
      const maintenance = sqliteMaintenance(app)!;
      await maintenance.run();
      await maintenance.run();
      await importer('items').insert({});
      expect(await maintenance.run()).toMatchObject({ optimized: false });
      // The importer is mid-transaction (write lock held) when the quiet pass wants to optimize.
      await importer.transaction(async (trx) => {
        await trx('items').insert({});
        await expect(maintenance.run()).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
        // The app's connection is back at its normal busy_timeout and serves reads meanwhile.
        expect(await app.raw('PRAGMA busy_timeout')).toEqual([{ timeout: 10_000 }]);
        expect(await app('items').count({ n: '*' })).toEqual([{ n: 1 }]);
      });
      expect(await maintenance.run()).toMatchObject({ optimized: false });
      expect(await maintenance.run()).toMatchObject({ optimized: true });
    } finally {
      await importer.destroy();
      await app.destroy();
    }
  });

  it('when nothing was written since the last maintenance, then a pass neither checkpoints nor optimizes', async () => {
    const filename = path.join(dir, 'idle.sqlite');
    const app = createDb({ client: 'sqlite3', filename });
    try {
      await app.schema.createTable('items', (t) => t.increments('id'));
      const maintenance = sqliteMaintenance(app)!;
      await maintenance.run();
      expect(await maintenance.run()).toMatchObject({ optimized: true });
      expect(await maintenance.run()).toMatchObject({ checkpointed: false, optimized: false });
    } finally {
      await app.destroy();
    }
  });
});
