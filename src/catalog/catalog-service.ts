import type { Knex } from 'knex';
import { NotFoundError } from '../shared/errors';
import { MAX_PAGE, type ListingParams } from '../shared/query-params';
import { formatFen, yuanToFen } from '../shared/money';
import { toDate } from '../shared/time';
import { readContentVersion, VersionedCache } from '../shared/content-version';
import { productRepository, type CategoryRow, type ProductRow } from './product-repository';
import { toCard, toImageView, type ImageView, type ProductCard } from './view-models';
import type { FitsScope } from '../fitment';

export const DEFAULT_PER_PAGE = 24;

export interface CategoryNode {
  id: number;
  slug: string;
  name: string;
  nameEn: string;
  description: string;
  productCount: number;
  children: CategoryNode[];
  parent: CategoryNode | null;
}

export interface Listing {
  items: ProductCard[];
  total: number;
  page: number;
  perPage: number;
  pageCount: number;
}

export interface ProductDetail {
  card: ProductCard;
  row: ProductRow;
  description: string;
  images: ImageView[];
  variants: { id: number; label: string; sku: string; price: string; priceYuan: number; stock: number }[];
  specs: { name: string; value: string }[];
  tags: { slug: string; name: string }[];
  category: CategoryNode | null;
  trail: CategoryNode[];
  related: ProductCard[];
  updatedAt: Date | null;
}

export function createCatalogService(db: Knex) {
  const repo = productRepository(db);

  async function cards(rows: ProductRow[]): Promise<ProductCard[]> {
    const covers = await repo.coverImages(rows.map((r) => r.id));
    return rows.map((r) => toCard(r, covers.get(r.id)));
  }

  type Tree = { roots: CategoryNode[]; bySlug: Map<string, CategoryNode>; byId: Map<number, CategoryNode> };
  // Category counts and listing totals scan many rows; they only change when the catalogue does.
  const treeCache = new VersionedCache<Tree>(1);
  const countCache = new VersionedCache<number>(2000);
  const version = () => readContentVersion(db, 'catalog');

  async function categoryTree(): Promise<Tree> {
    return treeCache.get(await version(), 'tree', buildCategoryTree);
  }

  async function buildCategoryTree(): Promise<Tree> {
    const [rows, counts] = await Promise.all([repo.categories(), repo.publishedCountsByCategory()]);
    const byId = new Map<number, CategoryNode>();
    const toNode = (r: CategoryRow): CategoryNode => ({
      id: r.id, slug: r.slug, name: r.name, nameEn: r.name_en, description: r.description,
      productCount: counts.get(r.id) ?? 0, children: [], parent: null,
    });
    for (const r of rows) byId.set(r.id, toNode(r));
    const roots: CategoryNode[] = [];
    for (const r of rows) {
      const node = byId.get(r.id)!;
      const parent = r.parent_id !== null ? byId.get(r.parent_id) : undefined;
      if (parent) {
        node.parent = parent;
        parent.children.push(node);
      } else roots.push(node);
    }
    const total = (n: CategoryNode): number => (n.productCount += n.children.reduce((s, c) => s + total(c), 0), n.productCount);
    roots.forEach(total);
    return { roots, bySlug: new Map([...byId.values()].map((n) => [n.slug, n])), byId };
  }

  function descendantIds(node: CategoryNode): number[] {
    return [node.id, ...node.children.flatMap(descendantIds)];
  }

  function trailOf(node: CategoryNode | null): CategoryNode[] {
    const trail: CategoryNode[] = [];
    for (let n = node; n; n = n.parent) trail.unshift(n);
    return trail;
  }

  async function list(params: ListingParams, scope: { categoryIds?: number[]; productIds?: number[]; fits?: FitsScope } = {}): Promise<Listing> {
    const perPage = params.per_page ?? DEFAULT_PER_PAGE;
    const filter = {
      categoryIds: scope.categoryIds,
      productIds: scope.productIds,
      idsIn: scope.fits?.ids,
      q: params.q || undefined,
      priceMinFen: params.price_min !== undefined ? yuanToFen(params.price_min) : undefined,
      priceMaxFen: params.price_max !== undefined ? yuanToFen(params.price_max) : undefined,
      sort: params.sort ?? 'newest',
      limit: perPage,
      offset: (params.page - 1) * perPage,
    } as const;
    const countKey = JSON.stringify([filter.categoryIds, filter.productIds, scope.fits?.key, filter.q, filter.priceMinFen, filter.priceMaxFen]);
    const [rows, total] = await Promise.all([repo.page(filter), countCache.get(await version(), countKey, () => repo.count(filter))]);
    return { items: await cards(rows), total, page: params.page, perPage, pageCount: Math.min(MAX_PAGE, Math.max(1, Math.ceil(total / perPage))) };
  }

  return {
    categoryTree,
    trailOf,
    cards,

    async home() {
      const [tree, featured, newest] = await Promise.all([
        categoryTree(),
        repo.page({ featured: true, sort: 'newest', limit: 8, offset: 0 }),
        repo.page({ sort: 'newest', limit: 12, offset: 0 }),
      ]);
      return { categories: tree.roots, featured: await cards(featured), newest: await cards(newest) };
    },

    /** `fits` narrows the listing to parts for the shopper's car (fits=1). */
    async listing(params: ListingParams, categorySlug?: string, opts: { fits?: FitsScope } = {}) {
      const tree = await categoryTree();
      const slug = categorySlug ?? params.category;
      let category: CategoryNode | null = null;
      if (slug) {
        category = tree.bySlug.get(slug) ?? null;
        if (!category) throw new NotFoundError('没有这个分类', 'unknown_category');
      }
      const listing = await list(params, { categoryIds: category ? descendantIds(category) : undefined, fits: opts.fits });
      return { ...listing, category, trail: trailOf(category), categories: tree.roots };
    },

    async product(slug: string): Promise<ProductDetail> {
      const row = await repo.bySlug(slug);
      if (!row) throw new NotFoundError('商品不存在或已下架', 'unknown_product');
      const [imageRows, variants, specs, tags, tree] = await Promise.all([
        repo.images(row.id), repo.variants(row.id), repo.specs(row.id), repo.tags(row.id), categoryTree(),
      ]);
      const category = row.category_id !== null ? tree.byId.get(row.category_id) ?? null : null;
      const relatedRows = category
        ? await repo.page({ categoryIds: [category.id], excludeIds: [row.id], sort: 'newest', limit: 6, offset: 0 })
        : [];
      return {
        card: toCard(row, imageRows[0]),
        row,
        description: row.description,
        images: imageRows.map((i) => toImageView(i, row.title)).filter((i): i is ImageView => i !== null),
        variants: variants.map((v) => ({ id: v.id, label: v.label, sku: v.sku, price: formatFen(v.price_fen), priceYuan: v.price_fen / 100, stock: v.stock })),
        specs,
        tags,
        category,
        trail: trailOf(category),
        related: await cards(relatedRows),
        updatedAt: toDate(row.updated_at),
      };
    },

    /** Parts for one vehicle, grouped by category in catalogue order (vehicle landing pages). */
    async vehicleParts(fits: FitsScope, limit = 120): Promise<{ category: { slug: string; name: string } | null; items: ProductCard[] }[]> {
      const [tree, rows] = await Promise.all([categoryTree(), repo.page({ idsIn: fits.ids, sort: 'newest', limit, offset: 0 })]);
      const order = [...tree.byId.keys()];
      const groups = new Map<number | null, ProductCard[]>();
      const items = await cards(rows);
      rows.forEach((r, i) => {
        const list = groups.get(r.category_id) ?? [];
        list.push(items[i]);
        groups.set(r.category_id, list);
      });
      const rank = (id: number | null) => (id === null ? Infinity : order.indexOf(id));
      return [...groups.entries()]
        .sort(([a], [b]) => rank(a) - rank(b))
        .map(([id, list]) => {
          const node = id === null ? undefined : tree.byId.get(id);
          return { category: node ? { slug: node.slug, name: node.name } : null, items: list };
        });
    },

    async sitemapEntries() {
      const [products, tree] = await Promise.all([repo.allPublishedSlugs(), categoryTree()]);
      return {
        products: products.map((p) => ({ path: `/p/${p.slug}`, lastmod: toDate(p.updated_at) })),
        categories: [...tree.bySlug.keys()].map((s) => ({ path: `/c/${s}`, lastmod: null as Date | null })),
      };
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
