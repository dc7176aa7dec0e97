import type { StubTask } from '../../helpers/meili-stub';
import { expectIndexEqualsTruth, makeEngine, outboxRows, product, recordingLogger, useStubRig } from './meili-kit';

/**
 * Items 1 and 2 of issue 15: what a failed task means. Only an `invalid_request` error judges a
 * document; settings failures, `internal`/`system` errors and cancelled tasks are the server's
 * problem, so the rows wait (no attempt charged, no batch split) and arrive once it recovers.
 */
describe('Meilisearch delivery when tasks fail', () => {
  const rig = useStubRig();
  const tasksOf = (type: string): StubTask[] => rig.stub.tasks.filter((task) => task.type === type);
  const product2IsPoison = (task: StubTask): boolean =>
    task.type === 'documentAdditionOrUpdate' && Array.isArray(task.payload) && task.payload.some((d: { uid?: string }) => d.uid === 'product-2');

  /** product-2 is refused as an invalid document until it is buried (dead) after the last attempt. */
  async function buryProduct2(): Promise<void> {
    await rig.engine.ensureSettings();
    rig.stub.failNextTasks(product2IsPoison, { code: 'invalid_document_geo_field', type: 'invalid_request' });
    await rig.commit([product(1), product(2)]);
    for (let i = 0; i < 20 && !(await outboxRows(rig.t.db)).some((r) => r.dead); i++) {
      await rig.engine.drain();
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  it.each([
    ['failed with an internal error', undefined],
    ['cancelled', 'canceled' as const],
  ])('when the settings task is %s, then no document is charged, the batch is not split, one settings task per attempt is sent, and everything arrives later', async (_label, outcome) => {
    rig.stub.failNextTasks((task) => task.type === 'settingsUpdate', outcome);
    await rig.commit([1, 2, 3, 4].map((id) => product(id)));

    for (let attempt = 1; attempt <= 3; attempt++) {
      expect((await rig.engine.drain()).status).toBe('unavailable');
      expect(tasksOf('settingsUpdate')).toHaveLength(attempt);
    }
    expect(tasksOf('documentAdditionOrUpdate')).toHaveLength(0);
    const rows = await outboxRows(rig.t.db);
    expect(rows.map((r) => [r.attempts, Boolean(r.dead)])).toEqual([[0, false], [0, false], [0, false], [0, false]]);

    rig.stub.failNextTasks(0);
    expect((await rig.engine.drain()).status).toBe('delivered');
    expect(tasksOf('documentAdditionOrUpdate')).toHaveLength(1);
    await expectIndexEqualsTruth(rig.stub, rig.engine, rig.t.db, rig.catalogue.docs.values());
  });

  it.each([
    ['system', 'no_space_left_on_device'],
    ['internal', 'database_size_limit_reached'],
    ['internal', 'internal'],
  ] as const)('when a document task fails with a %s error (%s), then it is an outage: rows stay uncharged and arrive after recovery', async (type, code) => {
    await rig.commit([product(1)]);
    await rig.engine.drain();
    rig.stub.failNextTasks((task) => task.type === 'documentAdditionOrUpdate' || task.type === 'documentDeletion', { code, type });
    await rig.commit([product(1, { title: '已改' }), product(2), product(3)]);
    await rig.t.db.transaction(async (trx) => rig.engine.remove(trx, [{ type: 'product', id: 1 }]));
    rig.catalogue.docs.delete('product-1');

    for (let i = 0; i < 4; i++) expect((await rig.engine.drain()).status).toBe('unavailable');
    const rows = await outboxRows(rig.t.db);
    expect(rows.every((r) => r.attempts === 0 && !r.dead)).toBe(true);
    expect(rows).toHaveLength(4);
    const health = await rig.engine.health();
    expect(health).toMatchObject({ outboxLag: 4, dead: 0 });

    rig.stub.failNextTasks(0);
    expect((await rig.engine.drain()).status).toBe('delivered');
    await expectIndexEqualsTruth(rig.stub, rig.engine, rig.t.db, rig.catalogue.docs.values());
  });

  it('when a document task is cancelled, then the rows are kept and sent again', async () => {
    await rig.engine.ensureSettings();
    rig.stub.failNextTasks(1, 'canceled');
    await rig.commit([product(5), product(6)]);
    expect((await rig.engine.drain()).status).toBe('unavailable');
    expect((await outboxRows(rig.t.db)).map((r) => r.attempts)).toEqual([0, 0]);
    expect(rig.stub.tasks.some((task) => task.status === 'canceled' && task.canceledBy !== null)).toBe(true);
    expect((await rig.engine.drain()).status).toBe('delivered');
    await expectIndexEqualsTruth(rig.stub, rig.engine, rig.t.db, rig.catalogue.docs.values());
  });

  it('when a document is really rejected and buried, then /readyz-style health shows it dead and a requeue delivers it once fixed', async () => {
    await buryProduct2();
    const health = await rig.engine.health();
    expect(health).toMatchObject({ dead: 1, outboxLag: 0 });
    expect(health.detail).toContain('1 dead');

    // The operator fixed the cause (here: the server stops refusing it) and requeues.
    rig.stub.failNextTasks(0);
    expect(await rig.engine.requeueDead()).toBe(1);
    expect((await rig.engine.drain()).status).toBe('delivered');
    await expectIndexEqualsTruth(rig.stub, rig.engine, rig.t.db, rig.catalogue.docs.values());
  });

  it('when a buried document is fixed, then `npm run reindex` (the engine reindex) indexes it from the database and clears the dead row', async () => {
    await buryProduct2();
    expect((await rig.engine.health()).dead).toBe(1);

    rig.stub.failNextTasks(0);
    await rig.engine.reindex();
    expect((await rig.engine.health()).dead).toBe(0);
    await expectIndexEqualsTruth(rig.stub, rig.engine, rig.t.db, rig.catalogue.docs.values());
  });

  it('when the server refuses the settings outright (an older Meilisearch), then the operator sees why, the settings are not resent, and nothing is lost once it is upgraded', async () => {
    const logger = recordingLogger();
    rig.engine = makeEngine(rig.stub, rig.t.db, rig.catalogue, { logger });
    rig.stub.setVersion('1.12.0');
    await rig.commit([product(1), product(2)]);

    for (let i = 0; i < 3; i++) expect((await rig.engine.drain()).status).toBe('unavailable');
    const patches = rig.stub.requests.filter((r) => r.method === 'PATCH' && r.path.endsWith('/settings'));
    expect(patches.map((r) => r.status)).toEqual([400]);
    expect(logger.entries.some((e) => e.level === 'error' && JSON.stringify(e.obj).includes('older than 1.15.0'))).toBe(true);
    const health = await rig.engine.health();
    expect(health).toMatchObject({ ok: false, state: 'degraded', outboxLag: 2, dead: 0 });
    expect(health.detail).toContain('Meilisearch 1.12.0 is older than 1.15.0');
    expect((await outboxRows(rig.t.db)).map((r) => r.attempts)).toEqual([0, 0]);

    rig.stub.setVersion('1.15.0');
    await rig.engine.refreshSettings();
    expect((await rig.engine.drain()).status).toBe('delivered');
    expect((await rig.engine.health()).ok).toBe(true);
    await expectIndexEqualsTruth(rig.stub, rig.engine, rig.t.db, rig.catalogue.docs.values());
  });

  it('when a settings task fails as invalid, then it is reported and not retried until the settings change', async () => {
    rig.stub.failNextTasks((task) => task.type === 'settingsUpdate', { code: 'invalid_settings_ranking_rules', type: 'invalid_request' });
    await rig.commit([product(1)]);
    for (let i = 0; i < 3; i++) expect((await rig.engine.drain()).status).toBe('unavailable');
    expect(tasksOf('settingsUpdate')).toHaveLength(1);
    expect((await rig.engine.health()).detail).toContain('invalid_settings_ranking_rules');

    rig.stub.failNextTasks(0);
    await rig.engine.refreshSettings();
    expect((await rig.engine.drain()).status).toBe('delivered');
    await expectIndexEqualsTruth(rig.stub, rig.engine, rig.t.db, rig.catalogue.docs.values());
  });
});
