/**
 * Soak (`npm run bench -- --soak`, not in CI): half the measured maximum throughput on mixed
 * pages for BENCH_SOAK_SECONDS (default 600), sampling the app's RSS every 10 s. Passes when
 * nothing failed and RSS is flat: the mean of the first window after warm-up and of the last
 * window differ by at most ±10 %. Also the article view counter check, once articles exist.
 */
import autocannon from 'autocannon';
import { rssMb, table } from './harness';
import type { BenchContext } from './sections';

export interface SoakOptions {
  shop: string;
  appPid: number;
  paths: string[];
  seconds?: number;
  connections?: number;
  /** How long the maximum throughput is measured for before the soak. */
  measureSeconds?: number;
}

export interface SoakResult {
  seconds: number;
  maxRps: number;
  targetRps: number;
  achievedRps: number;
  requests: number;
  errors: number;
  non2xx: number;
  p99: number;
  samples: { atSeconds: number; rssMb: number }[];
  firstWindowMb: number;
  lastWindowMb: number;
  driftPct: number;
  ok: boolean;
}

const requestsFor = (paths: string[]) => paths.map((p) => ({ method: 'GET' as const, path: p }));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1);

export async function runSoak(opts: SoakOptions): Promise<SoakResult> {
  const seconds = opts.seconds ?? Number(process.env.BENCH_SOAK_SECONDS ?? 600);
  const connections = opts.connections ?? 32;
  const probe = await autocannon({ url: opts.shop, connections, duration: opts.measureSeconds ?? 10, requests: requestsFor(opts.paths) });
  const maxRps = probe.requests.average;
  const targetRps = Math.max(1, Math.floor(maxRps / 2));

  // Warm-up is excluded from the comparison: caches and the JIT settle in the first minute.
  const warmup = Math.min(60, seconds * 0.1);
  const window = Math.min(60, (seconds - warmup) / 3);
  const every = Math.max(1, Math.min(10, window / 3));
  const samples: { atSeconds: number; rssMb: number }[] = [];
  const started = Date.now();
  const sample = () => samples.push({ atSeconds: (Date.now() - started) / 1000, rssMb: rssMb(opts.appPid).rss });
  const timer = setInterval(sample, every * 1000);
  let result: autocannon.Result;
  try {
    result = await autocannon({ url: opts.shop, connections, duration: seconds, overallRate: targetRps, requests: requestsFor(opts.paths) });
  } finally {
    clearInterval(timer);
  }
  sample();
  const first = samples.filter((s) => s.atSeconds >= warmup && s.atSeconds < warmup + window).map((s) => s.rssMb);
  const last = samples.filter((s) => s.atSeconds >= seconds - window).map((s) => s.rssMb);
  const firstWindowMb = mean(first);
  const lastWindowMb = mean(last);
  const driftPct = ((lastWindowMb - firstWindowMb) / firstWindowMb) * 100;
  const errors = result.errors + result.timeouts;
  return {
    seconds, maxRps, targetRps, achievedRps: result.requests.average, requests: result.requests.total, errors, non2xx: result.non2xx, p99: result.latency.p99,
    samples, firstWindowMb, lastWindowMb, driftPct,
    ok: errors === 0 && result.non2xx === 0 && Math.abs(driftPct) <= 10,
  };
}

export function formatSoak(r: SoakResult): string {
  const rows: (string | number)[][] = [
    ['measure', 'value', 'target'],
    ['duration', `${r.seconds} s`, ''],
    ['max throughput (measured)', `${r.maxRps.toFixed(0)} req/s`, ''],
    ['soak rate', `${r.achievedRps.toFixed(0)} req/s`, `${r.targetRps} req/s (½ max)`],
    ['requests', r.requests, ''],
    ['errors + timeouts', r.errors, '0'],
    ['non-2xx', r.non2xx, '0'],
    ['p99 latency', `${r.p99} ms`, ''],
    ['RSS first window after warm-up', `${r.firstWindowMb.toFixed(1)} MB`, ''],
    ['RSS last window', `${r.lastWindowMb.toFixed(1)} MB`, ''],
    ['RSS drift', `${r.driftPct >= 0 ? '+' : ''}${r.driftPct.toFixed(1)} %`, '±10 %'],
  ];
  const trace = r.samples.map((s) => `${s.atSeconds.toFixed(0)}s:${s.rssMb.toFixed(0)}`).join(' ');
  return `## Soak (${r.ok ? 'PASS' : 'FAIL'})\n${table(rows)}\nRSS samples (s:MB): ${trace}`;
}

export interface ArticleCounterOptions {
  shop: string;
  articlePath: string;
  /** Reads the stored view count (e.g. from the database); may lag if views are batched. */
  readCount: () => Promise<number>;
  views?: number;
  connections?: number;
  /** How long to wait for a batched counter to settle. */
  settleMs?: number;
}

export interface ArticleCounterResult {
  views: number;
  ok2xx: number;
  before: number;
  after: number;
  exact: boolean;
}

/** "5,000 concurrent article views leave the counter exact": every 2xx view counted once. */
export async function checkArticleViewCounter(opts: ArticleCounterOptions): Promise<ArticleCounterResult> {
  const views = opts.views ?? 5000;
  const before = await opts.readCount();
  // A browser's user agent: the counter rightly ignores bots and clients that send none.
  const result = await autocannon({ url: opts.shop + opts.articlePath, connections: opts.connections ?? 200, amount: views, headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36' } });
  const ok2xx = result['2xx'];
  const deadline = Date.now() + (opts.settleMs ?? 15_000);
  let after = await opts.readCount();
  while (after - before < ok2xx && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    after = await opts.readCount();
  }
  return { views, ok2xx, before, after, exact: ok2xx === views && after - before === views };
}

export function formatArticleCounter(r: ArticleCounterResult): string {
  return `## Article view counter (${r.exact ? 'PASS' : 'FAIL'})\n${table([
    ['views sent', '2xx', 'counter before', 'counter after', 'counted'],
    [r.views, r.ok2xx, r.before, r.after, r.after - r.before],
  ])}`;
}

/** Mixed storefront pages on the bench catalogue; the integrator adds news, search and vehicle pages. */
export function soakPaths(ctx: BenchContext): string[] {
  const products = Array.from({ length: 40 }, (_, i) => `/p/bulk-${(i * 2477) % ctx.products}`);
  return ['/', '/products', '/products?page=2', '/products?sort=price_asc', '/c/tail-lights', '/c/floor-mats?page=2', '/c/stickers', '/sitemap.xml', ...products];
}

/**
 * The `--soak` bench section. `articleCounter` is wired by the integrator once articles exist:
 * return an article path and a reader of its view count (e.g. a knex connection on ctx.dataDir).
 */
export async function soakSection(ctx: BenchContext, articleCounter?: (ctx: BenchContext) => Promise<{ path: string; readCount: () => Promise<number> } | null>): Promise<string[]> {
  const out: string[] = [];
  const soak = await runSoak({ shop: ctx.shop, appPid: ctx.appPid, paths: soakPaths(ctx) });
  out.push(formatSoak(soak));
  const article = articleCounter ? await articleCounter(ctx) : null;
  if (article) out.push(formatArticleCounter(await checkArticleViewCounter({ shop: ctx.shop, articlePath: article.path, readCount: article.readCount })));
  else out.push('## Article view counter\nskipped: no article counter wired (tests/bench/sections.ts)');
  return out;
}
