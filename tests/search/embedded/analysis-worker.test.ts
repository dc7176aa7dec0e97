import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Knex } from 'knex';
import type { SearchQuery } from '../../../src/search/search-engine';
import { EmbeddedSearchEngine } from '../../../src/search/embedded';
import { FIXTURE_DOCUMENTS } from '../../fixtures/search-documents';
import { embeddedSubject, listSource } from './embedded-subject';

const ROOT = path.resolve(__dirname, '../../..');

/** Runs `code` in a fresh node process where the TypeScript sources load, in worker threads too. */
function inFreshProcess(code: string): Record<string, unknown> {
  const out = execFileSync(process.execPath, ['-r', path.join(ROOT, 'tests/helpers/swc-register.js'), '-e', code], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return JSON.parse(out) as Record<string, unknown>;
}

describe('text analysis in a worker thread during rebuilds', () => {
  it('when a rebuild runs its analysis in a worker, then the index is the one the same rebuild makes inline', () => {
    const result = inFreshProcess(`
      const fs = require('node:fs'); const os = require('node:os'); const path = require('node:path');
      const { createDb } = require('./src/db/knex.ts');
      const { migrateLatest } = require('./src/db/migrate.ts');
      const { EmbeddedSearchEngine } = require('./src/search/embedded/index.ts');
      const { startAnalyzer } = require('./src/search/embedded/analysis-pool.ts');
      const { FIXTURE_DOCUMENTS } = require('./tests/fixtures/search-documents.ts');
      // Enough documents for several batches in flight at once; ids made distinct per copy.
      const docs = Array.from({ length: 12 }, (_, k) => FIXTURE_DOCUMENTS.map((d) => ({ ...d, id: d.id + 1000 * k, title: d.title + ' 批次' + k }))).flat();
      const source = { count: async () => docs.length, batches: async function* () { for (let i = 0; i < docs.length; i += 37) yield docs.slice(i, i + 37); } };
      const dump = async (db) => ({
        docs: await db('search_docs').orderBy('doc').select(),
        vehicles: await db('search_vehicles').orderBy(['doc', 'make', 'model']).select(),
        terms: await db('search_terms').orderBy('term').pluck('term'),
      });
      (async () => {
        const probe = await startAnalyzer();
        const inWorker = probe.inWorker;
        await probe.close();
        const out = {};
        for (const [name, workerFrom] of [['worker', 0], ['inline', Infinity]]) {
          const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qipei-analysis-'));
          const db = createDb({ client: 'sqlite3', filename: path.join(dir, 'x.sqlite') });
          await migrateLatest(db);
          const engine = new EmbeddedSearchEngine(db, source);
          const progress = [];
          await engine.reindex((d, t) => progress.push(d), { workerFrom });
          const words = [...new Set((await db('search_terms').pluck('term')).concat(['尾灯', '宝骏730', '中网', '批次3', 'baojun']))];
          const matches = {};
          for (const w of words) matches[w] = (await db.raw('SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid', ['"' + w + '"'])).map((r) => r.rowid);
          out[name] = { ...(await dump(db)), matches, progress };
          await db.destroy();
          fs.rmSync(dir, { recursive: true, force: true });
        }
        process.stdout.write(JSON.stringify({ inWorker, ...out }));
      })().catch((e) => { console.error(e); process.exit(1); });
    `);
    expect(result.inWorker).toBe(true);
    const worker = result.worker as Record<string, unknown>;
    const inline = result.inline as Record<string, unknown>;
    expect((worker.docs as unknown[]).length).toBe(FIXTURE_DOCUMENTS.length * 12);
    expect(worker).toEqual(inline);
    expect((worker.progress as number[]).at(-1)).toBe(FIXTURE_DOCUMENTS.length * 12);
  });

  describe('where no worker can load the sources (this test runner)', () => {
    let subject: Awaited<ReturnType<typeof embeddedSubject>>;
    let db: Knex;
    beforeEach(async () => {
      subject = await embeddedSubject();
      db = subject.db;
    });
    afterEach(async () => subject.teardown());

    it('when a rebuild asks for a worker, then it analyses inline and gives the same results', async () => {
      const q: SearchQuery = { q: '宝骏730 尾灯', type: 'all', sort: 'relevance', page: 1, perPage: 20 };
      const a = new EmbeddedSearchEngine(db, listSource(() => FIXTURE_DOCUMENTS, 3));
      await a.reindex(undefined, { workerFrom: 0 });
      const viaPool = await a.search(q);
      await a.reindex(undefined, { workerFrom: Number.POSITIVE_INFINITY });
      const inline = await a.search(q);
      expect(viaPool.hits.length).toBeGreaterThan(0);
      expect(viaPool.hits).toEqual(inline.hits);
      expect(viaPool.facetDistribution).toEqual(inline.facetDistribution);
    });
  });
});
