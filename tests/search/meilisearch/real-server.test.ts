import { randomUUID } from 'node:crypto';
import { describeConformance, type ConformanceSubject } from '../conformance/conformance';
import { MeilisearchEngine } from '../../../src/search/meilisearch';
import { loadSynonyms } from '../../../src/search/synonyms';
import type { SearchDocument } from '../../../src/search/search-engine';
import { Catalogue, openTestDb, product, query, write } from './meili-kit';

/**
 * The adapter against a real Meilisearch (`MEILI_URL`, `MEILI_API_KEY`): `npm run test:meili`.
 * Every run uses its own index prefix and deletes its indexes afterwards.
 */
const url = process.env.MEILI_URL;
const apiKey = process.env.MEILI_API_KEY;

if (!url) {
  describe.skip('real Meilisearch server (skipped: set MEILI_URL, and MEILI_API_KEY if the server has a master key)', () => {
    it('is skipped', () => undefined);
  });
} else {
  const prefix = () => `qipei_test_${randomUUID().slice(0, 8)}_`;

  async function realSubject(): Promise<ConformanceSubject> {
    const t = await openTestDb();
    const catalogue = new Catalogue();
    const engine = new MeilisearchEngine({
      db: t.db,
      host: url!,
      apiKey,
      indexPrefix: prefix(),
      loadSynonyms: () => loadSynonyms(t.db),
      loadDocuments: () => catalogue.load(200),
      worker: { retryBaseMs: 50, retryMaxMs: 1000 },
    });
    return {
      engine,
      db: t.db,
      async load(docs: readonly SearchDocument[]) {
        for (const d of docs) catalogue.put(d);
        await t.db.transaction((trx) => engine.index(trx, docs));
        const report = await engine.drain();
        if (report.status === 'unavailable') throw new Error(`Meilisearch unavailable: ${report.error ?? ''}`);
      },
      async teardown() {
        await engine.stop();
        await engine.client.deleteIndexIfExists(engine.indexUid);
        await t.close();
      },
    };
  }

  describeConformance('meilisearch (real server)', realSubject);

  describe('real Meilisearch server', () => {
    it('when reindexing against the real server, then the swap keeps the documents searchable', async () => {
      const t = await openTestDb();
      const catalogue = new Catalogue();
      [1, 2, 3].forEach((id) => catalogue.put(product(id, { title: `刹车片 ${id}` })));
      const engine = new MeilisearchEngine({
        db: t.db, host: url, apiKey, indexPrefix: prefix(),
        loadSynonyms: async () => ({}), loadDocuments: () => catalogue.load(2),
      });
      try {
        await write(engine, t.db, [product(1, { title: '刹车片 1' })]);
        await engine.drain();
        await engine.reindex();
        const res = await engine.search(query({ q: '刹车片' }));
        expect(res.hits.map((h) => h.id).sort()).toEqual([1, 2, 3]);
        expect((await engine.health()).ok).toBe(true);
      } finally {
        await engine.client.deleteIndexIfExists(engine.indexUid);
        await t.close();
      }
    });
  });
}
