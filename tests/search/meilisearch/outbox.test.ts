import { startMeiliStub, type MeiliStub } from '../../helpers/meili-stub';
import type { MeilisearchEngine } from '../../../src/search/meilisearch';
import { eventually, makeEngine, openTestDb, outboxRows, product, query, write, type TestDb } from './meili-kit';

describe('Meilisearch outbox', () => {
  let stub: MeiliStub;
  let t: TestDb;
  let engine: MeilisearchEngine;

  beforeEach(async () => {
    stub = await startMeiliStub();
    t = await openTestDb();
    engine = makeEngine(stub, t.db);
  });
  afterEach(async () => {
    await engine.stop();
    await t.close();
    await stub.close();
    expect(stub.violations).toEqual([]);
  });

  const storedUids = (): string[] => [...(stub.indexes.get(engine.indexUid)?.docs.keys() ?? [])].sort();

  it('when documents are indexed in a committed transaction, then outbox rows exist and nothing is sent yet', async () => {
    await write(engine, t.db, [product(1), product(2)]);
    await t.db.transaction(async (trx) => engine.remove(trx, [{ type: 'product', id: 3 }]));
    const rows = await outboxRows(t.db);
    expect(rows.map((r) => [r.op, r.doc_id])).toEqual([['upsert', 1], ['upsert', 2], ['delete', 3]]);
    expect(stub.requests).toEqual([]);
  });

  it('when the transaction rolls back, then no outbox row remains', async () => {
    await expect(
      t.db.transaction(async (trx) => {
        await engine.index(trx, [product(1)]);
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    expect(await outboxRows(t.db)).toEqual([]);
  });

  it('when the worker drains, then Meilisearch holds the latest state of each document and the outbox is empty', async () => {
    await write(engine, t.db, [product(1, { title: '旧标题' }), product(2), product(3)]);
    await write(engine, t.db, [product(1, { title: 'LED尾灯总成' })]);
    await t.db.transaction(async (trx) => engine.remove(trx, [{ type: 'product', id: 2 }]));
    const report = await engine.drain();
    expect(report.status).toBe('delivered');
    expect(storedUids()).toEqual(['product-1', 'product-3']);
    expect(stub.indexes.get(engine.indexUid)?.docs.get('product-1')?.title).toBe('LED尾灯总成');
    expect(await outboxRows(t.db)).toEqual([]);
    const res = await engine.search(query({ q: '尾灯' }));
    expect(res.hits.map((h) => h.id)).toEqual([1]);
    expect((await engine.health()).outboxLag).toBe(0);
  });

  it('when Meilisearch is down, then rows are kept, health reports the lag, and delivery resumes after recovery', async () => {
    await stub.setOutage(true, 'refused');
    await write(engine, t.db, [product(1), product(2)]);
    const during = await engine.drain();
    expect(during.status).toBe('unavailable');
    expect((await outboxRows(t.db)).map((r) => r.attempts)).toEqual([0, 0]);
    const health = await engine.health();
    expect(health).toMatchObject({ ok: false, outboxLag: 2 });
    await expect(engine.search(query({ q: 'x' }))).rejects.toMatchObject({ status: 503, code: 'search_unavailable' });

    await stub.setOutage(true, '503');
    expect((await engine.drain()).status).toBe('unavailable');
    expect(await outboxRows(t.db)).toHaveLength(2);
    await expect(engine.suggest('x', 5)).rejects.toMatchObject({ status: 503 });

    await stub.setOutage(false);
    expect((await engine.drain()).status).toBe('delivered');
    expect(storedUids()).toEqual(['product-1', 'product-2']);
    expect(await engine.health()).toMatchObject({ ok: true, outboxLag: 0 });
  });

  it('when one document is rejected, then splitting isolates it, the others are delivered, and it is buried after the last attempt', async () => {
    await engine.ensureSettings();
    const poisons = (task: { type: string; payload: unknown }): boolean =>
      task.type === 'documentAdditionOrUpdate' && Array.isArray(task.payload) && task.payload.some((d: { uid?: string }) => d.uid === 'product-3');
    // Only an `invalid_request` error judges the document (an `internal` one is an outage: see faults.test.ts).
    stub.failNextTasks(poisons, { code: 'invalid_document_geo_field', type: 'invalid_request', message: 'The `_geo` field in the document with the id: `product-3` is not an object.' });
    await write(engine, t.db, [1, 2, 3, 4, 5].map((id) => product(id)));

    const first = await engine.drain();
    expect(first).toMatchObject({ status: 'delivered', delivered: 4, rejected: 1 });
    expect(storedUids()).toEqual(['product-1', 'product-2', 'product-4', 'product-5']);
    let rows = await outboxRows(t.db);
    expect(rows.map((r) => [r.doc_id, r.attempts])).toEqual([[3, 1]]);
    expect(rows[0].last_error).toContain('invalid_document_geo_field');

    // Retries (after a short backoff) until maxAttempts (3), then the row is dead and no longer read.
    await eventually(async () => {
      await engine.drain();
      rows = await outboxRows(t.db);
      return Boolean(rows[0].dead);
    });
    const health = await engine.health();
    expect(health.outboxLag).toBe(0);
    expect(health.detail).toContain('1 dead');

    // A later version of the document goes through and clears the dead row.
    stub.failNextTasks(0);
    await write(engine, t.db, [product(3, { title: 'fixed' })]);
    await engine.drain();
    expect(await outboxRows(t.db)).toEqual([]);
    expect(stub.indexes.get(engine.indexUid)?.docs.get('product-3')?.title).toBe('fixed');
  });

  it('when two workers share the database, then the lease lets one deliver at a time and nothing is lost', async () => {
    const other = makeEngine(stub, t.db);
    await write(engine, t.db, [1, 2, 3].map((id) => product(id)));
    const reports = await Promise.all([engine.worker.drainOnce(), other.worker.drainOnce()]);
    expect(reports.map((r) => r.status).sort()).toEqual(expect.arrayContaining(['delivered']));
    await other.drain();
    await engine.drain();
    expect(storedUids()).toEqual(['product-1', 'product-2', 'product-3']);
    expect(await outboxRows(t.db)).toEqual([]);
  });

  it('when the worker runs in the background, then a committed write reaches Meilisearch and stop() waits for it', async () => {
    engine.start();
    await write(engine, t.db, [product(7)]);
    await eventually(async () => storedUids().includes('product-7'));
    await engine.stop();
    expect(await outboxRows(t.db)).toEqual([]);
  });
});
