import type { Knex } from 'knex';
import type { Config } from '../config/config';
import { productVehiclesFor } from '../fitment';
import { parseVariants, thumbnailUrl } from '../media';
import { articlesBecomingVisible, listPublishedArticleIds, loadArticleDocument } from '../news';
import { EmbeddedSearchEngine, type DocumentSource } from '../search/embedded';
import { MeilisearchEngine } from '../search/meilisearch';
import type { SearchDocument, SearchEngine } from '../search/search-engine';
import type { SearchIndexer } from '../search/search-indexer';
import { loadSynonyms } from '../search/synonyms';
import { loadStopWords } from '../search/stopwords';
import { bumpContentVersion } from '../shared/content-version';
import type { Logger } from '../shared/logger';

type Conn = Knex | Knex.Transaction;
const BATCH = 1000;

/** Each category's path, root first, Chinese names then English names: searched as words (lighting, 车灯照明). */
async function categoryPaths(conn: Conn): Promise<Map<string, string[]>> {
  const rows = await conn('categories').select<{ id: number; parent_id: number | null; slug: string; name: string; name_en: string }[]>('id', 'parent_id', 'slug', 'name', 'name_en');
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const chain: typeof rows = [];
    for (let c: (typeof rows)[number] | undefined = r; c && chain.length < 10; c = c.parent_id === null ? undefined : byId.get(Number(c.parent_id))) chain.unshift(c);
    out.set(r.slug, [...chain.map((c) => c.name), ...chain.map((c) => c.name_en).filter((n) => n && n.trim() !== '')]);
  }
  return out;
}

/** Builds search documents for published products; ids that are drafts or gone map to null. */
export async function loadProductDocuments(conn: Conn, ids: readonly number[]): Promise<Map<number, SearchDocument | null>> {
  const out = new Map<number, SearchDocument | null>(ids.map((id) => [id, null]));
  if (ids.length === 0) return out;
  const rows = await conn('products as p')
    .leftJoin('categories as c', 'c.id', 'p.category_id')
    .whereIn('p.id', ids as number[])
    .where('p.status', 'published')
    .select('p.id', 'p.slug', 'p.title', 'p.name_en', 'p.description', 'p.price_fen', 'p.created_at', 'p.fitment_kind', 'c.slug as category_slug', 'c.name as category_name');
  if (rows.length === 0) return out;
  const found = rows.map((r) => Number(r.id));
  // One after another: `conn` is usually the writer's transaction, a single connection, and the
  // pg driver deprecates overlapping queries on one client (SQLite serialises them anyway).
  const specs = await conn('product_specs').whereIn('product_id', found).orderBy(['product_id', 'position']).select('product_id', 'name', 'value');
  const tags = await conn('product_tags as pt').join('tags as t', 't.id', 'pt.tag_id').whereIn('pt.product_id', found).select('pt.product_id', 't.name');
  const images = await conn('product_images').whereIn('product_id', found).orderBy(['product_id', 'position', 'id']).select('product_id', 'variants');
  const vehicles = await productVehiclesFor(conn, found);
  const categories = await categoryPaths(conn);
  const group = <T extends { product_id: number | string }>(list: T[]) => {
    const m = new Map<number, T[]>();
    for (const item of list) {
      const id = Number(item.product_id);
      if (!m.has(id)) m.set(id, []);
      m.get(id)!.push(item);
    }
    return m;
  };
  const specsBy = group(specs), tagsBy = group(tags), imagesBy = group(images), vehiclesBy = group(vehicles);
  for (const r of rows) {
    const id = Number(r.id);
    const cover = imagesBy.get(id)?.[0];
    const image = cover ? thumbnailUrl(parseVariants(cover.variants)) : null;
    const created = r.created_at instanceof Date ? r.created_at.getTime() : typeof r.created_at === 'number' ? r.created_at : Date.parse(String(r.created_at).replace(' ', 'T') + 'Z');
    out.set(id, {
      type: 'product',
      id,
      title: r.title,
      subtitle: r.name_en ?? '',
      body: [r.description, ...(specsBy.get(id) ?? []).map((s) => `${s.name} ${s.value}`)].join('\n'),
      url: `/p/${r.slug}`,
      price: Number(r.price_fen) / 100,
      image,
      category: r.category_slug ?? null,
      categoryName: r.category_name ?? null,
      categoryPath: r.category_slug ? (categories.get(r.category_slug) ?? []) : [],
      tags: (tagsBy.get(id) ?? []).map((t) => t.name),
      vehicles: (vehiclesBy.get(id) ?? []).map((v) => ({ make: v.make_name, model: v.model_name ?? '', yearFrom: v.year_from, yearTo: v.year_to })),
      universal: r.fitment_kind === 'universal' || r.fitment_kind === 'spec',
      publishedAt: null,
      createdAt: Number.isFinite(created) ? created : 0,
    });
  }
  return out;
}

export interface ArticleDocuments {
  load(conn: Conn, ids: readonly number[]): Promise<Map<number, SearchDocument | null>>;
  listIds(conn: Conn, afterId: number, limit: number): Promise<number[]>;
  count(conn: Conn): Promise<number>;
}

/** Articles as search documents: only published ones whose time has come. */
export const newsArticleDocuments: ArticleDocuments = {
  async load(conn, ids) {
    const out = new Map<number, SearchDocument | null>();
    for (const id of ids) out.set(id, await loadArticleDocument(conn, id));
    return out;
  },
  async listIds(conn, afterId, limit) {
    return (await listPublishedArticleIds(conn)).filter((id) => id > afterId).sort((a, b) => a - b).slice(0, limit);
  },
  async count(conn) {
    return (await listPublishedArticleIds(conn)).length;
  },
};

/**
 * A scheduled article becomes visible without any write, so nothing would index it: every
 * minute, index the articles whose publish time passed since the last tick. Upserts are
 * idempotent, so several instances doing this, or a generous first window, do no harm.
 */
export function startScheduledArticleIndexer(db: Knex, indexer: SearchIndexer, logger: Logger, everyMs = 60_000): () => void {
  let since = new Date(Date.now() - 7 * 86_400_000);
  const tick = async () => {
    const until = new Date();
    try {
      const ids = await articlesBecomingVisible(db, since, until);
      if (ids.length) await db.transaction(async (trx) => { for (const id of ids) await indexer.articleChanged(trx, id); });
      since = until;
    } catch (err) {
      logger.warn({ err }, 'scheduled article indexing failed; will retry');
    }
  };
  void tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Every document, batch by batch: products, then articles. */
export function documentSource(articles?: ArticleDocuments): DocumentSource {
  return {
    async count(conn) {
      const row = await conn('products').where('status', 'published').count({ n: '*' }).first();
      return Number(row?.n ?? 0) + (articles ? await articles.count(conn) : 0);
    },
    async *batches(conn) {
      for (let after = 0; ; ) {
        const ids = (await conn('products').where('status', 'published').andWhere('id', '>', after).orderBy('id').limit(BATCH).pluck('id')).map(Number);
        if (ids.length === 0) break;
        after = ids[ids.length - 1];
        const docs = await loadProductDocuments(conn, ids);
        yield [...docs.values()].filter((d): d is SearchDocument => d !== null);
      }
      if (!articles) return;
      for (let after = 0; ; ) {
        const ids = await articles.listIds(conn, after, BATCH);
        if (ids.length === 0) break;
        after = ids[ids.length - 1];
        const docs = await articles.load(conn, ids);
        yield [...docs.values()].filter((d): d is SearchDocument => d !== null);
      }
    },
  };
}

/** The engine chosen by configuration; the config schema already refused unknown names. */
export function createSearchEngine(config: Config, db: Knex, logger: Logger, articles?: ArticleDocuments): SearchEngine {
  const source = documentSource(articles);
  if (config.search.engine === 'embedded') return new EmbeddedSearchEngine(db, source);
  return new MeilisearchEngine({
    db,
    host: config.search.meiliUrl!,
    apiKey: config.search.meiliApiKey,
    indexPrefix: config.search.indexPrefix,
    loadSynonyms: () => loadSynonyms(db),
    loadStopWords: () => loadStopWords(db),
    loadDocuments: () => source.batches(db),
    countDocuments: () => source.count(db),
    logger,
  });
}

/** Writers' side: rebuilds the changed document inside the writer's transaction. */
export function createSearchIndexer(engine: SearchEngine, articles?: ArticleDocuments): SearchIndexer {
  const apply = async (trx: Knex.Transaction, type: 'product' | 'article', id: number, doc: SearchDocument | null | undefined) => {
    if (doc) await engine.index(trx, [doc]);
    else await engine.remove(trx, [{ type, id }]);
    await bumpContentVersion(trx, type === 'product' ? 'catalog' : 'news');
  };
  return {
    async productChanged(trx, id) {
      await apply(trx, 'product', id, (await loadProductDocuments(trx, [id])).get(id));
    },
    async productsChanged(trx, ids) {
      if (ids.length === 0) return;
      const docs = await loadProductDocuments(trx, ids);
      const present = [...docs.values()].filter((d): d is SearchDocument => d !== null);
      const gone = [...docs].filter(([, d]) => d === null).map(([id]) => ({ type: 'product' as const, id }));
      if (present.length) await engine.index(trx, present);
      if (gone.length) await engine.remove(trx, gone);
      await bumpContentVersion(trx, 'catalog');
    },
    async productRemoved(trx, id) {
      await apply(trx, 'product', id, null);
    },
    async articleChanged(trx, id) {
      await apply(trx, 'article', id, articles ? (await articles.load(trx, [id])).get(id) : null);
    },
    async articleRemoved(trx, id) {
      await apply(trx, 'article', id, null);
    },
  };
}
