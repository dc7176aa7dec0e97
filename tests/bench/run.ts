/**
 * `npm run bench`: every figure the issues ask for, each next to a bare Express server measured
 * in the same run on the same machine. Nothing here asserts; it prints.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { load, rssMb, startProcess, table, type LoadResult } from './harness';

const root = path.resolve(__dirname, '../../..');
const dist = path.join(root, 'dist');
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 100_000);
const DURATION = Number(process.env.BENCH_DURATION ?? 8);
const dataDir = path.join(os.tmpdir(), `qipei-bench-${PRODUCTS}`);

function ensureData(): void {
  // Bump the suffix when seeds change, so the cached benchmark data is rebuilt.
  const marker = path.join(dataDir, `.seeded-${PRODUCTS}-v4`);
  if (fs.existsSync(marker)) return;
  fs.rmSync(dataDir, { recursive: true, force: true });
  console.log(`preparing ${PRODUCTS} synthetic products in ${dataDir} …`);
  execFileSync(process.execPath, [path.join(dist, 'src/cli/seed-bulk.js'), '--products', String(PRODUCTS)], {
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: 'inherit',
  });
  fs.writeFileSync(marker, new Date().toISOString());
}

function ratio(a: LoadResult, b: LoadResult): string {
  return `${(a.rps / b.rps).toFixed(2)}×`;
}

async function main(): Promise<void> {
  ensureData();
  const sections: string[] = [];
  const baseline = await startProcess(path.join(dist, 'tests/bench/baseline-server.js'), { PORT: '0', BENCH_DB: path.join(dataDir, 'qipei.sqlite') });
  const appPort = 3900 + Math.floor(Math.random() * 90);
  const app = await startProcess(path.join(dist, 'src/server.js'), {
    PORT: String(appPort), DATA_DIR: dataDir, NODE_ENV: 'production', LOG_LEVEL: 'warn',
    SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-0001', SEED_ON_START: 'false', PUBLIC_URL: `http://127.0.0.1:${appPort}`,
  }, appPort);
  const hello = `http://127.0.0.1:${baseline.port}`;
  const shop = `http://127.0.0.1:${appPort}`;
  try {
    const productSlugs = Array.from({ length: 200 }, (_, i) => `/p/bulk-${(i * 487) % PRODUCTS}`);
    const rssBefore = rssMb(app.child.pid!);
    // Warm both up so the JIT and caches are in the same state: every URL once, then a short run.
    const listingPaths = ['/products', '/products?page=2', '/products?sort=price_asc', '/c/tail-lights', '/c/floor-mats?page=3'];
    for (const p of [...listingPaths, ...productSlugs]) await fetch(`${shop}${p}`).then((r) => r.arrayBuffer());
    await load('warm', hello, { duration: 2 });
    await load('warm', shop, { duration: 2, paths: listingPaths });

    const helloRes = await load('bare Express hello-world', hello, { duration: DURATION });
    const listing = await load('listing /products (24 cards)', shop, { duration: DURATION, paths: listingPaths });
    const product = await load('product page /p/:slug', shop, { duration: DURATION, paths: productSlugs });
    const rows: (string | number)[][] = [['target', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx', 'vs hello']];
    for (const r of [helloRes, listing, product]) rows.push([r.name, r.rps.toFixed(0), r.p50, r.p99, r.errors, r.non2xx, ratio(r, helloRes)]);
    const rss = rssMb(app.child.pid!);
    sections.push(`## Storefront at ${PRODUCTS} products (32 connections, ${DURATION}s each)\n${table(rows)}\n` +
      `app RSS: ${rssBefore.rss.toFixed(0)} MB at start, ${rss.rss.toFixed(0)} MB after load, peak ${rss.peak.toFixed(0)} MB (target ≤ 250 MB)\n` +
      `targets: listing ≥ 0.5× hello and p99 ≤ 25 ms; product ≥ 0.5× hello`);

    const extra = await import('./sections.js').catch(() => null);
    if (extra) for (const s of await extra.run({ hello, shop, helloRes, dataDir, duration: DURATION, products: PRODUCTS, appPid: app.child.pid! })) sections.push(s);
  } finally {
    await app.stop();
    await baseline.stop();
  }
  console.log(`\n# qipei benchmark (${os.cpus().length} cores, node ${process.version})\n`);
  console.log(sections.join('\n\n'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
