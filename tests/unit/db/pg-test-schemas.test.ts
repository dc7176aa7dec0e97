import { copySchemaRows, dropRunSchemas, newTestSchema, withPgAdmin } from '../../helpers/pg-schemas';
import { createDb, insertReturningId } from '../../../src/db/knex';
import { migrateLatest } from '../../../src/db/migrate';
import { describeOn, pgUrl } from '../../helpers/test-db';

describeOn('pg')('PostgreSQL test schemas', () => {
  it('when leftovers are swept, then only stale schemas of the tests go; other schemas stay', async () => {
    const stale = 'qt_000001_abcdef_12345678';
    const foreign = 'qt_keep_me';
    await withPgAdmin(pgUrl(), async (admin) => {
      for (const s of [stale, foreign]) await admin.raw('create schema if not exists ??', [s]);
      try {
        const dropped = await dropRunSchemas(admin, null);
        expect(dropped).toContain(stale);
        expect(dropped).not.toContain(foreign);
        const left = (await admin.raw('select nspname from pg_namespace where nspname = any(?)', [[stale, foreign]])).rows.map((r: { nspname: string }) => r.nspname);
        expect(left).toEqual([foreign]);
      } finally {
        await admin.raw('drop schema if exists ?? cascade', [foreign]);
      }
    });
  });

  it('when a schema is cloned, then rows, foreign keys and the next id carry over', async () => {
    const [from, to] = [newTestSchema(), newTestSchema()];
    const source = createDb({ client: 'pg', url: pgUrl(), schema: from });
    const target = createDb({ client: 'pg', url: pgUrl(), schema: to });
    try {
      await migrateLatest(source);
      const parent = await insertReturningId(source, 'categories', { slug: 'parent', name: '父' });
      await insertReturningId(source, 'categories', { slug: 'child', name: '子', parent_id: parent });
      const productId = await insertReturningId(source, 'products', { slug: 'p', title: 'p', price_fen: 1, category_id: parent });
      await migrateLatest(target);
      await copySchemaRows(target, from, to);
      expect((await target('categories').orderBy('id').select('slug', 'parent_id')).map((r) => [r.slug, r.parent_id])).toEqual([['parent', null], ['child', parent]]);
      expect(await insertReturningId(target, 'products', { slug: 'q', title: 'q', price_fen: 1 })).toBe(productId + 1);
      await expect(target('products').insert({ slug: 'bad', title: 'b', price_fen: 1, category_id: 999 })).rejects.toThrow(/foreign key/i);
      expect(Number((await source('products').count({ n: '*' }))[0].n)).toBe(1);
    } finally {
      await source.destroy();
      await target.destroy();
      await withPgAdmin(pgUrl(), async (admin) => {
        for (const s of [from, to]) await admin.raw('drop schema if exists ?? cascade', [s]);
      });
    }
  });
});
