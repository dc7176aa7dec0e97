/**
 * Checkout under load: 32 shoppers each looping cart → checkout on 1,000 products with stock, on a
 * data dir of its own (the shared bench data is never written). Then product pages under load while
 * a few shoppers keep buying, so stock keeps changing. Prints; asserts nothing but reports oversell.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Knex } from 'knex';
import { createDb } from '../../src/db/knex';
import { startMeiliStub } from '../helpers/meili-stub';
import { cpuMs, load, startProcess, table, type LoadResult } from './harness';

const PRODUCTS = 1000;
const STOCK = 1000;
/** A busy shop's order rate, far above any real one for 1,000 products, yet not a loop flat out. */
const PACED_ORDERS_PER_SECOND = 10;

class Shopper {
  private readonly jar = new Map<string, string>();
  constructor(private readonly base: string) {}

  private async request(pathname: string, form?: Record<string, string>): Promise<{ status: number; text: string; location: string | null }> {
    const res = await fetch(`${this.base}${pathname}`, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '),
        origin: this.base,
        'sec-fetch-site': 'same-origin',
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    for (const raw of res.headers.getSetCookie()) {
      const [pair] = raw.split(';');
      const eq = pair.indexOf('=');
      this.jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return { status: res.status, text: await res.text(), location: res.headers.get('location') };
  }

  /** One order of one item; returns the checkout POST's latency and whether an order was made. */
  async buy(product: number, qty: number): Promise<{ ms: number; placed: boolean; status: number }> {
    await this.request('/cart/items', { product: String(product), qty: String(qty) });
    const page = await this.request('/checkout');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
    const key = /name="idempotency_key" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
    const started = performance.now();
    const res = await this.request('/checkout', {
      _csrf: csrf, idempotency_key: key, name: '压测', phone: '13800138000', province: '广东省', city: '深圳市', district: '南山区',
      address: '科技园 1 号', note: '', payment: 'cod',
    });
    const ms = performance.now() - started;
    const placed = res.status === 303 && (res.location ?? '').startsWith('/orders/QP');
    if (!placed && res.status !== 409) await this.request('/cart'); // keep going; the status is counted
    return { ms, placed, status: res.status };
  }
}

async function helloNow(url: string, pid: number, seconds: number): Promise<{ res: LoadResult; cpuUs: number }> {
  const cpu0 = cpuMs(pid);
  const res = await load('bare Express hello-world', url, { duration: seconds });
  return { res, cpuUs: ((cpuMs(pid) - cpu0) * 1000) / Math.max(1, res.rps * seconds) };
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;
}

/** `connections` shoppers buying for `seconds`, flat out or, with `ordersPerSecond`, at that total rate. */
async function shoppers(base: string, productIds: number[], connections: number, seconds: number, ordersPerSecond?: number) {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let placed = 0;
  const started = Date.now();
  const until = started + seconds * 1000;
  // Paced shoppers start their orders on a shared schedule, spread evenly over the second.
  const interval = ordersPerSecond ? (connections * 1000) / ordersPerSecond : 0;
  await Promise.all(Array.from({ length: connections }, async (_, c) => {
    const shopper = new Shopper(base);
    for (let i = 0; Date.now() < until; i++) {
      const due = started + (c * interval) / connections + i * interval;
      if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
      if (Date.now() >= until) break;
      const r = await shopper.buy(productIds[(c * 997 + i * 31) % productIds.length], 1 + (i % 2));
      latencies.push(r.ms);
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      if (r.placed) placed++;
    }
  }));
  latencies.sort((a, b) => a - b);
  return { placed, perSecond: placed / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), statuses };
}

interface BenchDatabase {
  readonly label: string;
  /** Environment for seed-bulk and the app (database and, on PostgreSQL, search). */
  readonly env: Record<string, string>;
  readonly db: () => Knex;
  close(): Promise<void>;
}

async function sqliteDatabase(dataDir: string): Promise<BenchDatabase> {
  return { label: 'SQLite', env: {}, db: () => createDb({ client: 'sqlite3', filename: path.join(dataDir, 'qipei.sqlite') }), close: async () => {} };
}

/** A schema of its own on BENCH_PG_URL, and a Meilisearch stub (PostgreSQL deployments need Meilisearch). */
async function pgDatabase(url: string, dist: string): Promise<BenchDatabase> {
  const schema = `qb_checkout_${process.pid}`;
  // The stub validates against the OpenAPI document beside its source; the build does not copy JSON.
  const spec = path.join('tests/fixtures/shared/meilisearch-openapi.json');
  if (!fs.existsSync(path.join(dist, spec))) fs.cpSync(path.join(dist, '..', spec), path.join(dist, spec));
  const stub = await startMeiliStub();
  return {
    label: 'PostgreSQL',
    env: { DATABASE_URL: url, DATABASE_SCHEMA: schema, MEILI_URL: stub.url, MEILI_API_KEY: stub.apiKey },
    db: () => createDb({ client: 'pg', url, schema }),
    async close() {
      const admin = createDb({ client: 'pg', url });
      await admin.raw('drop schema if exists ?? cascade', [schema]).finally(() => admin.destroy());
      await stub.close();
    },
  };
}

interface CheckoutBenchOptions {
  duration: number;
  helloRes: LoadResult;
  /** The running hello-world server, measured again right before the product pages when given. */
  hello?: { url: string; pid: number };
  dist: string;
}

async function measure(target: BenchDatabase, dataDir: string, opts: CheckoutBenchOptions): Promise<string> {
  // Asynchronously: on PostgreSQL the Meilisearch stub answering the seed lives in this process.
  await promisify(execFile)(process.execPath, [path.join(opts.dist, 'src/cli/seed-bulk.js'), '--products', String(PRODUCTS)], { env: { ...process.env, ...target.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' } });
  const db = target.db();
  try {
    await db('products').where('slug', 'like', 'bulk-%').update({ stock: STOCK });
    const rows: { id: number; slug: string }[] = await db('products').where('slug', 'like', 'bulk-%').orderBy('id').select('id', 'slug');
    const ids = rows.map((r) => Number(r.id));
    const port = Number(process.env.BENCH_CHECKOUT_PORT ?? 3990 + Math.floor(Math.random() * 9));
    const app = await startProcess(path.join(opts.dist, 'src/server.js'), {
      ...target.env, PORT: String(port), DATA_DIR: dataDir, NODE_ENV: 'production', LOG_LEVEL: 'warn', PUBLIC_URL: `http://127.0.0.1:${port}`,
      SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-0001', SEED_ON_START: 'false',
    }, port);
    const base = `http://127.0.0.1:${port}`;
    try {
      await shoppers(base, ids, 4, 2); // warm-up
      const run = await shoppers(base, ids, 32, opts.duration);
      // Product pages alone, then while shoppers keep buying (stock keeps changing underneath the
      // page cache): flat out, and at a paced rate. The app's CPU per request counts every request
      // it served meanwhile, the shoppers' included.
      const pages = rows.slice(0, 200).map((r) => `/p/${r.slug}`);
      for (const p of pages) await fetch(`${base}${p}`).then((r) => r.arrayBuffer());
      const pid = app.child.pid!;
      const pagesWhile = async (name: string, buying?: () => Promise<Awaited<ReturnType<typeof shoppers>>>) => {
        const cpu0 = cpuMs(pid);
        const [page, background] = await Promise.all([load(name, base, { duration: opts.duration, paths: pages }), buying?.()]);
        return { page, background, cpuUs: ((cpuMs(pid) - cpu0) * 1000) / Math.max(1, page.rps * opts.duration) };
      };
      // Hello again, just before: on a shared machine a figure from minutes ago is another machine.
      const hello = opts.hello ? await helloNow(opts.hello.url, opts.hello.pid, opts.duration) : { res: opts.helloRes, cpuUs: NaN };
      const alone = await pagesWhile('product page /p/:slug, nobody buying');
      const flatOut = await pagesWhile('product page /p/:slug while 4 shoppers buy flat out', () => shoppers(base, ids, 4, opts.duration));
      const paced = await pagesWhile(`product page /p/:slug while shoppers buy ${PACED_ORDERS_PER_SECOND} orders/s`, () => shoppers(base, ids, 4, opts.duration, PACED_ORDERS_PER_SECOND));
      const sold = Number((await db('products').whereIn('id', ids).select(db.raw(`sum(${STOCK} - stock) as n`)))[0].n);
      const ordered = Number((await db('order_items').whereIn('product_id', ids).sum({ n: 'qty' }))[0].n ?? 0);
      const orders = Number((await db('orders').count({ n: '*' }))[0].n);
      const negative = Number((await db('products').where('stock', '<', 0).count({ n: '*' }))[0].n);
      const statusText = [...run.statuses].map(([s, n]) => `${s}×${n}`).join(', ');
      return `## Checkout under load on ${target.label} (${PRODUCTS} products × ${STOCK} in stock, 32 shoppers, ${opts.duration}s; each order = add to cart, open checkout, submit)\n` +
        `${table([
          ['measure', 'value'],
          ['orders placed', run.placed],
          ['orders/s', run.perSecond.toFixed(1)],
          ['POST /checkout p50 ms', run.p50.toFixed(1)],
          ['POST /checkout p99 ms', run.p99.toFixed(1)],
          ['checkout responses', statusText],
        ])}\n` +
        `${table([
          ['product pages (32 connections)', 'req/s', 'p99 ms', 'vs hello', 'orders placed meanwhile', 'app CPU µs/page', 'vs hello by CPU'],
          [`${hello.res.name}${opts.hello ? ', just before' : ''}`, hello.res.rps.toFixed(0), hello.res.p99, '1.00×', '-', Number.isNaN(hello.cpuUs) ? '-' : hello.cpuUs.toFixed(0), '1.00×'],
          ...[alone, flatOut, paced].map(({ page, background, cpuUs }) => [
            page.name, page.rps.toFixed(0), page.p99, `${(page.rps / hello.res.rps).toFixed(2)}×`,
            background ? `${background.placed} (${(background.placed / opts.duration).toFixed(1)}/s)` : '-', cpuUs.toFixed(0), Number.isNaN(hello.cpuUs) ? '-' : `${(hello.cpuUs / cpuUs).toFixed(2)}×`,
          ]),
        ])}\n` +
        `target: product pages ≥ 0.5× hello while stock changes. App CPU per page charges all the app's CPU to the pages, the shoppers' requests (3 per order) included.\n` +
        `no oversell: units sold (stock taken) ${sold} = units in orders ${ordered} → ${sold === ordered ? 'yes' : 'NO'}; products below zero: ${negative}; orders in total: ${orders}`;
    } finally {
      await app.stop();
    }
  } finally {
    await db.destroy();
  }
}

/** SQLite always; PostgreSQL too when BENCH_PG_URL is set (e.g. postgres://postgres@127.0.0.1:5432/test). */
export async function checkoutSections(opts: CheckoutBenchOptions): Promise<string[]> {
  const out: string[] = [];
  const pgUrl = process.env.BENCH_PG_URL;
  for (const make of [(dir: string) => sqliteDatabase(dir), ...(pgUrl ? [() => pgDatabase(pgUrl, opts.dist)] : [])]) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qipei-bench-checkout-'));
    try {
      const target = await make(dataDir);
      try {
        out.push(await measure(target, dataDir, opts));
      } finally {
        await target.close();
      }
    } catch (err) {
      out.push(`## Checkout under load: a run failed: ${(err as Error).message}`);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return out;
}
