import { startMeiliStub, type MeiliStub, type StubTask } from '../../helpers/meili-stub';
import type { MeilisearchEngine } from '../../../src/search/meilisearch';
import type { SearchDocument } from '../../../src/search/search-engine';
import { Catalogue, expectIndexEqualsTruth, makeEngine, openTestDb, outboxRows, product, query, write, type TestDb } from './meili-kit';

/**
 * Item 5 and 6 of issue 15: slow tasks, proxies answering HTML, an index deleted behind the
 * app's back, and server versions. Each ends with the index equal to what was committed.
 */
describe('Meilisearch adapter when the server misbehaves', () => {
  let stub: MeiliStub;
  let t: TestDb;
  let engine: MeilisearchEngine;
  let catalogue: Catalogue;

  const commit = async (docs: SearchDocument[]): Promise<void> => {
    await write(engine, t.db, docs);
    for (const d of docs) catalogue.put(d);
  };
  const tasksOf = (type: string): StubTask[] => stub.tasks.filter((task) => task.type === type);
  // A short task wait, so "the wait timed out" happens within the test (held tasks never finish;
  // long enough that the others do, on a busy machine).
  const impatient = (): MeilisearchEngine => makeEngine(stub, t.db, catalogue, { taskTimeoutMs: 1000 });

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

  it('when a document task outlasts the wait, then later attempts wait on that same task instead of sending the work again', async () => {
    engine = impatient();
    await engine.ensureSettings();
    stub.holdTasks((task) => task.type === 'documentAdditionOrUpdate');
    await commit([product(1), product(2)]);

    expect((await engine.drain()).status).toBe('unavailable');
    const sent = tasksOf('documentAdditionOrUpdate');
    expect(sent).toHaveLength(1);
    const rows = await outboxRows(t.db);
    expect(rows.map((r) => [Number((r as unknown as { task_uid: number }).task_uid), r.attempts])).toEqual([
      [sent[0].uid, 0],
      [sent[0].uid, 0],
    ]);
    // Another worker (another instance) sees the stored task too.
    const other = impatient();
    expect((await other.drain()).status).toBe('unavailable');
    expect((await engine.drain()).status).toBe('unavailable');
    expect(tasksOf('documentAdditionOrUpdate')).toHaveLength(1);

    stub.holdTasks(null);
    expect((await engine.drain()).status).toBe('delivered');
    expect(tasksOf('documentAdditionOrUpdate')).toHaveLength(1);
    await expectIndexEqualsTruth(stub, engine, t.db, catalogue.docs.values());
  });

  it('when a newer change arrives while the old task is still running, then the newer one wins', async () => {
    engine = impatient();
    await engine.ensureSettings();
    stub.holdTasks((task) => task.type === 'documentAdditionOrUpdate');
    await commit([product(1, { title: '第一版' })]);
    expect((await engine.drain()).status).toBe('unavailable');
    await commit([product(1, { title: '第二版' })]);
    stub.holdTasks(null);
    for (let i = 0; i < 5 && (await outboxRows(t.db)).length; i++) await engine.drain();
    await expectIndexEqualsTruth(stub, engine, t.db, catalogue.docs.values());
  });

  it('when the settings task outlasts the wait, then it is awaited again, never sent twice', async () => {
    engine = impatient();
    stub.holdTasks((task) => task.type === 'settingsUpdate');
    await commit([product(1)]);
    expect((await engine.drain()).status).toBe('unavailable');
    expect((await engine.drain()).status).toBe('unavailable');
    expect(tasksOf('settingsUpdate')).toHaveLength(1);
    stub.holdTasks(null);
    expect((await engine.drain()).status).toBe('delivered');
    expect(tasksOf('settingsUpdate')).toHaveLength(1);
    await expectIndexEqualsTruth(stub, engine, t.db, catalogue.docs.values());
  });

  it.each(['502-html', '504-html'] as const)('when a proxy answers %s, then search and suggest say 503 search_unavailable, delivery waits, and catches up afterwards', async (mode) => {
    await commit([product(1, { title: 'LED尾灯' })]);
    await engine.drain();
    await stub.setOutage(true, mode);
    await expect(engine.search(query({ q: '尾灯' }))).rejects.toMatchObject({ status: 503, code: 'search_unavailable' });
    await expect(engine.suggest('尾灯', 5)).rejects.toMatchObject({ status: 503, code: 'search_unavailable' });
    await commit([product(2, { title: '中网' })]);
    expect((await engine.drain()).status).toBe('unavailable');
    expect(await engine.health()).toMatchObject({ ok: false, state: 'degraded', outboxLag: 1 });
    expect((await outboxRows(t.db)).map((r) => r.attempts)).toEqual([0]);

    await stub.setOutage(false);
    expect((await engine.drain()).status).toBe('delivered');
    expect((await engine.search(query({ q: '尾灯' }))).hits.map((h) => h.id)).toEqual([1]);
    await expectIndexEqualsTruth(stub, engine, t.db, catalogue.docs.values());
  });

  it('when the index is deleted behind the app, then search says 503 instead of 0 hits, the index comes back configured, and a rebuild restores every document', async () => {
    await commit([product(1), product(2), product(3)]);
    await engine.drain();
    stub.dropIndexes(engine.indexUid);

    await expect(engine.search(query({ q: '产品' }))).rejects.toMatchObject({ status: 503, code: 'search_unavailable' });
    expect((await engine.health()).index).toBe('missing');

    // A write meanwhile: the worker notices the index is gone and recreates it with its settings.
    await commit([product(4)]);
    expect((await engine.drain()).status).toBe('delivered');
    const recreated = stub.indexes.get(engine.indexUid);
    expect(recreated?.settings.searchableAttributes[0]).toBe('title');
    expect([...(recreated?.docs.keys() ?? [])]).toEqual(['product-4']);
    // Only one document of four: the health says so until the rebuild.
    expect(await engine.health()).toMatchObject({ ok: false, index: 'empty' });

    await engine.reindex();
    expect(await engine.health()).toMatchObject({ ok: true, index: 'ok' });
    await expectIndexEqualsTruth(stub, engine, t.db, catalogue.docs.values());
  });

  it.each([
    ['1.17.0', false],
    ['1.18.0', true],
  ])('when the server is %s, then the swap sends `rename` only if it knows the field', async (version, withRename) => {
    stub.setVersion(version);
    await commit([product(1), product(2)]);
    await engine.reindex();
    const swap = stub.requests.find((r) => r.path === '/swap-indexes');
    expect(swap?.status).toBe(202);
    expect((swap?.body as { rename?: boolean }[])[0]).toEqual(withRename ? { indexes: [engine.indexUid, expect.any(String)], rename: false } : { indexes: [engine.indexUid, expect.any(String)] });
    await engine.drain();
    await expectIndexEqualsTruth(stub, engine, t.db, catalogue.docs.values());
  });
});
