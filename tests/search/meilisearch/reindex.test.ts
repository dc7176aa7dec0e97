import { startMeiliStub, type MeiliStub } from '../../helpers/meili-stub';
import type { MeilisearchEngine } from '../../../src/search/meilisearch';
import { Catalogue, makeEngine, openTestDb, outboxRows, product, query, write, type TestDb } from './meili-kit';

describe('Meilisearch reindex', () => {
  let stub: MeiliStub;
  let t: TestDb;
  let engine: MeilisearchEngine;
  let catalogue: Catalogue;

  beforeEach(async () => {
    stub = await startMeiliStub();
    t = await openTestDb();
    catalogue = new Catalogue();
    engine = makeEngine(stub, t.db, catalogue);
  });
  afterEach(async () => {
    await engine.stop();
    await t.close();
    await stub.close();
    expect(stub.violations).toEqual([]);
  });

  it('when reindexing, then a fresh index is swapped in, search keeps answering, and changes made meanwhile survive', async () => {
    for (const id of [1, 2, 3, 4, 5]) catalogue.put(product(id, { title: `刹车片 ${id}` }));
    await write(engine, t.db, [product(1, { title: '刹车片 1' })]);
    await engine.drain();

    const seenDuringBuild: number[] = [];
    let wroteMeanwhile = false;
    catalogue.betweenBatches = async () => {
      // Search is served by the old index while the new one fills.
      seenDuringBuild.push((await engine.search(query({ q: '刹车片' }))).totalHits);
      if (!wroteMeanwhile) {
        wroteMeanwhile = true;
        // A change committed mid-build: the worker is paused by the lease, the row waits.
        await write(engine, t.db, [product(9, { title: '刹车片 新' })]);
        expect((await engine.worker.drainOnce()).status).toBe('busy');
      }
    };
    const progress: [number, number][] = [];
    await engine.reindex((done, total) => progress.push([done, total]));

    expect(seenDuringBuild.length).toBeGreaterThan(0);
    expect(seenDuringBuild.every((n) => n >= 1)).toBe(true);
    expect(progress.at(-1)).toEqual([5, 5]);
    // The replay put the mid-build change into the new index before the swap.
    expect(await outboxRows(t.db)).toEqual([]);
    const res = await engine.search(query({ q: '刹车片' }));
    expect(res.hits.map((h) => h.id).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 9]);
    // Only the live index remains; the temporary uid (holding the old documents) was deleted.
    expect([...stub.indexes.keys()]).toEqual([engine.indexUid]);
    expect(stub.tasks.filter((task) => task.type === 'indexSwap' && task.status === 'succeeded')).toHaveLength(1);
  });

  it('when the server fails during a reindex, then the live index is untouched and the temporary one is removed', async () => {
    catalogue.put(product(1));
    await write(engine, t.db, [product(1, { title: 'live copy' })]);
    await engine.drain();
    catalogue.betweenBatches = async () => stub.failNextTasks((task) => task.type === 'indexSwap');
    await expect(engine.reindex()).rejects.toThrow(/internal/);
    expect([...stub.indexes.keys()]).toEqual([engine.indexUid]);
    expect(stub.indexes.get(engine.indexUid)?.docs.get('product-1')?.title).toBe('live copy');
    // The lease was released: the worker delivers again.
    stub.failNextTasks(0);
    await write(engine, t.db, [product(2)]);
    expect((await engine.drain()).status).toBe('delivered');
  });
});
