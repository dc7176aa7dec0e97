import type { Knex } from 'knex';
import { rawReader } from '../../../src/db/raw-reader';
import { createTestDb, testDialect, type TestDb } from '../../helpers/test-db';

let t: TestDb;
let db: Knex;
beforeAll(async () => {
  t = await createTestDb();
  db = t.db;
  await db.schema.createTable('reader_rows', (table) => {
    table.integer('n').notNullable();
  });
});
afterAll(async () => t.close());

describe(`reads beside knex (${testDialect()})`, () => {
  it('when bindings are given, then the rows come back as plain objects', async () => {
    await db('reader_rows').insert([{ n: 1 }, { n: 2 }, { n: 3 }]);
    const read = rawReader(db);
    expect(await read<{ n: number }>('SELECT n FROM reader_rows WHERE n >= ? ORDER BY n', [2])).toEqual([{ n: 2 }, { n: 3 }]);
  });

  it('when a transaction is writing, then a read waits for it and never sees its uncommitted rows', async () => {
    const read = rawReader(db);
    let seenInside: number | null = null;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const writer = db.transaction(async (trx) => {
      await trx('reader_rows').insert({ n: 100 });
      await gate;
    });
    // Issued while the transaction holds the connection (SQLite has one): it must not run inside it.
    await new Promise((r) => setTimeout(r, 20));
    const reading = read<{ c: number }>('SELECT count(*) AS c FROM reader_rows WHERE n = 100', []).then((rows) => {
      seenInside = Number(rows[0].c);
    });
    await new Promise((r) => setTimeout(r, 20));
    if (testDialect() === 'sqlite') expect(seenInside).toBeNull();
    release();
    await writer;
    await reading;
    // SQLite: the read ran after the commit; PostgreSQL: on another connection, before or after it, never half-way.
    expect([0, 1]).toContain(seenInside);
    if (testDialect() === 'sqlite') expect(seenInside).toBe(1);
  });

  it('when the statement is malformed, then the error reaches the caller and the connection is given back', async () => {
    const read = rawReader(db);
    await expect(read('SELECT nonsense FROM nowhere', [])).rejects.toThrow();
    expect(await read<{ one: number }>('SELECT 1 AS one', [])).toEqual([{ one: 1 }]);
  });
});
