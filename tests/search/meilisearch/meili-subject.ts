import type { ConformanceSubject } from '../conformance/conformance';
import { startMeiliStub } from '../../helpers/meili-stub';
import type { SearchDocument } from '../../../src/search/search-engine';
import { Catalogue, makeEngine, openTestDb } from './meili-kit';
import { loadSynonyms } from '../../../src/search/synonyms';
import { loadStopWords } from '../../../src/search/stopwords';

/** The Meilisearch adapter, its outbox and the stub, as a conformance subject. */
export async function meiliSubject(): Promise<ConformanceSubject> {
  const stub = await startMeiliStub();
  const t = await openTestDb();
  const catalogue = new Catalogue();
  const engine = makeEngine(stub, t.db, catalogue, { loadSynonyms: () => loadSynonyms(t.db), loadStopWords: () => loadStopWords(t.db) });
  return {
    engine,
    db: t.db,
    async load(docs: readonly SearchDocument[]) {
      for (const d of docs) catalogue.put(d);
      for (let i = 0; i < docs.length; i += 200) {
        await t.db.transaction((trx) => engine.index(trx, docs.slice(i, i + 200)));
      }
      const report = await engine.drain();
      if (report.status !== 'delivered' && report.status !== 'idle') throw new Error(`outbox not drained: ${JSON.stringify(report)}`);
    },
    async teardown() {
      await engine.stop();
      await t.close();
      await stub.close();
      if (stub.violations.length) throw new Error(`Meilisearch contract violations: ${JSON.stringify(stub.violations, null, 2)}`);
    },
  };
}
