/**
 * /api/suggest as a shopper types: every prefix of real vocabulary (pinyin, Chinese, English),
 * each sent once, one request at a time, on one connection, so the figure is latency without
 * queueing. No prefix is ever answered from a cache; the embedded engine finds each keystroke's
 * products afresh (suggestProducts). Printed beside a bare Express hello-world measured the same way.
 */
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pinyin } from 'pinyin-pro';
import { vehicleCatalog } from '../../src/fitment';
import { percentile, startProcess, table } from './harness';

const PARTS = ['尾灯', '大灯', '中网', '脚垫', '座套', '门槛条', '行车记录仪', '充电器', '雨刮', '电瓶', '车贴', '手机支架', '香水', '轮毂', '挡泥板', '后视镜', '雾灯', '方向盘套', '车衣', '机油'];
const ENGLISH = ['tail light', 'headlight', 'grille', 'floor mat', 'seat cover', 'charger', 'wiper', 'battery', 'mirror', 'sticker', 'exterior', 'interior', 'lighting'];

function prefixes(word: string, min: number, max: number): string[] {
  const chars = Array.from(word);
  const out: string[] = [];
  for (let n = min; n <= Math.min(max, chars.length); n++) out.push(chars.slice(0, n).join(''));
  return out;
}

/** Distinct prefixes, in a fixed shuffled order (seeded, so runs compare). */
export function suggestPrefixes(): string[] {
  const set = new Set<string>();
  const add = (words: string[]) => words.forEach((w) => set.add(w));
  for (const make of vehicleCatalog().makes) {
    add(prefixes(make.name, 1, 3));
    add(prefixes(make.pinyin, 2, 6));
    for (const model of make.models.slice(0, 6)) add(prefixes(`${make.name}${model.name}`, Array.from(make.name).length + 1, Array.from(make.name).length + 3));
  }
  for (const part of PARTS) {
    add(prefixes(part, 1, 4));
    add(prefixes(pinyin(part, { toneType: 'none', separator: '' }), 2, 6));
  }
  for (const e of ENGLISH) add(prefixes(e, 2, 8));
  const list = [...set];
  let seed = 7;
  for (let i = list.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function get(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    http.get(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`${url}: ${res.statusCode}`))));
    }).on('error', reject);
  });
}

async function sequential(urls: string[]): Promise<{ p50: number; p99: number; max: number; n: number }> {
  const times: number[] = [];
  for (const u of urls) times.push(await get(u));
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), max: times[times.length - 1], n: times.length };
}

/** The section `npm run bench` prints (called from sections.ts). */
export async function suggestSection(ctx: { shop: string; hello: string; products: number }): Promise<string> {
  const qs = suggestPrefixes();
  // Warm the vocabulary and the JIT on words that are not in the measured list.
  for (const w of ['warm-up', '热身', 'zzz']) await get(`${ctx.shop}/api/suggest?q=${encodeURIComponent(w)}`);
  const hello = await sequential(qs.map(() => `${ctx.hello}/`));
  const suggest = await sequential(qs.map((q) => `${ctx.shop}/api/suggest?q=${encodeURIComponent(q)}`));
  const f = (n: number) => n.toFixed(2);
  return `## /api/suggest while typing at ${ctx.products} products (1 connection, ${suggest.n} distinct prefixes, each once)\n${table([
    ['target', 'p50 ms', 'p99 ms', 'max ms'],
    ['bare Express hello-world', f(hello.p50), f(hello.p99), f(hello.max)],
    ['/api/suggest (completions + 5 products + categories)', f(suggest.p50), f(suggest.p99), f(suggest.max)],
  ])}\np99 vs hello-world: ${(suggest.p99 / hello.p99).toFixed(1)}× (target: /api/suggest p99 ≤ 10 ms at 100k)`;
}

/**
 * Standalone: `node dist/tests/bench/suggest-bench.js` against BENCH_DATA_DIR (a seeded data dir;
 * migrated on start, so point it at a copy when other branches share the benchmark data).
 */
async function main(): Promise<void> {
  const dataDir = process.env.BENCH_DATA_DIR;
  if (!dataDir) throw new Error('BENCH_DATA_DIR is required');
  const dist = path.resolve(__dirname, '../..');
  const baseline = await startProcess(path.join(dist, 'tests/bench/baseline-server.js'), { PORT: '0' });
  const port = 3990 + Math.floor(Math.random() * 9);
  const app = await startProcess(path.join(dist, 'src/server.js'), {
    PORT: String(port), DATA_DIR: dataDir, NODE_ENV: 'production', LOG_LEVEL: 'warn', PUBLIC_URL: `http://127.0.0.1:${port}`,
    SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-0001', SEED_ON_START: 'false',
  }, port);
  try {
    const products = Number(process.env.BENCH_PRODUCTS ?? 100_000);
    console.log(`# suggest bench (${os.cpus().length} cores, node ${process.version})\n`);
    console.log(await suggestSection({ shop: `http://127.0.0.1:${port}`, hello: `http://127.0.0.1:${baseline.port}`, products }));
  } finally {
    agent.destroy();
    await app.stop();
    await baseline.stop();
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
