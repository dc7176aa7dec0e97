import { eventually, expectIndexEqualsTruth, makeEngine, outboxRows, product, useStubRig } from './meili-kit';

/**
 * Item 3 of issue 15: a reindex that fails at the swap, or loses its lease, must not lose the
 * writes made while it ran, and must leave the live index serving.
 */
describe('Meilisearch reindex when things go wrong', () => {
  const rig = useStubRig();

  it.each([
    ['fails', undefined],
    ['is cancelled', 'canceled' as const],
  ])('when the swap %s, then the change written during the build is still in the outbox and reaches the live index', async (_label, outcome) => {
    await rig.commit([1, 2, 3].map((id) => product(id)));
    await rig.engine.drain();
    let wrote = false;
    rig.catalogue.betweenBatches = async () => {
      if (wrote) return;
      wrote = true;
      await rig.commit([product(9, { title: '构建期间新增' })]);
      rig.stub.failNextTasks((task) => task.type === 'indexSwap', outcome);
    };
    await expect(rig.engine.reindex()).rejects.toThrow(outcome ? /canceled/ : /internal/);

    expect([...rig.stub.indexes.keys()]).toEqual([rig.engine.indexUid]);
    expect((await outboxRows(rig.t.db)).map((r) => r.doc_id)).toEqual([9]);
    rig.stub.failNextTasks(0);
    rig.catalogue.betweenBatches = null;
    expect((await rig.engine.drain()).status).toBe('delivered');
    await expectIndexEqualsTruth(rig.stub, rig.engine, rig.t.db, rig.catalogue.docs.values());
  });

  it('when the swap fails after a replay, then a later reindex still succeeds and nothing is lost', async () => {
    await rig.commit([product(1)]);
    await rig.engine.drain();
    rig.catalogue.betweenBatches = async () => {
      rig.catalogue.betweenBatches = null;
      await rig.commit([product(1, { title: '改名' }), product(2)]);
      rig.stub.failNextTasks((task) => task.type === 'indexSwap');
    };
    await expect(rig.engine.reindex()).rejects.toThrow();
    expect((await outboxRows(rig.t.db)).map((r) => r.doc_id).sort()).toEqual([1, 2]);
    rig.stub.failNextTasks(0);
    await rig.engine.reindex();
    await expectIndexEqualsTruth(rig.stub, rig.engine, rig.t.db, rig.catalogue.docs.values());
  });

  it('when another process takes the lease mid-build, then the reindex aborts before the swap and the live index keeps serving', async () => {
    await rig.commit([product(1, { title: '线上' }), product(2)]);
    await rig.engine.drain();
    rig.catalogue.betweenBatches = async () => {
      rig.catalogue.betweenBatches = null;
      await rig.commit([product(3)]);
      // As if this process had stalled past its lease and another one took over.
      await rig.t.db('search_outbox_lease').update({ holder: 'worker:elsewhere', expires_at: Date.now() + 60_000 });
    };
    await expect(rig.engine.reindex()).rejects.toThrow(/lease was lost/);
    expect(rig.stub.tasks.filter((task) => task.type === 'indexSwap')).toHaveLength(0);
    expect(rig.stub.indexes.get(rig.engine.indexUid)?.docs.get('product-1')?.title).toBe('线上');
    expect((await outboxRows(rig.t.db)).map((r) => r.doc_id)).toEqual([3]);
    // The other holder is done; the worker takes over.
    await rig.t.db('search_outbox_lease').update({ holder: null, expires_at: 0 });
    expect((await rig.engine.drain()).status).toBe('delivered');
    await expectIndexEqualsTruth(rig.stub, rig.engine, rig.t.db, rig.catalogue.docs.values());
  });

  it('when applying the live settings is slow, then the lease is renewed meanwhile so no worker slips in', async () => {
    rig.engine = makeEngine(rig.stub, rig.t.db, rig.catalogue, { worker: { leaseTtlMs: 300, retryBaseMs: 1, retryMaxMs: 20, idleMs: 10, maxAttempts: 3 } });
    await rig.commit([product(1), product(2)]);
    await rig.engine.drain();
    await rig.commit([product(3)]);
    const other = makeEngine(rig.stub, rig.t.db, rig.catalogue);
    rig.stub.holdTasks((task) => task.type === 'settingsUpdate');
    const running = rig.engine.reindex();
    await eventually(async () => rig.stub.tasks.some((task) => task.type === 'settingsUpdate' && task.status === 'processing'));
    // Well past the 300 ms lease: only renewal keeps it.
    for (let i = 0; i < 6; i++) {
      await new Promise((r) => setTimeout(r, 200));
      expect((await other.worker.drainOnce()).status).toBe('busy');
    }
    rig.stub.holdTasks(null);
    await running;
    await rig.engine.drain();
    await expectIndexEqualsTruth(rig.stub, rig.engine, rig.t.db, rig.catalogue.docs.values());
  });

  it('when a replayed document task is slow, then the reindex waits on it (renewing the lease) and swaps once it is done', async () => {
    rig.engine = makeEngine(rig.stub, rig.t.db, rig.catalogue, { taskTimeoutMs: 500, worker: { leaseTtlMs: 300, retryBaseMs: 1, retryMaxMs: 20, idleMs: 10, maxAttempts: 3 } });
    await rig.commit([product(1)]);
    await rig.engine.drain();
    let tmp = '';
    rig.catalogue.betweenBatches = async () => {
      rig.catalogue.betweenBatches = null;
      await rig.commit([product(2, { title: '构建期间' })]);
      tmp = [...rig.stub.indexes.keys()].find((k) => k !== rig.engine.indexUid) ?? '';
      // The replay's task (one document, product-2) is held; the bulk load is done by now.
      rig.stub.holdTasks((task) => task.type === 'documentAdditionOrUpdate' && task.indexUid === tmp && Array.isArray(task.payload) && task.payload.length === 1);
    };
    const running = rig.engine.reindex();
    await eventually(async () => rig.stub.tasks.some((task) => task.indexUid === tmp && task.status === 'processing' && task.type === 'documentAdditionOrUpdate'), 2000);
    await new Promise((r) => setTimeout(r, 1200));
    expect((await outboxRows(rig.t.db)).map((r) => r.doc_id)).toEqual([2]);
    rig.stub.holdTasks(null);
    await running;
    await expectIndexEqualsTruth(rig.stub, rig.engine, rig.t.db, rig.catalogue.docs.values());
  });

  it('when the process stops during an automatic rebuild, then the rebuild is abandoned before the swap and the next start finishes it', async () => {
    // The database has documents, the index none and the outbox is empty: a wiped server.
    for (const id of [1, 2, 3]) rig.catalogue.put(product(id));
    rig.engine = makeEngine(rig.stub, rig.t.db, rig.catalogue, { taskTimeoutMs: 200 });
    rig.stub.holdTasks((task) => task.type === 'documentAdditionOrUpdate');
    rig.engine.start();
    await eventually(async () => rig.stub.tasks.some((task) => task.type === 'documentAdditionOrUpdate' && task.status === 'processing'), 2000);
    await rig.engine.stop();
    expect(rig.stub.tasks.filter((task) => task.type === 'indexSwap')).toHaveLength(0);
    expect(rig.stub.indexes.get(rig.engine.indexUid)?.docs.size).toBe(0);

    rig.stub.holdTasks(null);
    rig.engine = makeEngine(rig.stub, rig.t.db, rig.catalogue);
    rig.engine.start();
    await eventually(async () => rig.stub.indexes.get(rig.engine.indexUid)?.docs.size === 3, 2000);
    await rig.engine.stop();
    await expectIndexEqualsTruth(rig.stub, rig.engine, rig.t.db, rig.catalogue.docs.values());
  });
});
