import { load, rssMb, table, wanted, type LoadResult } from './harness';
import { runUploadBench } from './upload-bench';
import { importSection } from './import-bench';
import path from 'node:path';
import knexFactory from 'knex';
import { soakSection } from './soak';
import { suggestSection } from './suggest-bench';
import { searchSpeedSection } from './search-speed';
import { checkoutSections } from './checkout-bench';

export interface BenchContext {
  hello: string;
  shop: string;
  helloRes: LoadResult;
  dataDir: string;
  duration: number;
  products: number;
  appPid: number;
}

/** Narrow, broad, CJK, English, pinyin, typo and prefix queries, some with filters. */
export const SEARCH_MIX = [
  '宝骏730 尾灯', '汽车', '改装', '脚垫', '行车记录仪', 'floor mat', 'charger', 'baojun', 'jiaodian', 'Baojn', 'chargr', '行车记',
  '中网', 'grille', '尾燈', '１２ｖ', '哈弗H6 大灯', 'tail light', '座套 比亚迪', 'xiangshui',
];
const SUGGEST_MIX = ['尾', '宝骏', 'bao', '脚', 'cha', '行车', 'gr', '中', 'tail', '雨刮'];

const enc = (q: string) => encodeURIComponent(q);

/** The Yonhap story's page and a reader of its counter straight from the database. */
function articleCounter(ctx: BenchContext) {
  return async () => {
    const db = knexFactory({ client: 'sqlite3', connection: { filename: path.join(ctx.dataDir, 'qipei.sqlite') }, useNullAsDefault: true });
    const row = await db('articles').where('title', 'like', 'Kim, Putin%').first('id', 'slug');
    if (!row) {
      await db.destroy();
      return null;
    }
    return {
      path: `/news/${row.slug}`,
      readCount: async () => Number((await db('articles').where({ id: row.id }).first('views')).views),
    };
  };
}

/** Benchmark sections beyond the storefront pages. */
export async function run(ctx: BenchContext): Promise<string[]> {
  const sections: string[] = [];
  if (wanted('search')) sections.push(...(await searchSections(ctx)));
  if (wanted('search-speed')) sections.push(await searchSpeedSection(ctx));
  if (wanted('suggest')) sections.push(await suggestSection(ctx));
  if (wanted('checkout')) sections.push(...(await checkoutSections({ duration: ctx.duration, helloRes: ctx.helloRes, dist: path.resolve(__dirname, '../..') })));
  if (wanted('soak') && process.argv.includes('--soak')) sections.push(...(await soakSection(ctx, articleCounter(ctx))));
  if (wanted('upload')) sections.push(await uploadSection());
  if (wanted('import')) sections.push(await importSection());
  return sections;
}

/** Throughput with 32 connections (cached and uncached) and latency on one connection. */
async function searchSections(ctx: BenchContext): Promise<string[]> {
  const sections: string[] = [];
  const searchPaths = SEARCH_MIX.flatMap((q, i) => [`/api/search?q=${enc(q)}`, i % 3 === 0 ? `/api/search?q=${enc(q)}&type=product&sort=price_asc` : `/api/search?q=${enc(q)}&page=2`]);
  const likePaths = SEARCH_MIX.map((q) => `/like?q=${enc(q)}`);
  const search = await load('/api/search (mixed queries)', ctx.shop, { duration: ctx.duration, paths: searchPaths });
  const suggest = await load('/api/suggest (prefixes)', ctx.shop, { duration: ctx.duration, paths: SUGGEST_MIX.map((q) => `/api/suggest?q=${enc(q)}`) });
  const like = await load('LIKE-scan baseline (bare Express)', ctx.hello, { duration: ctx.duration, paths: likePaths });
  // Every request distinct (query × page size × page), so the result cache never answers: the engine's own cost.
  const distinct = SEARCH_MIX.flatMap((q) => Array.from({ length: 60 }, (_, n) => [1, 2].map((page) => `/api/search?q=${enc(q)}&per_page=${n + 1}&page=${page}`)).flat());
  const uncached = await load('/api/search, uncached (all distinct)', ctx.shop, { duration: ctx.duration, paths: distinct.sort(() => Math.random() - 0.5) });
  const uncachedOne = await load('/api/search, uncached, 1 connection', ctx.shop, { duration: ctx.duration, connections: 1, paths: distinct.sort(() => Math.random() - 0.5) });
  const rows: (string | number)[][] = [['target', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx']];
  for (const r of [search, uncached, uncachedOne, suggest, like]) rows.push([r.name, r.rps.toFixed(0), r.p50, r.p99, r.errors, r.non2xx]);
  const rss = rssMb(ctx.appPid);
  sections.push(
    `## Search at ${ctx.products} products (32 connections, ${ctx.duration}s each)\n${table(rows)}\n` +
      `search throughput vs LIKE scan: ${(search.rps / like.rps).toFixed(1)}× with the result cache, ${(uncached.rps / like.rps).toFixed(1)}× uncached (target ≥ 10×); vs hello-world: ${(search.rps / ctx.helloRes.rps).toFixed(2)}×\n` +
      `targets: /api/search p50 ≤ 5 ms, p99 ≤ 30 ms; /api/suggest p99 ≤ 10 ms (latencies here include 32-way queueing on 2 cores)\n` +
      `app RSS after search load: ${rss.rss.toFixed(0)} MB (peak ${rss.peak.toFixed(0)} MB)`,
  );
  const single = await load('/api/search, 1 connection', ctx.shop, { duration: ctx.duration, connections: 1, paths: searchPaths });
  const singleSuggest = await load('/api/suggest, 1 connection', ctx.shop, { duration: ctx.duration, connections: 1, paths: SUGGEST_MIX.map((q) => `/api/suggest?q=${enc(q)}`) });
  sections.push(
    `## Search latency without queueing (1 connection)\n${table([
      ['target', 'req/s', 'p50 ms', 'p99 ms'],
      [single.name, single.rps.toFixed(0), single.p50, single.p99],
      [singleSuggest.name, singleSuggest.rps.toFixed(0), singleSuggest.p50, singleSuggest.p99],
    ])}`,
  );
  return sections;
}

async function uploadSection(): Promise<string> {
  const upload = await runUploadBench();
  return (
    `## Image upload pipeline (${upload.megapixels} MP JPEG, ${upload.inputMb.toFixed(1)} MB → ${upload.variants} variants, ${upload.runs} runs)\n` +
      `${table([
        ['measure', 'value', 'target'],
        ['wall time, median', `${upload.ms.toFixed(0)} ms`, '≤ 1500 ms'],
        ['wall time, worst', `${upload.worstMs.toFixed(0)} ms`, ''],
        ['CPU time, median', `${upload.cpuMs.toFixed(0)} ms`, ''],
        ['RSS growth', `${upload.rssGrowthMb.toFixed(0)} MB`, '≤ 300 MB'],
      ])}`
  );
}
