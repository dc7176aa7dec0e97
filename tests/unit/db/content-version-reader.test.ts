import type { Knex } from 'knex';
import { migrateLatest } from '../../../src/db/migrate';
import { createDb } from '../../../src/db/knex';
import { bumpContentVersion, createVersionReader, singleFlight, sqliteChangeProbe } from '../../../src/shared/content-version';
import { createTestDb, testDialect, type TestDb } from '../../helpers/test-db';

let t: TestDb;
let db: Knex;
beforeAll(async () => {
  t = await createTestDb();
  db = t.db;
  await migrateLatest(db);
});
afterAll(async () => t.close());

describe(`the content version reader under concurrent requests (${testDialect()})`, () => {
  it('when 32 requests ask right after a commit, then every one sees the commit and the versions are read at most twice', async () => {
    const reader = createVersionReader(db);
    await reader();
    const reads: string[] = [];
    const count = (q: { sql: string }) => q.sql.includes('content_versions') && reads.push(q.sql);
    db.on('query', count);
    try {
      await bumpContentVersion(db, 'catalog');
      const expected = (await db('content_versions').where({ name: 'catalog' }).first('version')).version;
      reads.length = 0;
      const seen = await Promise.all(Array.from({ length: 32 }, () => reader()));
      expect(new Set(seen).size).toBe(1);
      expect(seen[0]).toContain(`catalog:${expected}`);
      expect(reads.length).toBeGreaterThanOrEqual(1);
      expect(reads.length).toBeLessThanOrEqual(2);
    } finally {
      db.off('query', count);
    }
  });
});

describe('singleFlight', () => {
  it('when callers arrive while a read runs, then they share one read that starts after it, never the running one', async () => {
    const started: number[] = [];
    const finish: (() => void)[] = [];
    let value = 0;
    const read = singleFlight(() => {
      started.push(++value);
      const mine = value;
      return new Promise<number>((resolve) => finish.push(() => resolve(mine)));
    });
    const first = read();
    const late = [read(), read(), read()];
    expect(started).toEqual([1]);
    finish[0]();
    expect(await first).toBe(1);
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([1, 2]);
    finish[1]();
    expect(await Promise.all(late)).toEqual([2, 2, 2]);
  });

  it('when a read fails, then its callers get the error and the next caller starts a fresh read', async () => {
    let calls = 0;
    const read = singleFlight(async () => {
      calls++;
      if (calls === 1) throw new Error('database unavailable');
      return 'catalog:2';
    });
    await expect(read()).rejects.toThrow('database unavailable');
    await expect(read()).resolves.toBe('catalog:2');
    expect(calls).toBe(2);
  });
});

describe('the SQLite change probe', () => {
  const sqliteOnly = testDialect() === 'sqlite' ? it : it.skip;

  sqliteOnly('when another connection commits, then the token changes at every commit, and only then', async () => {
    const probe = sqliteChangeProbe(db)!;
    await db.raw('SELECT 1');
    const filename = (db.client.config.connection as { filename: string }).filename;
    const other = createDb({ client: 'sqlite3', filename });
    try {
      await other.raw('CREATE TABLE IF NOT EXISTS probe_marks (n INTEGER)');
      await other('probe_marks').insert({ n: -1 });
      let token = probe();
      for (let n = 0; n < 20; n++) {
        // Same-size commits back to back: file sizes and coarse file times could not tell these apart.
        await other('probe_marks').update({ n });
        const next = probe();
        expect(next).not.toBe(token);
        token = next;
        await db.raw('SELECT count(*) FROM probe_marks');
        expect(probe()).toBe(token);
      }
      // After a checkpoint that restarts the WAL, commits still show.
      await other.raw('PRAGMA wal_checkpoint(TRUNCATE)');
      token = probe();
      await other('probe_marks').insert({ n: 99 });
      expect(probe()).not.toBe(token);
    } finally {
      await other.destroy();
    }
  });
});
