/**
 * Relevance at catalogue scale (not a jest test): the tuning and held-out sets on N synthetic
 * listings from the bulk seeder's generator (default 100k), through the embedded engine.
 * Run: npm run build && node dist/tests/bench/relevance-bench.js [N]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDb } from '../../src/db/knex';
import { migrateLatest } from '../../src/db/migrate';
import { EmbeddedSearchEngine } from '../../src/search/embedded';
import { evaluate, syntheticCatalogue } from '../search/relevance/relevance-kit';
import { heldOutSet, heldOutSet2, tuningSet } from '../search/relevance/relevance-sets';

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 100_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qipei-relevance-'));
  const db = createDb({ client: 'sqlite3', filename: path.join(dir, 'relevance.sqlite') });
  try {
    await migrateLatest(db);
    const catalogue = syntheticCatalogue(n);
    const engine = new EmbeddedSearchEngine(db, {
      count: async () => catalogue.docs.length,
      batches: async function* () {
        for (let i = 0; i < catalogue.docs.length; i += 1000) yield catalogue.docs.slice(i, i + 1000);
      },
    });
    const t0 = performance.now();
    await engine.reindex((done, total) => { if (done % 20000 === 0) process.stderr.write(`indexed ${done}/${total}\n`); });
    console.log(`# relevance at ${n} listings (indexed in ${((performance.now() - t0) / 1000).toFixed(0)} s)\n`);
    for (const [name, cases] of [['tuning', tuningSet(catalogue)], ['held-out', heldOutSet(catalogue)], ['held-out 2 (never tuned)', heldOutSet2(catalogue)]] as const) {
      const started = performance.now();
      const r = await evaluate(engine, catalogue, cases);
      const ms = (performance.now() - started) / Math.max(1, r.answerable);
      console.log(`${name}: top-3 ${r.top3}/${r.answerable} (${((100 * r.top3) / r.answerable).toFixed(1)}%), vehicle parts first in the top 5 ${r.pureTop5}/${r.vehicleCases} (${((100 * r.pureTop5) / Math.max(1, r.vehicleCases)).toFixed(1)}%), ~${ms.toFixed(1)} ms per query`);
      for (const m of r.misses.slice(0, 8)) console.log(`  miss: ${m}`);
    }
  } finally {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
