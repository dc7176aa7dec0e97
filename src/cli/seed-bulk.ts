import { SingleBar, Presets } from 'cli-progress';
import { loadConfig } from '../config/config';
import { bootstrap } from '../app/bootstrap';
import { rng, syntheticProduct } from './synthetic-catalog';
import { bumpContentVersion } from '../shared/content-version';

const BATCH = 500;
/** Redirected to a file or a CI log, the bars still report: one line every 10 s instead of redrawing. */
const LOGGED = { noTTYOutput: true, notTTYSchedule: 10_000 } as const;

function parseArgs(argv: string[]): { products: number } {
  const i = argv.indexOf('--products');
  const n = i >= 0 ? Number(argv[i + 1]) : 100_000;
  if (!Number.isInteger(n) || n < 1 || n > 5_000_000) {
    process.stderr.write('seed:bulk: --products must be an integer between 1 and 5000000\n');
    process.exit(2);
  }
  return { products: n };
}

/**
 * Appends N synthetic published products (bulk-<i> slugs continue after any existing ones),
 * then rebuilds the search index once, which is much faster than indexing row by row.
 */
async function main(): Promise<void> {
  const { products } = parseArgs(process.argv.slice(2));
  const runtime = await bootstrap(loadConfig(), { seed: true, startWorkers: false });
  const { db } = runtime;
  const categories = new Map<string, number>((await db('categories').select('slug', 'id')).map((r) => [r.slug, r.id]));
  // Fitment rows for the listings' vehicles, so vehicle-aware ranking has real data at scale.
  const modelIds = new Map<string, { make: number; model: number }>();
  for (const r of await db('vehicle_models as m').join('vehicle_makes as k', 'k.id', 'm.make_id').select<{ make: string; model: string; make_id: number; model_id: number }[]>('k.name as make', 'm.name as model', 'k.id as make_id', 'm.id as model_id')) {
    modelIds.set(`${r.make}|${r.model}`, { make: Number(r.make_id), model: Number(r.model_id) });
  }
  const start = Number((await db('products').where('slug', 'like', 'bulk-%').count({ n: '*' }))[0].n);
  const rand = rng(start + 42);
  const now = Date.now();
  const bar = new SingleBar({ format: 'seed:bulk [{bar}] {percentage}% {value}/{total} products | {eta}s left', ...LOGGED }, Presets.shades_classic);
  bar.start(products, 0);
  for (let done = 0; done < products; done += BATCH) {
    const n = Math.min(BATCH, products - done);
    await db.transaction(async (trx) => {
      const rows = [];
      const specs: { slug: string; name: string; value: string; position: number }[] = [];
      const fits: { slug: string; make_id: number; model_id: number; year_from: number; year_to: number }[] = [];
      for (let k = 0; k < n; k++) {
        const p = syntheticProduct(start + done + k, rand);
        const at = new Date(now - p.ageDays * 86_400_000 - k * 1000);
        const ids = p.vehicle ? modelIds.get(`${p.vehicle.make}|${p.vehicle.model}`) : undefined;
        if (p.vehicle && ids) fits.push({ slug: p.slug, make_id: ids.make, model_id: ids.model, year_from: p.vehicle.yearFrom, year_to: p.vehicle.yearTo });
        const fitmentKind = p.vehicle ? (ids ? 'vehicle' : 'unknown') : 'universal';
        rows.push({ slug: p.slug, title: p.title, name_en: p.nameEn, description: p.description, category_id: categories.get(p.category) ?? null, price_fen: p.priceFen, stock: p.stock, status: 'published', featured: false, fitment_kind: fitmentKind, created_at: at, updated_at: at });
        p.specs.forEach(([name, value], position) => specs.push({ slug: p.slug, name, value, position }));
      }
      await trx.batchInsert('products', rows, 100);
      const ids = new Map<string, number>((await trx('products').whereIn('slug', rows.map((r) => r.slug)).select('slug', 'id')).map((r) => [r.slug, r.id]));
      await trx.batchInsert('product_specs', specs.map((s) => ({ product_id: ids.get(s.slug), name: s.name, value: s.value, position: s.position })), 200);
      await trx.batchInsert('product_fitments', fits.map(({ slug, ...f }) => ({ product_id: ids.get(slug), ...f, source: 'title' })), 200);
      await bumpContentVersion(trx, 'catalog');
    });
    bar.update(done + n);
  }
  bar.stop();
  {
    const rebuild = new SingleBar({ format: 'reindex   [{bar}] {percentage}% {value}/{total} documents', ...LOGGED }, Presets.shades_classic);
    let started = false;
    await runtime.search.reindex((d, total) => {
      if (!started) rebuild.start(total, 0);
      started = true;
      rebuild.update(d);
    });
    if (started) rebuild.stop();
  }
  await runtime.close();
}

main().catch((err) => {
  process.stderr.write(`seed:bulk failed: ${(err as Error).stack}\n`);
  process.exit(1);
});
