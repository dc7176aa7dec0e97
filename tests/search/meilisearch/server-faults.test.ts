import type { StubTask } from '../../helpers/meili-stub';
import type { MeilisearchEngine } from '../../../src/search/meilisearch';
import { expectIndexEqualsTruth, makeEngine, outboxRows, product, query, useStubRig } from './meili-kit';

/**
 * Item 5 and 6 of issue 15: slow tasks, proxies answering HTML, an index deleted behind the
 * app's back, and server versions. Each ends with the index equal to what was committed.
 */
describe('Meilisearch adapter when the server misbehaves', () => {
  const rig = useStubRig();
  const tasksOf = (type: string): StubTask[] => rig.stub.tasks.filter((task) => task.type === type);
  // A short task wait, so "the wait timed out" happens within the test (held tasks never finish;
  // long enough that the others do, on a busy machine).
  const impatient = (): MeilisearchEngine => makeEngine(rig.stub, rig.t.db, rig.catalogue, { taskTimeoutMs: 1000 });

  it('when a document task outlasts the wait, then later attempts wait on that same task instead of sending the work again', async () => {
    rig.engine = impatient();
    await rig.engine.ensureSettings();
    rig.stub.holdTasks((task) => task.type === 'documentAdditionOrUpdate');
    await rig.commit([product(1), product(2)]);

    expect((await rig.engine.drain()).status).toBe('unavailable');
    const sent = tasksOf('documentAdditionOrUpdate');
    expect(sent).toHaveLength(1);
    const rows = await outboxRows(rig.t.db);
    expect(rows.map((r) => [Number((r as unknown as { task_uid: number }).task_uid), r.attempts])).toEqual([
      [sent[0].uid, 0],
      [sent[0].uid, 0],
    ]);
    // Another worker (another instance) sees the stored task too.
    const other = impatient();
    expect((await other.drain()).status).toBe('unavailable');
    expect((await rig.engine.drain()).status).toBe('unavailable');
    expect(tasksOf('documentAdditionOrUpdate')).toHaveLength(1);

    rig.stub.holdTasks(null);
    expect((await rig.engine.drain()).status).toBe('delivered');
    expect(tasksOf('documentAdditionOrUpdate')).toHaveLength(1);
    await expectIndexEqualsTruth(rig.stub, rig.engine, rig.t.db, rig.catalogue.docs.values());
  });

  it('when a newer change arrives while the old task is still running, then the newer one wins', async () => {
    rig.engine = impatient();
    await rig.engine.ensureSettings();
    rig.stub.holdTasks((task) => task.type === 'documentAdditionOrUpdate');
    await rig.commit([product(1, { title: '第一版' })]);
    expect((await rig.engine.drain()).status).toBe('unavailable');
    await rig.commit([product(1, { title: '第二版' })]);
    rig.stub.holdTasks(null);
    for (let i = 0; i < 5 && (await outboxRows(rig.t.db)).length; i++) await rig.engine.drain();
    await expectIndexEqualsTruth(rig.stub, rig.engine, rig.t.db, rig.catalogue.docs.values());
  });

  it('when the settings task outlasts the wait, then it is awaited again, never sent twice', async () => {
    rig.engine = impatient();
    rig.stub.holdTasks((task) => task.type === 'settingsUpdate');
    await rig.commit([product(1)]);
    expect((await rig.engine.drain()).status).toBe('unavailable');
    expect((await rig.engine.drain()).status).toBe('unavailable');
    expect(tasksOf('settingsUpdate')).toHaveLength(1);
    rig.stub.holdTasks(null);
    expect((await rig.engine.drain()).status).toBe('delivered');
    expect(tasksOf('settingsUpdate')).toHaveLength(1);
    await expectIndexEqualsTruth(rig.stub, rig.engine, rig.t.db, rig.catalogue.docs.values());
  });

  it.each(['502-html', '504-html'] as const)('when a proxy answers %s, then search and suggest say 503 search_unavailable, delivery waits, and catches up afterwards', async (mode) => {
    await rig.commit([product(1, { title: 'LED尾灯' })]);
    await rig.engine.drain();
    await rig.stub.setOutage(true, mode);
    await expect(rig.engine.search(query({ q: '尾灯' }))).rejects.toMatchObject({ status: 503, code: 'search_unavailable' });
    await expect(rig.engine.suggest('尾灯', 5)).rejects.toMatchObject({ status: 503, code: 'search_unavailable' });
    await rig.commit([product(2, { title: '中网' })]);
    expect((await rig.engine.drain()).status).toBe('unavailable');
    expect(await rig.engine.health()).toMatchObject({ ok: false, state: 'degraded', outboxLag: 1 });
    expect((await outboxRows(rig.t.db)).map((r) => r.attempts)).toEqual([0]);

    await rig.stub.setOutage(false);
    expect((await rig.engine.drain()).status).toBe('delivered');
    expect((await rig.engine.search(query({ q: '尾灯' }))).hits.map((h) => h.id)).toEqual([1]);
    await expectIndexEqualsTruth(rig.stub, rig.engine, rig.t.db, rig.catalogue.docs.values());
  });

  it('when the index is deleted behind the app, then search says 503 instead of 0 hits, the index comes back configured, and a rebuild restores every document', async () => {
    await rig.commit([product(1), product(2), product(3)]);
    await rig.engine.drain();
    rig.stub.dropIndexes(rig.engine.indexUid);

    await expect(rig.engine.search(query({ q: '产品' }))).rejects.toMatchObject({ status: 503, code: 'search_unavailable' });
    expect((await rig.engine.health()).index).toBe('missing');

    // A write meanwhile: the worker notices the index is gone and recreates it with its settings.
    await rig.commit([product(4)]);
    expect((await rig.engine.drain()).status).toBe('delivered');
    const recreated = rig.stub.indexes.get(rig.engine.indexUid);
    expect(recreated?.settings.searchableAttributes[0]).toBe('title');
    expect([...(recreated?.docs.keys() ?? [])]).toEqual(['product-4']);
    // Only one document of four: the health says so until the rebuild.
    expect(await rig.engine.health()).toMatchObject({ ok: false, index: 'empty' });

    await rig.engine.reindex();
    expect(await rig.engine.health()).toMatchObject({ ok: true, index: 'ok' });
    await expectIndexEqualsTruth(rig.stub, rig.engine, rig.t.db, rig.catalogue.docs.values());
  });

  it.each([
    ['1.17.0', false],
    ['1.18.0', true],
  ])('when the server is %s, then the swap sends `rename` only if it knows the field', async (version, withRename) => {
    rig.stub.setVersion(version);
    await rig.commit([product(1), product(2)]);
    await rig.engine.reindex();
    const swap = rig.stub.requests.find((r) => r.path === '/swap-indexes');
    expect(swap?.status).toBe(202);
    expect((swap?.body as { rename?: boolean }[])[0]).toEqual(withRename ? { indexes: [rig.engine.indexUid, expect.any(String)], rename: false } : { indexes: [rig.engine.indexUid, expect.any(String)] });
    await rig.engine.drain();
    await expectIndexEqualsTruth(rig.stub, rig.engine, rig.t.db, rig.catalogue.docs.values());
  });
});
