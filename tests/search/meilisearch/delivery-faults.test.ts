import { startMeiliStub, type MeiliStub, type StubTask } from '../../helpers/meili-stub';
import type { MeilisearchEngine } from '../../../src/search/meilisearch';
import type { SearchDocument } from '../../../src/search/search-engine';
import { Catalogue, expectIndexEqualsTruth, makeEngine, openTestDb, outboxRows, product, recordingLogger, write, type TestDb } from './meili-kit';

/**
 * Items 1 and 2 of issue 15: what a failed task means. Only an `invalid_request` error judges a
 * document; settings failures, `internal`/`system` errors and cancelled tasks are the server's
 * problem, so the rows wait (no attempt charged, no batch split) and arrive once it recovers.
 */
describe('Meilisearch delivery when tasks fail', () => {
  let stub: MeiliStub;
  let t: TestDb;
  let engine: MeilisearchEngine;
  const truth = new Map<string, SearchDocument>();

  const commit = async (docs: SearchDocument[]): Promise<void> => {
    await write(engine, t.db, docs);
    for (const d of docs) truth.set(`${d.type}-${d.id}`, d);
  };
  const tasksOf = (type: string): StubTask[] => stub.tasks.filter((task) => task.type === type);

  beforeEach(async () => {
    stub = await startMeiliStub();
    t = await openTestDb();
    truth.clear();
    engine = makeEngine(stub, t.db);
  });
  afterEach(async () => {
    await engine.stop();
    await t.close();
    await stub.close();
    expect(stub.violations).toEqual([]);
  });

  it.each([
    ['failed with an internal error', undefined],
    ['cancelled', 'canceled' as const],
  ])('when the settings task is %s, then no document is charged, the batch is not split, one settings task per attempt is sent, and everything arrives later', async (_label, outcome) => {
    stub.failNextTasks((task) => task.type === 'settingsUpdate', outcome);
    await commit([1, 2, 3, 4].map((id) => product(id)));

    for (let attempt = 1; attempt <= 3; attempt++) {
      expect((await engine.drain()).status).toBe('unavailable');
      expect(tasksOf('settingsUpdate')).toHaveLength(attempt);
    }
    expect(tasksOf('documentAdditionOrUpdate')).toHaveLength(0);
    const rows = await outboxRows(t.db);
    expect(rows.map((r) => [r.attempts, Boolean(r.dead)])).toEqual([[0, false], [0, false], [0, false], [0, false]]);

    stub.failNextTasks(0);
    expect((await engine.drain()).status).toBe('delivered');
    expect(tasksOf('documentAdditionOrUpdate')).toHaveLength(1);
    await expectIndexEqualsTruth(stub, engine, t.db, truth.values());
  });

  it.each([
    ['system', 'no_space_left_on_device'],
    ['internal', 'database_size_limit_reached'],
    ['internal', 'internal'],
  ] as const)('when a document task fails with a %s error (%s), then it is an outage: rows stay uncharged and arrive after recovery', async (type, code) => {
    await commit([product(1)]);
    await engine.drain();
    stub.failNextTasks((task) => task.type === 'documentAdditionOrUpdate' || task.type === 'documentDeletion', { code, type });
    await commit([product(1, { title: '已改' }), product(2), product(3)]);
    await t.db.transaction(async (trx) => engine.remove(trx, [{ type: 'product', id: 1 }]));
    truth.delete('product-1');

    for (let i = 0; i < 4; i++) expect((await engine.drain()).status).toBe('unavailable');
    const rows = await outboxRows(t.db);
    expect(rows.every((r) => r.attempts === 0 && !r.dead)).toBe(true);
    expect(rows).toHaveLength(4);
    const health = await engine.health();
    expect(health).toMatchObject({ outboxLag: 4, dead: 0 });

    stub.failNextTasks(0);
    expect((await engine.drain()).status).toBe('delivered');
    await expectIndexEqualsTruth(stub, engine, t.db, truth.values());
  });

  it('when a document task is cancelled, then the rows are kept and sent again', async () => {
    await engine.ensureSettings();
    stub.failNextTasks(1, 'canceled');
    await commit([product(5), product(6)]);
    expect((await engine.drain()).status).toBe('unavailable');
    expect((await outboxRows(t.db)).map((r) => r.attempts)).toEqual([0, 0]);
    expect(stub.tasks.some((task) => task.status === 'canceled' && task.canceledBy !== null)).toBe(true);
    expect((await engine.drain()).status).toBe('delivered');
    await expectIndexEqualsTruth(stub, engine, t.db, truth.values());
  });

  it('when a document is really rejected and buried, then /readyz-style health shows it dead and a requeue delivers it once fixed', async () => {
    await engine.ensureSettings();
    stub.failNextTasks(
      (task) => task.type === 'documentAdditionOrUpdate' && Array.isArray(task.payload) && task.payload.some((d: { uid?: string }) => d.uid === 'product-2'),
      { code: 'invalid_document_geo_field', type: 'invalid_request' },
    );
    await commit([product(1), product(2)]);
    for (let i = 0; i < 20 && !(await outboxRows(t.db)).some((r) => r.dead); i++) {
      await engine.drain();
      await new Promise((r) => setTimeout(r, 25));
    }
    const health = await engine.health();
    expect(health).toMatchObject({ dead: 1, outboxLag: 0 });
    expect(health.detail).toContain('1 dead');

    // The operator fixed the cause (here: the server stops refusing it) and requeues.
    stub.failNextTasks(0);
    expect(await engine.requeueDead()).toBe(1);
    expect((await engine.drain()).status).toBe('delivered');
    await expectIndexEqualsTruth(stub, engine, t.db, truth.values());
  });

  it('when a buried document is fixed, then `npm run reindex` (engine.reindex) indexes it from the database and clears the dead row', async () => {
    const catalogue = new Catalogue();
    engine = makeEngine(stub, t.db, catalogue);
    await engine.ensureSettings();
    stub.failNextTasks(
      (task) => task.type === 'documentAdditionOrUpdate' && Array.isArray(task.payload) && task.payload.some((d: { uid?: string }) => d.uid === 'product-2'),
      { code: 'invalid_document_geo_field', type: 'invalid_request' },
    );
    await commit([product(1), product(2)]);
    for (let i = 0; i < 20 && !(await outboxRows(t.db)).some((r) => r.dead); i++) {
      await engine.drain();
      await new Promise((r) => setTimeout(r, 25));
    }
    expect((await engine.health()).dead).toBe(1);

    stub.failNextTasks(0);
    for (const d of truth.values()) catalogue.put(d);
    await engine.reindex();
    expect((await engine.health()).dead).toBe(0);
    await expectIndexEqualsTruth(stub, engine, t.db, truth.values());
  });

  it('when the server refuses the settings outright (an older Meilisearch), then the operator sees why, the settings are not resent, and nothing is lost once it is upgraded', async () => {
    const logger = recordingLogger();
    engine = makeEngine(stub, t.db, undefined, { logger });
    stub.setVersion('1.12.0');
    await commit([product(1), product(2)]);

    for (let i = 0; i < 3; i++) expect((await engine.drain()).status).toBe('unavailable');
    const patches = stub.requests.filter((r) => r.method === 'PATCH' && r.path.endsWith('/settings'));
    expect(patches.map((r) => r.status)).toEqual([400]);
    expect(logger.entries.some((e) => e.level === 'error' && JSON.stringify(e.obj).includes('older than 1.15.0'))).toBe(true);
    const health = await engine.health();
    expect(health).toMatchObject({ ok: false, state: 'degraded', outboxLag: 2, dead: 0 });
    expect(health.detail).toContain('Meilisearch 1.12.0 is older than 1.15.0');
    expect((await outboxRows(t.db)).map((r) => r.attempts)).toEqual([0, 0]);

    stub.setVersion('1.15.0');
    await engine.refreshSettings();
    expect((await engine.drain()).status).toBe('delivered');
    expect((await engine.health()).ok).toBe(true);
    await expectIndexEqualsTruth(stub, engine, t.db, truth.values());
  });

  it('when a settings task fails as invalid, then it is reported and not retried until the settings change', async () => {
    stub.failNextTasks((task) => task.type === 'settingsUpdate', { code: 'invalid_settings_ranking_rules', type: 'invalid_request' });
    await commit([product(1)]);
    for (let i = 0; i < 3; i++) expect((await engine.drain()).status).toBe('unavailable');
    expect(tasksOf('settingsUpdate')).toHaveLength(1);
    expect((await engine.health()).detail).toContain('invalid_settings_ranking_rules');

    stub.failNextTasks(0);
    await engine.refreshSettings();
    expect((await engine.drain()).status).toBe('delivered');
    await expectIndexEqualsTruth(stub, engine, t.db, truth.values());
  });
});
