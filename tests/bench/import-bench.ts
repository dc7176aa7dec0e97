import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { stringify } from 'csv-stringify/sync';
import { loadConfig } from '../../src/config/config';
import { bootstrap } from '../../src/app/bootstrap';
import { runImport, type ImportReport } from '../../src/catalog-io';
import { rng, syntheticProduct } from '../../src/cli/synthetic-catalog';
import { table } from './harness';

export interface ImportRun {
  readonly rows: number;
  readonly seconds: number;
  /** Process CPU time (all threads, SQLite's included): steadier than wall time on a busy machine. */
  readonly cpuSeconds: number;
  readonly rssGrowthMb: number;
  /** Heap still in use after a full GC, minus the same before the run: what the import keeps. */
  readonly retainedMb: number;
  readonly report: ImportReport;
}

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

export interface ImportBenchResult {
  readonly fresh: ImportRun;
  readonly again: ImportRun;
  readonly stream: ImportRun | null;
  readonly fileMb: number;
}

const CATEGORIES = ['车灯照明/尾灯', '车灯照明/大灯', '内饰用品/脚垫', '外观改装/中网', '电子电器/充电器'];

/** A Taobao-like sheet: seeded synthetic titles (the title parser has real work), variants, specs, tags. */
function writeSheet(file: string, rows: number, prefix = 'BENCH'): void {
  const rand = rng(4242);
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, '\uFEFF' + stringify([['商家编码', '宝贝名称', '英文名', '分类', '价格', '原价', '库存', '状态', '标签', '参数', '规格', '宝贝描述']]));
  for (let i = 0; i < rows; i += 1000) {
    const chunk: string[][] = [];
    for (let k = i; k < Math.min(rows, i + 1000); k++) {
      const p = syntheticProduct(k, rand);
      const yuan = (p.priceFen / 100).toFixed(2);
      chunk.push([
        `${prefix}-${k}`, p.title, p.nameEn, CATEGORIES[k % CATEGORIES.length], yuan, k % 3 === 0 ? ((p.priceFen * 1.5) / 100).toFixed(2) : '', String(p.stock), '上架',
        '改装,热卖', p.specs.map(([n, v]) => `${n}:${v}`).join(';'), k % 4 === 0 ? `标准:${yuan}:5:${prefix}-${k}-A;加强:${yuan}:3:${prefix}-${k}-B` : '', p.description,
      ]);
    }
    fs.writeSync(fd, stringify(chunk));
  }
  fs.closeSync(fd);
}

async function measure(run: () => Promise<ImportReport>): Promise<ImportRun> {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  try {
    const report = await run();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    gc();
    return { rows: report.rows, seconds, cpuSeconds, rssGrowthMb: (peak - before) / 1024 / 1024, retainedMb: (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024, report };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * `npm run import` on a fresh embedded database, in this process: a 10,000-row CSV without
 * images, then the same file again (every row compared, nothing written), then a dry run of a
 * 100,000-row file to show memory stays flat while streaming.
 */
export async function runImportBench(opts: { rows?: number; streamRows?: number } = {}): Promise<ImportBenchResult> {
  const rows = opts.rows ?? 10_000;
  const streamRows = opts.streamRows ?? 100_000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qipei-import-bench-'));
  try {
    const file = path.join(dir, 'sheet.csv');
    writeSheet(file, rows);
    const runtime = await bootstrap(loadConfig({ DATA_DIR: path.join(dir, 'data'), NODE_ENV: 'production', PUBLIC_URL: 'http://127.0.0.1', LOG_LEVEL: 'warn', SEED_ON_START: 'false', SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-0001' }), { seed: false, startWorkers: false });
    try {
      // Loads the CJK dictionaries (segmenter, pinyin, simplified/traditional) once, outside the
      // measurement: a one-off cost of any first write, not something the import holds per row.
      const warm = path.join(dir, 'warm.csv');
      writeSheet(warm, 50, 'WARM');
      await runImport(runtime, { file: warm, dryRun: false });
      const fresh = await measure(() => runImport(runtime, { file, dryRun: false }));
      const again = await measure(() => runImport(runtime, { file, dryRun: false }));
      let stream: ImportRun | null = null;
      if (streamRows > 0) {
        const big = path.join(dir, 'big.csv');
        writeSheet(big, streamRows);
        stream = await measure(() => runImport(runtime, { file: big, dryRun: true }));
        fs.rmSync(big);
      }
      return { fresh, again, stream, fileMb: fs.statSync(file).size / 1024 / 1024 };
    } finally {
      await runtime.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The bench section: figures against the targets (this process, embedded engine). */
export async function importSection(): Promise<string> {
  const r = await runImportBench({ rows: Number(process.env.BENCH_IMPORT_ROWS ?? 10_000), streamRows: Number(process.env.BENCH_IMPORT_STREAM_ROWS ?? 100_000) });
  const row = (name: string, run: ImportRun, target: string) => [name, run.rows, `${run.seconds.toFixed(1)} s`, `${run.cpuSeconds.toFixed(1)} s`, (run.rows / run.seconds).toFixed(0), `${run.rssGrowthMb.toFixed(0)} MB`, `${run.retainedMb.toFixed(1)} MB`, target];
  const rows: (string | number)[][] = [['run', 'rows', 'wall time', 'CPU time', 'rows/s', 'RSS growth (peak)', 'heap kept after GC', 'target']];
  rows.push(row('import, fresh database (created)', r.fresh, '≤ 60 s, ≤ 200 MB'));
  rows.push(row('same file again (all unchanged)', r.again, ''));
  if (r.stream) rows.push(row('100k-row file, dry run (streamed)', r.stream, 'not read whole'));
  return `## Spreadsheet import (CSV ${r.fileMb.toFixed(1)} MB, no images, embedded engine, after a 50-row warm-up)\n${table(rows)}\n` +
    `created ${r.fresh.report.created}, failed ${r.fresh.report.failed}; re-import unchanged ${r.again.report.unchanged}`;
}

if (require.main === module) {
  runImportBench({ rows: Number(process.env.BENCH_IMPORT_ROWS ?? 10_000), streamRows: Number(process.env.BENCH_IMPORT_STREAM_ROWS ?? 0) }).then((r) => {
    for (const [name, run] of [['fresh', r.fresh], ['again', r.again], ['stream (dry run)', r.stream]] as const) {
      if (run) console.log(`${name}: ${run.rows} rows in ${run.seconds.toFixed(1)} s (CPU ${run.cpuSeconds.toFixed(1)} s), RSS +${run.rssGrowthMb.toFixed(0)} MB, heap kept ${run.retainedMb.toFixed(1)} MB, created ${run.report.created}, unchanged ${run.report.unchanged}, failed ${run.report.failed}`);
    }
  });
}
