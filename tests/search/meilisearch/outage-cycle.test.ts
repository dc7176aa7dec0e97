import { startMeiliStub, type MeiliStub } from '../../helpers/meili-stub';
import type { MeilisearchEngine } from '../../../src/search/meilisearch';
import type { SearchDocument } from '../../../src/search/search-engine';
import { Catalogue, eventually, expectIndexEqualsTruth, makeEngine, openTestDb, outboxRows, product, write, type TestDb } from './meili-kit';

/**
 * Item 7 of issue 15: Meilisearch stays unreachable for the worker's whole backoff range (its
 * retries climb to the longest wait and stay there), then comes back: every write arrives, with
 * nothing charged or buried. The backoff range is shrunk for the test through the engine's
 * worker options; production keeps 1 s doubling to 5 min.
 */
describe('Meilisearch outage across the whole backoff range', () => {
  const RETRY_MAX_MS = 80;
  let stub: MeiliStub;
  let t: TestDb;
  let engine: MeilisearchEngine;
  const catalogue = new Catalogue();

  beforeAll(async () => {
    stub = await startMeiliStub();
    t = await openTestDb();
    engine = makeEngine(stub, t.db, catalogue, { worker: { retryBaseMs: 5, retryMaxMs: RETRY_MAX_MS, idleMs: 10, maxAttempts: 3 } });
  });
  afterAll(async () => {
    await engine.stop();
    await t.close();
    await stub.close();
    expect(stub.violations).toEqual([]);
  });

  const commit = async (docs: SearchDocument[]): Promise<void> => {
    await write(engine, t.db, docs);
    for (const d of docs) catalogue.put(d);
  };
  const remove = async (id: number): Promise<void> => {
    await t.db.transaction(async (trx) => engine.remove(trx, [{ type: 'product', id }]));
    catalogue.docs.delete(`product-${id}`);
  };
  const roundsAtLeast = (n: number) => eventually(async () => engine.worker.outage.rounds >= n, 2000);

  it('when Meilisearch is unreachable through every backoff step and then returns, then every committed change arrives', async () => {
    engine.start();
    await commit([1, 2, 3].map((id) => product(id)));
    await eventually(async () => (await outboxRows(t.db)).length === 0);

    await stub.setOutage(true, 'refused');
    await commit([product(1, { title: '停机期间改名' }), product(4)]);
    await roundsAtLeast(1);
    await remove(2);
    await stub.setOutage(true, '503');
    await commit([product(5)]);
    // Climb to the longest wait…
    await eventually(async () => engine.worker.outage.retryInMs === RETRY_MAX_MS, 2000);
    await stub.setOutage(true, '502-html');
    const atMax = engine.worker.outage.rounds;
    await commit([product(6), product(4, { title: '再次修改' })]);
    // …and stay there for a few more rounds.
    await roundsAtLeast(atMax + 3);
    expect(engine.worker.outage.retryInMs).toBe(RETRY_MAX_MS);

    const during = await outboxRows(t.db);
    expect(during.length).toBe(6);
    expect(during.every((r) => r.attempts === 0 && !r.dead)).toBe(true);
    expect(await engine.health()).toMatchObject({ ok: false, state: 'degraded', outboxLag: 6, dead: 0 });

    await stub.setOutage(false);
    await eventually(async () => (await outboxRows(t.db)).length === 0);
    // The round that delivered ends the outage once it returns.
    await eventually(async () => engine.worker.outage.rounds === 0);
    await expectIndexEqualsTruth(stub, engine, t.db, catalogue.docs.values());
    expect(await engine.health()).toMatchObject({ ok: true, outboxLag: 0, dead: 0 });
  });
});
