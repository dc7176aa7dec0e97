/**
 * Soak (`npm run bench -- --soak`, not in CI): half the measured maximum throughput on mixed
 * pages for BENCH_SOAK_SECONDS (default 600), in windows of a minute, each reporting its rate,
 * errors, p99 and the app's RSS. Passes when nothing failed and RSS did not grow: the mean of the
 * last window may exceed the first window after warm-up by at most 10 % (a GC returning memory is
 * not a failure). Also the article view counter check, once articles exist.
 *
 * The maximum is measured on warm pages. Measured cold, every connection asked for pages no one
 * had rendered yet at once (the 5 MB sitemap 32 times over, each a query over the whole
 * catalogue), and the "max" came out at 25 req/s, which made the soak a 12 req/s idle run.
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

export interface SoakWindow {
  endsAtSeconds: number;
  rps: number;
  errors: number;
  non2xx: number;
  p99: number;
  rssMb: number;
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
  windows: SoakWindow[];
  firstWindowMb: number;
  lastWindowMb: number;
  driftPct: number;
  ok: boolean;
}

const requestsFor = (paths: string[]) => paths.map((p) => ({ method: 'GET' as const, path: p }));

/** RSS growth beyond this (last window against the first after warm-up) fails the soak; shrinking never does. */
const MAX_GROWTH_PCT = 10;

export async function runSoak(opts: SoakOptions): Promise<SoakResult> {
  const seconds = opts.seconds ?? Number(process.env.BENCH_SOAK_SECONDS ?? 600);
  const connections = opts.connections ?? 32;
  // Every page once, then a short run: the maximum is the warm server's, as in production.
  for (const p of opts.paths) await fetch(opts.shop + p).then((r) => r.arrayBuffer());
  await autocannon({ url: opts.shop, connections, duration: 3, requests: requestsFor(opts.paths) });
  const probe = await autocannon({ url: opts.shop, connections, duration: opts.measureSeconds ?? 10, requests: requestsFor(opts.paths) });
  const maxRps = probe.requests.average;
  const targetRps = Math.max(1, Math.floor(maxRps / 2));

  const windowSeconds = Math.max(1, Math.min(60, Math.floor(seconds / 5)));
  const windows: SoakWindow[] = [];
  let requests = 0;
  for (let elapsed = 0; elapsed < seconds; ) {
    const duration = Math.min(windowSeconds, seconds - elapsed);
    const r = await autocannon({ url: opts.shop, connections, duration, overallRate: targetRps, requests: requestsFor(opts.paths) });
    elapsed += duration;
    requests += r.requests.total;
    windows.push({ endsAtSeconds: elapsed, rps: r.requests.average, errors: r.errors + r.timeouts, non2xx: r.non2xx, p99: r.latency.p99, rssMb: rssMb(opts.appPid).rss });
  }
  // The first window is warm-up (caches fill, the heap finds its size); compare the next one to the last.
  const first = windows[Math.min(1, windows.length - 1)];
  const last = windows[windows.length - 1];
  const driftPct = ((last.rssMb - first.rssMb) / first.rssMb) * 100;
  const errors = windows.reduce((a, w) => a + w.errors, 0);
  const non2xx = windows.reduce((a, w) => a + w.non2xx, 0);
  return {
    seconds, maxRps, targetRps, achievedRps: requests / seconds, requests, errors, non2xx, p99: Math.max(...windows.map((w) => w.p99)),
    windows, firstWindowMb: first.rssMb, lastWindowMb: last.rssMb, driftPct,
    ok: errors === 0 && non2xx === 0 && driftPct <= MAX_GROWTH_PCT,
  };
}

export function formatSoak(r: SoakResult): string {
  const rows: (string | number)[][] = [
    ['measure', 'value', 'target'],
    ['duration', `${r.seconds} s`, ''],
    ['max throughput (measured warm)', `${r.maxRps.toFixed(0)} req/s`, ''],
    ['soak rate', `${r.achievedRps.toFixed(0)} req/s`, `${r.targetRps} req/s (½ max)`],
    ['requests', r.requests, ''],
    ['errors + timeouts', r.errors, '0'],
    ['non-2xx', r.non2xx, '0'],
    ['p99 latency (worst window)', `${r.p99} ms`, ''],
    ['RSS after the warm-up window', `${r.firstWindowMb.toFixed(1)} MB`, ''],
    ['RSS at the end', `${r.lastWindowMb.toFixed(1)} MB`, ''],
    ['RSS growth', `${r.driftPct >= 0 ? '+' : ''}${r.driftPct.toFixed(1)} %`, `≤ +${MAX_GROWTH_PCT} % (shrinking is fine)`],
  ];
  const over = table([
    ['window ends', 'req/s', 'errors', 'non-2xx', 'p99 ms', 'RSS MB'],
    ...r.windows.map((w) => [`${w.endsAtSeconds} s`, w.rps.toFixed(0), w.errors, w.non2xx, w.p99, w.rssMb.toFixed(0)]),
  ]);
  return `## Soak (${r.ok ? 'PASS' : 'FAIL'})\n${table(rows)}\n\nover time:\n${over}`;
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
