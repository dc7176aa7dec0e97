/**
 * Quick measurement of the embedded engine on synthetic products (not a jest test: no wall-clock
 * assertions in tests). Run: node -r <ts register> tests/search/embedded/measure-embedded.ts [n]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDb } from '../../../src/db/knex';
import { migrateLatest } from '../../../src/db/migrate';
import { EmbeddedSearchEngine } from '../../../src/search/embedded';
import type { SearchQuery, SearchSort } from '../../../src/search/search-engine';
import { syntheticDocumentBatches } from '../../fixtures/search-documents';

const MIX: readonly (Partial<SearchQuery> & { q: string; kind: string })[] = [
  { kind: 'narrow', q: '享域 中网' }, { kind: 'narrow', q: '宝骏730 尾灯总成' }, { kind: 'narrow', q: '哈弗h6 门槛条 碳纤维' },
  { kind: 'broad', q: '汽车' }, { kind: 'broad', q: '改装' }, { kind: 'broad', q: '汽车 配件' }, { kind: 'broad', q: '汽车', sort: 'price_asc' },
  { kind: 'broad', q: '汽车', category: 'lighting' }, { kind: 'broad', q: '通用', sort: 'newest' },
  { kind: 'cjk', q: '尾灯' }, { kind: 'cjk', q: '後尾燈' }, { kind: 'cjk', q: '行车记录仪 高清' }, { kind: 'cjk', q: '充电' },
  { kind: 'english', q: 'tail light' }, { kind: 'english', q: 'charger' }, { kind: 'english', q: 'grille', make: '本田' },
  { kind: 'pinyin', q: 'baojun' }, { kind: 'pinyin', q: 'hongguang' }, { kind: 'pinyin', q: 'bj' },
  { kind: 'typo', q: 'baojn' }, { kind: 'typo', q: 'chrager' }, { kind: 'typo', q: 'hongguagn' },
  { kind: 'prefix', q: 'bao' }, { kind: 'prefix', q: 'char' }, { kind: 'prefix', q: '宝骏 wei' },
  { kind: 'filter', q: '尾灯', make: '宝骏', model: '730', year: 2016 }, { kind: 'filter', q: '脚垫', priceMin: 100, priceMax: 500, sort: 'price_desc' },
];
const SUGGEST = ['b', 'ba', 'bao', 'baoj', '宝', '宝骏', '尾', 'tail', 'cha', '汽车', 'hg', 'men'];

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 100_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qipei-measure-'));
  const db = createDb({ client: 'sqlite3', filename: path.join(dir, 'bench.sqlite') });
  await migrateLatest(db);
  if (process.env.PRAGMAS) await db.raw(`PRAGMA cache_size = -${Number(process.env.PRAGMAS) * 1024}`);
  if (process.env.MMAP) await db.raw(`PRAGMA mmap_size = ${Number(process.env.MMAP) * 1024 * 1024}`);
  const engine = new EmbeddedSearchEngine(db, {
    count: async () => n,
    batches: async function* () {
      yield* syntheticDocumentBatches(n, 42, 1000);
    },
  });
  let t = performance.now();
  await engine.reindex();
  console.log(`reindex ${n}: ${((performance.now() - t) / 1000).toFixed(1)} s, db ${(fs.statSync(path.join(dir, 'bench.sqlite')).size / 1e6).toFixed(0)} MB`);

  const rounds = Number(process.argv[3] ?? 20);
  const all: number[] = [];
  const byKind = new Map<string, number[]>();
  const slowest = new Map<string, number>();
  for (let r = 0; r < rounds + 2; r++) {
    for (const m of MIX) {
      const { kind, ...rest } = m;
      t = performance.now();
      const res = await engine.search({ type: 'all', sort: 'relevance' as SearchSort, page: 1, perPage: 20, ...rest });
      const ms = performance.now() - t;
      if (r < 2) {
        if (r === 0) console.log(`  ${kind.padEnd(8)} ${JSON.stringify(rest).padEnd(70)} totalHits=${res.totalHits}`);
        continue;
      }
      all.push(ms);
      byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
      const label = JSON.stringify(rest);
      slowest.set(label, Math.max(slowest.get(label) ?? 0, ms));
    }
  }
  all.sort((a, b) => a - b);
  console.log(`search p50 ${pct(all, 50).toFixed(2)} ms, p99 ${pct(all, 99).toFixed(2)} ms, max ${all[all.length - 1].toFixed(2)} ms (${all.length} queries)`);
  for (const [k, v] of byKind) {
    v.sort((a, b) => a - b);
    console.log(`  ${k.padEnd(8)} p50 ${pct(v, 50).toFixed(2)} p99 ${pct(v, 99).toFixed(2)}`);
  }
  console.log('  slowest:', [...slowest].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([l, ms]) => `${l} ${ms.toFixed(1)}`).join(' | '));
  const sug: number[] = [];
  for (let r = 0; r < rounds + 2; r++) {
    for (const s of SUGGEST) {
      t = performance.now();
      await engine.suggest(s, 8);
      if (r >= 2) sug.push(performance.now() - t);
    }
  }
  sug.sort((a, b) => a - b);
  console.log(`suggest p50 ${pct(sug, 50).toFixed(2)} ms, p99 ${pct(sug, 99).toFixed(2)} ms`);
  t = performance.now();
  await engine.search({ q: '', type: 'all', sort: 'relevance', page: 1, perPage: 20 });
  console.log(`browse all (exact facets) ${(performance.now() - t).toFixed(1)} ms`);
  t = performance.now();
  for (let i = 0; i < 200; i++) {
    await db.transaction((trx) => engine.index(trx, [...syntheticDocumentBatches(1, 1000 + i, 1)][0].map((d) => ({ ...d, id: n + 1 + i }))));
  }
  console.log(`index one document in its own transaction: ${((performance.now() - t) / 200).toFixed(2)} ms`);
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
