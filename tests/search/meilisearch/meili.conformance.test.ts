import { describeConformance, type ConformanceSubject } from '../conformance/conformance';
import { startMeiliStub } from '../../helpers/meili-stub';
import type { SearchDocument } from '../../../src/search/search-engine';
import { Catalogue, makeEngine, openTestDb } from './meili-kit';
import { loadSynonyms } from '../../../src/search/synonyms';
import { loadStopWords } from '../../../src/search/stopwords';
import { describeAutoPartsConformance } from '../conformance/auto-parts-conformance';

/** The shared conformance suite, run through the Meilisearch adapter, its outbox and the stub. */
async function meiliSubject(): Promise<ConformanceSubject> {
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

describeConformance('meilisearch', meiliSubject);
// Meilisearch splits a run-on word only into a phrase of two adjacent words; the pinyin in `terms` is
// not in title order, so baojunweideng finds nothing there (see the closing note of issue 11).
// A model year ranks through fitment rows the embedded engine joins; a Meilisearch text query cannot.
describeAutoPartsConformance('meilisearch', meiliSubject, [
  'when pinyin words are run together, then the Chinese title is found',
  'when a model year is given, then mats whose fitment contains that year come first',
]);
