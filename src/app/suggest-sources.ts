import type { Knex } from 'knex';
import { vehicleCatalog } from '../fitment';
import { queriesWithResults } from '../search/query-stats';
import { buildVocabulary, type SuggestVocabulary, type VocabularyInput } from '../search/suggest/suggester';
import type { AppContext } from './context';

interface PairRow {
  make: string;
  model: string | null;
  category: string | null;
  n: number | string;
}

/**
 * Published products per make, model and category: the weights of the completions. Grouped by ids
 * over distinct (make, model, product) fitments, names joined after: grouping 100k fitment rows by
 * their names with a distinct count held the one SQLite connection for seconds.
 */
async function vehiclePairs(db: Knex): Promise<PairRow[]> {
  const fits = db('product_fitments').distinct('make_id', 'model_id', 'product_id').as('f');
  const groups = db
    .from(fits)
    .join('products as p', 'p.id', 'f.product_id')
    .where('p.status', 'published')
    .groupBy('f.make_id', 'f.model_id', 'p.category_id')
    .select('f.make_id', 'f.model_id', 'p.category_id')
    .count({ n: '*' })
    .as('g');
  return db
    .from(groups)
    .join('vehicle_makes as mk', 'mk.id', 'g.make_id')
    .leftJoin('vehicle_models as md', 'md.id', 'g.model_id')
    .leftJoin('categories as c', 'c.id', 'g.category_id')
    .select('mk.name as make', 'md.name as model', 'c.name as category', 'g.n');
}

type CatalogueVocabulary = Omit<VocabularyInput, 'queries'>;

export async function loadCatalogueVocabulary(ctx: Pick<AppContext, 'db' | 'catalog'>): Promise<CatalogueVocabulary> {
  const rows = await vehiclePairs(ctx.db);
  const tree = await ctx.catalog.categoryTree();
  const catalog = vehicleCatalog();
  const makeCounts = new Map<string, number>();
  const modelCounts = new Map<string, { make: string; name: string; n: number }>();
  const pairs = new Map<string, VocabularyInput['pairs'][number]>();
  for (const r of rows) {
    const n = Number(r.n);
    makeCounts.set(r.make, (makeCounts.get(r.make) ?? 0) + n);
    if (!r.model) continue;
    const key = `${r.make}\u0000${r.model}`;
    const m = modelCounts.get(key) ?? { make: r.make, name: r.model, n: 0 };
    m.n += n;
    modelCounts.set(key, m);
    if (!r.category) continue;
    const pairKey = `${key}\u0000${r.category}`;
    const pair = pairs.get(pairKey);
    if (pair) pair.products += n;
    else pairs.set(pairKey, { make: r.make, model: r.model, category: r.category, products: n });
  }
  return {
    makes: [...makeCounts].map(([name, products]) => {
      const make = catalog.makeByName(name);
      return { name, products, aliases: make ? [make.nameEn, make.slug, ...make.aliases] : [] };
    }),
    models: [...modelCounts.values()].map((m) => {
      const make = catalog.makeByName(m.make);
      const model = make ? catalog.findModel(make, m.name) : undefined;
      return { make: m.make, name: m.name, products: m.n, aliases: model ? [model.nameEn, ...model.aliases] : [] };
    }),
    categories: [...tree.bySlug.values()].map((c) => ({ slug: c.slug, name: c.name, nameEn: c.nameEn, products: c.productCount })),
    pairs: [...pairs.values()],
  };
}

/**
 * The suggest vocabulary, rebuilt in the background when the catalogue moves (at most once a
 * minute) and every five minutes for new popular queries; requests meanwhile use the last one.
 */
export function suggestVocabulary(ctx: Pick<AppContext, 'db' | 'catalog' | 'logger'>, versions: () => Promise<string>, opts: { minRebuildMs?: number; maxAgeMs?: number } = {}): () => Promise<SuggestVocabulary> {
  const minRebuildMs = opts.minRebuildMs ?? 60_000;
  const maxAgeMs = opts.maxAgeMs ?? 5 * 60_000;
  let current: Promise<SuggestVocabulary> | null = null;
  let first: Promise<SuggestVocabulary> | null = null;
  let builtVersion = '';
  let builtAt = 0;
  let building = false;
  // The catalogue part is only re-read when the catalogue moved; the age limit refreshes the queries.
  let catalogue: { version: string; input: Promise<CatalogueVocabulary> } | null = null;
  const build = (version: string) => {
    building = true;
    if (catalogue?.version !== version) catalogue = { version, input: loadCatalogueVocabulary(ctx) };
    const input = catalogue.input;
    const next = (async () => buildVocabulary({ ...(await input), queries: await queriesWithResults(ctx.db, { days: 30, minSearches: 2, limit: 2000 }) }))();
    next.then(
      () => {
        current = next;
        builtVersion = version;
        builtAt = Date.now();
        building = false;
      },
      (err: unknown) => {
        building = false;
        catalogue = null;
        ctx.logger.warn({ err }, 'suggest vocabulary not rebuilt; keeping the previous one');
      },
    );
    return next;
  };
  return async () => {
    const version = await versions();
    if (!current) {
      first ??= build(version).catch((err: unknown) => {
        first = null;
        throw err;
      });
      return first;
    }
    const age = Date.now() - builtAt;
    if (!building && ((version !== builtVersion && age >= minRebuildMs) || age >= maxAgeMs)) void build(version).catch(() => undefined);
    return current;
  };
}
