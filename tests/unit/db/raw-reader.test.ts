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

it('when the database is closed, then its reader refuses to read', async () => {
  const other = await createTestDb();
  const read = rawReader(other.db);
  expect(await read<{ one: number }>('SELECT 1 AS one', [])).toEqual([{ one: 1 }]);
  await other.close();
  if (testDialect() === 'sqlite') await expect(read('SELECT 1 AS one', [])).rejects.toThrow(/closed/);
  else await expect(read('SELECT 1 AS one', [])).rejects.toThrow();
});

describe(`reads beside knex (${testDialect()})`, () => {
  it('when bindings are given, then the rows come back as plain objects', async () => {
    await db('reader_rows').insert([{ n: 1 }, { n: 2 }, { n: 3 }]);
    const read = rawReader(db);
    expect(await read<{ n: number }>('SELECT n FROM reader_rows WHERE n >= ? ORDER BY n', [2])).toEqual([{ n: 2 }, { n: 3 }]);
  });

  it('when a transaction is writing, then a read answers from the last commit and never sees its uncommitted rows', async () => {
    const read = rawReader(db);
    let seenInside: number | null = null;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const insertDone = new Promise<void>((resolve) => (inserted = resolve));
    const writer = db.transaction(async (trx) => {
      await trx('reader_rows').insert({ n: 100 });
      inserted();
      await gate;
    });
    await insertDone;
    // SQLite: its own connection reads the last committed state while knex's one connection is in
    // the transaction (no waiting). PostgreSQL: another pooled connection, the same.
    seenInside = Number((await read<{ c: number }>('SELECT count(*) AS c FROM reader_rows WHERE n = 100', []))[0].c);
    expect(seenInside).toBe(0);
    release();
    await writer;
    expect(Number((await read<{ c: number }>('SELECT count(*) AS c FROM reader_rows WHERE n = 100', []))[0].c)).toBe(1);
  });

  it('when several reads are issued at once, then each answers its own rows', async () => {
    const read = rawReader(db);
    const answers = await Promise.all([1, 2, 3, 100, 7].map((n) => read<{ n: number }>('SELECT n FROM reader_rows WHERE n = ?', [n])));
    expect(answers).toEqual([[{ n: 1 }], [{ n: 2 }], [{ n: 3 }], [{ n: 100 }], []]);
  });

  it('when prepared statements keep the connections busy, then a statement text not seen before still gets its turn', async () => {
    const read = rawReader(db);
    let loading = true;
    const load = Promise.all(Array.from({ length: 6 }, async () => {
      while (loading) await read('SELECT count(*) AS c FROM reader_rows', []);
    }));
    // Runs while the six readers keep issuing their statement: it must not wait for them to stop.
    const fresh = await read<{ answer: number }>('SELECT 6 * 7 AS answer', []);
    const stillLoading = loading;
    loading = false;
    await load;
    expect(fresh).toEqual([{ answer: 42 }]);
    expect(stillLoading).toBe(true);
  });

  it('when asked twice for the same database, then the same reader answers (one set of connections)', () => {
    expect(rawReader(db)).toBe(rawReader(db));
  });

  it('when the statement is malformed, then the error reaches the caller and the connection is given back', async () => {
    const read = rawReader(db);
    await expect(read('SELECT nonsense FROM nowhere', [])).rejects.toThrow();
    expect(await read<{ one: number }>('SELECT 1 AS one', [])).toEqual([{ one: 1 }]);
  });
});
