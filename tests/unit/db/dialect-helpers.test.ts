import type { Knex } from 'knex';
import { dialectOf, insertReturningId, whereContains } from '../../../src/db/knex';
import { migrateLatest } from '../../../src/db/migrate';
import { bumpContentVersion, readContentVersion } from '../../../src/shared/content-version';
import { createTestDb, testDialect, type TestDb } from '../../helpers/test-db';

let t: TestDb;
let db: Knex;
beforeAll(async () => {
  t = await createTestDb();
  db = t.db;
  await migrateLatest(db);
});
afterAll(async () => t.close());

const titles = ['50% 折扣贴纸', '50\\ 反斜杠', 'LED_尾灯', 'LEDx尾灯', 'Tail Light 宝骏'];

describe(`the portable query helpers on ${testDialect()}`, () => {
  beforeAll(async () => {
    for (const [i, title] of titles.entries()) await insertReturningId(db, 'products', { slug: `like-${i}`, title, price_fen: 100 });
  });

  it('when the db is asked for its dialect, then it names the one DATABASE_URL chose', () => {
    expect(dialectOf(db)).toBe(testDialect());
  });

  it.each([
    ['50%', ['50% 折扣贴纸']],
    ['50\\', ['50\\ 反斜杠']],
    ['LED_', ['LED_尾灯']],
    ['tail light', ['Tail Light 宝骏']],
    ['尾灯', ['LED_尾灯', 'LEDx尾灯']],
  ])('when searching for %j, then LIKE wildcards in it match only themselves', async (text, expected) => {
    const rows = await whereContains(db, db('products').select('title').whereLike('slug', 'like-%'), ['title', 'name_en'], text).orderBy('id');
    expect(rows.map((r: { title: string }) => r.title)).toEqual(expected);
  });

  it('when rows are inserted, then insertReturningId gives consecutive numeric ids', async () => {
    const a = await insertReturningId(db, 'tags', { slug: 'id-a', name: 'a' });
    const b = await insertReturningId(db, 'tags', { slug: 'id-b', name: 'b' });
    expect(typeof a).toBe('number');
    expect(b).toBe(a + 1);
  });

  it('when a content version is bumped from nothing and again, then it reads 1 then 2 as numbers', async () => {
    expect(await readContentVersion(db, 'dialect-test')).toBe(0);
    await bumpContentVersion(db, 'dialect-test');
    expect(await readContentVersion(db, 'dialect-test')).toBe(1);
    await db.transaction((trx) => bumpContentVersion(trx, 'dialect-test'));
    expect(await readContentVersion(db, 'dialect-test')).toBe(2);
  });

  it('when the insert path of a version bump hits an existing row, then onConflict merges instead of failing', async () => {
    await db('content_versions').insert({ name: 'merge-test', version: 5 }).onConflict('name').merge({ version: db.raw('content_versions.version + 1') });
    await db('content_versions').insert({ name: 'merge-test', version: 5 }).onConflict('name').merge({ version: db.raw('content_versions.version + 1') });
    expect(await readContentVersion(db, 'merge-test')).toBe(6);
  });
});
