import { startMeiliStub, type MeiliStub } from '../../helpers/meili-stub';
import type { MeilisearchEngine } from '../../../src/search/meilisearch';
import type { SearchDocument } from '../../../src/search/search-engine';
import { Catalogue, eventually, expectIndexEqualsTruth, makeEngine, openTestDb, outboxRows, product, write, type TestDb } from './meili-kit';

/**
 * Item 3 of issue 15: a reindex that fails at the swap, or loses its lease, must not lose the
 * writes made while it ran, and must leave the live index serving.
 */
describe('Meilisearch reindex when things go wrong', () => {
  let stub: MeiliStub;
  let t: TestDb;
  let engine: MeilisearchEngine;
  let catalogue: Catalogue;

  /** A committed write: in the database (the catalogue a reindex reads) and in the outbox. */
  const commit = async (docs: SearchDocument[]): Promise<void> => {
    await write(engine, t.db, docs);
    for (const d of docs) catalogue.put(d);
  };

  beforeEach(async () => {
    stub = await startMeiliStub();
    t = await openTestDb();
    catalogue = new Catalogue();
    engine = makeEngine(stub, t.db, catalogue);
  });
  afterEach(async () => {
    stub.holdTasks(null);
    await engine.stop();
    await t.close();
    await stub.close();
    expect(stub.violations).toEqual([]);
  });

  it.each([
    ['fails', undefined],
    ['is cancelled', 'canceled' as const],
  ])('when the swap %s, then the change written during the build is still in the outbox and reaches the live index', async (_label, outcome) => {
    await commit([1, 2, 3].map((id) => product(id)));
    await engine.drain();
    let wrote = false;
    catalogue.betweenBatches = async () => {
      if (wrote) return;
      wrote = true;
      await commit([product(9, { title: '构建期间新增' })]);
      stub.failNextTasks((task) => task.type === 'indexSwap', outcome);
    };
    await expect(engine.reindex()).rejects.toThrow(outcome ? /canceled/ : /internal/);

    expect([...stub.indexes.keys()]).toEqual([engine.indexUid]);
    expect((await outboxRows(t.db)).map((r) => r.doc_id)).toEqual([9]);
    stub.failNextTasks(0);
    catalogue.betweenBatches = null;
    expect((await engine.drain()).status).toBe('delivered');
    await expectIndexEqualsTruth(stub, engine, t.db, catalogue.docs.values());
  });

  it('when the swap fails after a replay, then a later reindex still succeeds and nothing is lost', async () => {
    await commit([product(1)]);
    await engine.drain();
    catalogue.betweenBatches = async () => {
      catalogue.betweenBatches = null;
      await commit([product(1, { title: '改名' }), product(2)]);
      stub.failNextTasks((task) => task.type === 'indexSwap');
    };
    await expect(engine.reindex()).rejects.toThrow();
    expect((await outboxRows(t.db)).map((r) => r.doc_id).sort()).toEqual([1, 2]);
    stub.failNextTasks(0);
    await engine.reindex();
    await expectIndexEqualsTruth(stub, engine, t.db, catalogue.docs.values());
  });

  it('when another process takes the lease mid-build, then the reindex aborts before the swap and the live index keeps serving', async () => {
    await commit([product(1, { title: '线上' }), product(2)]);
    await engine.drain();
    catalogue.betweenBatches = async () => {
      catalogue.betweenBatches = null;
      await commit([product(3)]);
      // As if this process had stalled past its lease and another one took over.
      await t.db('search_outbox_lease').update({ holder: 'worker:elsewhere', expires_at: Date.now() + 60_000 });
    };
    await expect(engine.reindex()).rejects.toThrow(/lease was lost/);
    expect(stub.tasks.filter((task) => task.type === 'indexSwap')).toHaveLength(0);
    expect(stub.indexes.get(engine.indexUid)?.docs.get('product-1')?.title).toBe('线上');
    expect((await outboxRows(t.db)).map((r) => r.doc_id)).toEqual([3]);
    // The other holder is done; the worker takes over.
    await t.db('search_outbox_lease').update({ holder: null, expires_at: 0 });
    expect((await engine.drain()).status).toBe('delivered');
    await expectIndexEqualsTruth(stub, engine, t.db, catalogue.docs.values());
  });

  it('when applying the live settings is slow, then the lease is renewed meanwhile so no worker slips in', async () => {
    engine = makeEngine(stub, t.db, catalogue, { worker: { leaseTtlMs: 300, retryBaseMs: 1, retryMaxMs: 20, idleMs: 10, maxAttempts: 3 } });
    await commit([product(1), product(2)]);
    await engine.drain();
    await commit([product(3)]);
    const other = makeEngine(stub, t.db, catalogue);
    stub.holdTasks((task) => task.type === 'settingsUpdate');
    const running = engine.reindex();
    await eventually(async () => stub.tasks.some((task) => task.type === 'settingsUpdate' && task.status === 'processing'));
    // Well past the 300 ms lease: only renewal keeps it.
    for (let i = 0; i < 6; i++) {
      await new Promise((r) => setTimeout(r, 200));
      expect((await other.worker.drainOnce()).status).toBe('busy');
    }
    stub.holdTasks(null);
    await running;
    await engine.drain();
    await expectIndexEqualsTruth(stub, engine, t.db, catalogue.docs.values());
  });

  it('when a replayed document task is slow, then the reindex waits on it (renewing the lease) and swaps once it is done', async () => {
    engine = makeEngine(stub, t.db, catalogue, { taskTimeoutMs: 500, worker: { leaseTtlMs: 300, retryBaseMs: 1, retryMaxMs: 20, idleMs: 10, maxAttempts: 3 } });
    await commit([product(1)]);
    await engine.drain();
    let tmp = '';
    catalogue.betweenBatches = async () => {
      catalogue.betweenBatches = null;
      await commit([product(2, { title: '构建期间' })]);
      tmp = [...stub.indexes.keys()].find((k) => k !== engine.indexUid) ?? '';
      // The replay's task (one document, product-2) is held; the bulk load is done by now.
      stub.holdTasks((task) => task.type === 'documentAdditionOrUpdate' && task.indexUid === tmp && Array.isArray(task.payload) && task.payload.length === 1);
    };
    const running = engine.reindex();
    await eventually(async () => stub.tasks.some((task) => task.indexUid === tmp && task.status === 'processing' && task.type === 'documentAdditionOrUpdate'), 2000);
    await new Promise((r) => setTimeout(r, 1200));
    expect((await outboxRows(t.db)).map((r) => r.doc_id)).toEqual([2]);
    stub.holdTasks(null);
    await running;
    await expectIndexEqualsTruth(stub, engine, t.db, catalogue.docs.values());
  });
});
