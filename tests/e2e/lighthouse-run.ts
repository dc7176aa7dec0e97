/**
 * `npm run lighthouse`: Lighthouse 12 (mobile, simulated throttling) against the production build
 * on a freshly seeded database, for every page type marked `lighthouse: true` in page-types.ts.
 * Prints a score table; exits 1 when a page misses a budget. Reports go to artifacts/lighthouse/.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/config';
import { bootstrap } from '../../src/app/bootstrap';
import { startProcess, table } from '../bench/harness';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './browser';
import { httpResolveContext, resolvePageTypes } from './page-types';

/** Budgets are the bar; a page that misses one is fixed, the budget stays. */
export const BUDGETS = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 } as const;
type Category = keyof typeof BUDGETS;
const CATEGORIES = Object.keys(BUDGETS) as Category[];

const root = path.resolve(__dirname, '../../..');
const reportDir = path.join(root, 'artifacts/lighthouse');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

interface PageScore {
  name: string;
  url: string;
  scores: Record<Category, number>;
  failing: string[];
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qipei-lighthouse-'));
  const port = await freePort();
  // Canonical links must name the origin Lighthouse loads, or its SEO audit sees another domain.
  const env = { NODE_ENV: 'production', DATA_DIR: dataDir, SESSION_SECRET: 'lighthouse-secret-lighthouse-secret-0001', LOG_LEVEL: 'warn', PUBLIC_URL: `http://127.0.0.1:${port}` };
  console.log(`seeding ${dataDir} …`);
  const runtime = await bootstrap(loadConfig({ ...env, SEED_ON_START: 'true' }), { seed: true });
  const app = await startProcess(path.join(root, 'dist/src/server.js'), { ...env, PORT: String(port), SEED_ON_START: 'false' }, port);
  const base = `http://127.0.0.1:${port}`;
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_FLAGS });
  const results: PageScore[] = [];
  let version = '?';
  try {
    const pages = (await resolvePageTypes(httpResolveContext(runtime.db, base))).filter((p) => p.lighthouse);
    fs.mkdirSync(reportDir, { recursive: true });
    for (const p of pages) {
      // Warm the page cache and the JIT once, as a visitor after the first would find them.
      await fetch(base + p.path);
      const run = await lighthouse(base + p.path, { port: chrome.port, output: 'html', logLevel: 'error', onlyCategories: CATEGORIES });
      if (!run) throw new Error(`lighthouse returned nothing for ${p.path}`);
      fs.writeFileSync(path.join(reportDir, `${p.name}.html`), String(run.report));
      const lhr = run.lhr;
      version = lhr.lighthouseVersion;
      if (lhr.runtimeError) throw new Error(`${p.path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Record<Category, number>;
      // Name the audits that cost points, so a miss says what to fix.
      const failing = CATEGORIES.filter((c) => scores[c] < 100).flatMap((c) =>
        (lhr.categories[c]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => `${c}: ${ref.id} (${lhr.audits[ref.id].displayValue ?? lhr.audits[ref.id].score})`),
      );
      results.push({ name: p.name, url: p.path, scores, failing });
    }
  } finally {
    chrome.kill();
    await app.stop();
    await runtime.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const rows: (string | number)[][] = [['page', ...CATEGORIES, 'url']];
  rows.push(['budget', ...CATEGORIES.map((c) => `≥ ${BUDGETS[c]}`), '']);
  for (const r of results) rows.push([r.name, ...CATEGORIES.map((c) => r.scores[c]), r.url]);
  console.log(`\n# Lighthouse ${version} (mobile, simulated throttling) — reports in artifacts/lighthouse/\n\n${table(rows)}\n`);
  const misses = results.flatMap((r) => CATEGORIES.filter((c) => r.scores[c] < BUDGETS[c]).map((c) => `${r.name}: ${c} ${r.scores[c]} < ${BUDGETS[c]}`));
  for (const r of results) for (const f of r.failing) console.log(`  ${r.name} — ${f}`);
  if (misses.length) {
    console.error(`\nbudget missed:\n  ${misses.join('\n  ')}`);
    process.exit(1);
  }
  console.log('all budgets met');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
