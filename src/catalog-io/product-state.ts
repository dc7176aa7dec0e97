import type { Knex } from 'knex';
import { productVehiclesFor } from '../fitment';
import { sanitiseOriginalName } from '../media';
import type { Column } from './columns';
import { CATEGORY_SEPARATORS, FIELD_SEPARATORS, IMAGE_SEPARATORS, LIST_SEPARATORS, escapeParts, fenToYuanText } from './field-syntax';
import { formatFitment, storedFitment, type FitmentStatement } from './fitment-column';
import type { ParsedRow, SheetProductFields } from './row-parser';

type Conn = Knex | Knex.Transaction;

/** A product as the spreadsheet sees it: what an export writes and what an import compares with. */
export interface StoredProduct extends SheetProductFields {
  readonly id: number;
  /** The merchant code, or QP<id> for a product that has none (see skuOf). */
  readonly sku: string;
  readonly variants: readonly { label: string; priceFen: number; stock: number; sku: string }[];
  /** Null while the fitment is the title parser's, unconfirmed: exported as an empty cell. */
  readonly fitment: FitmentStatement | null;
  readonly images: readonly string[];
}

/**
 * Products created in the admin have no merchant code. They are exported as QP<id> (at least five
 * digits, like the variant codes the writer generates), and an import of that code, when no product
 * carries it, means that product: so export → import round-trips every product.
 */
export function skuOf(id: number, sku: string | null): string {
  return sku ?? `QP${String(id).padStart(5, '0')}`;
}

export function fallbackId(sku: string): number | null {
  const m = /^QP(\d{5,9})$/.exec(sku);
  return m ? Number(m[1]) : null;
}

const generatedVariantSku = (id: number, position: number) => `QP${String(id).padStart(5, '0')}-${position + 1}`;

async function categoryPaths(db: Conn): Promise<Map<number, string[]>> {
  const rows: { id: number; parent_id: number | null; name: string }[] = await db('categories').select('id', 'parent_id', 'name');
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  const out = new Map<number, string[]>();
  for (const r of rows) {
    const names: string[] = [];
    for (let c: typeof r | undefined = r, guard = 0; c && guard < 10; c = c.parent_id === null ? undefined : byId.get(Number(c.parent_id)), guard++) names.unshift(c.name);
    out.set(Number(r.id), names);
  }
  return out;
}

function group<T extends { product_id: number | string }>(rows: T[]): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const r of rows) {
    const id = Number(r.product_id);
    const list = m.get(id) ?? [];
    list.push(r);
    m.set(id, list);
  }
  return m;
}

/** Loads whole products by id, in one query per table. */
export async function loadProducts(db: Conn, ids: readonly number[]): Promise<StoredProduct[]> {
  if (ids.length === 0) return [];
  const list = [...ids];
  const rows: Record<string, unknown>[] = await db('products').whereIn('id', list).orderBy('id');
  const paths = await categoryPaths(db);
  const variants = group(await db('product_variants').whereIn('product_id', list).orderBy(['product_id', 'position', 'id']).select('product_id', 'label', 'sku', 'price_fen', 'stock'));
  const specs = group(await db('product_specs').whereIn('product_id', list).orderBy(['product_id', 'position', 'id']).select('product_id', 'name', 'value'));
  const tags = group(await db('product_tags as pt').join('tags as t', 't.id', 'pt.tag_id').whereIn('pt.product_id', list).select('pt.product_id', 't.name'));
  const images = group(await db('product_images').whereIn('product_id', list).orderBy(['product_id', 'position', 'id']).select('product_id', 'original_name'));
  const vehicles = group(await productVehiclesFor(db, list));
  return rows.map((r) => {
    const id = Number(r.id);
    const confirmed = r.fitment_confirmed === true || Number(r.fitment_confirmed) === 1;
    return {
      id,
      sku: skuOf(id, (r.sku as string | null) ?? null),
      title: String(r.title),
      titleEn: String(r.name_en ?? ''),
      categoryPath: r.category_id === null ? [] : (paths.get(Number(r.category_id)) ?? []),
      priceFen: Number(r.price_fen),
      compareAtFen: r.compare_at_fen === null ? null : Number(r.compare_at_fen),
      stock: Number(r.stock),
      status: r.status === 'published' ? 'published' : 'draft',
      tags: (tags.get(id) ?? []).map((t) => String(t.name)).sort(),
      specs: (specs.get(id) ?? []).map((s) => ({ name: String(s.name), value: String(s.value) })),
      variants: (variants.get(id) ?? []).map((v) => ({ label: String(v.label), priceFen: Number(v.price_fen), stock: Number(v.stock), sku: String(v.sku) })),
      description: String(r.description ?? ''),
      fitment: confirmed ? storedFitment(String(r.fitment_kind), (r.fitment_spec as string | null) ?? null, vehicles.get(id) ?? []) : null,
      images: (images.get(id) ?? []).map((i) => String(i.original_name)),
    };
  });
}

/** The products the given SKUs name (by merchant code, or QP<id> for a product without one). */
export async function loadProductsBySku(db: Conn, skus: readonly string[]): Promise<Map<string, StoredProduct>> {
  if (skus.length === 0) return new Map();
  const bySku: { id: number }[] = await db('products').whereIn('sku', [...skus]).select('id');
  const fallback = skus.map(fallbackId).filter((id): id is number => id !== null);
  const byId: { id: number }[] = fallback.length ? await db('products').whereIn('id', fallback).whereNull('sku').select('id') : [];
  const products = await loadProducts(db, [...new Set([...bySku, ...byId].map((r) => Number(r.id)))]);
  return new Map(products.map((p) => [p.sku, p]));
}

const imageName = (name: string) => {
  try {
    return sanitiseOriginalName(name);
  } catch {
    return name;
  }
};

export function sameImages(stored: StoredProduct, names: readonly string[]): boolean {
  return stored.images.length === names.length && names.every((n, i) => imageName(n) === stored.images[i]);
}

/** True when writing `row` would change nothing the spreadsheet describes. */
export function unchanged(stored: StoredProduct, row: ParsedRow): boolean {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return (
    stored.title === row.title &&
    stored.titleEn === row.titleEn &&
    same(stored.categoryPath, row.categoryPath) &&
    stored.priceFen === row.priceFen &&
    stored.compareAtFen === row.compareAtFen &&
    stored.stock === row.stock &&
    stored.status === row.status &&
    same(stored.tags, [...row.tags].sort()) &&
    same(stored.specs, row.specs) &&
    same(stored.variants, row.variants.map((v, i) => ({ label: v.label, priceFen: v.priceFen, stock: v.stock, sku: v.sku ?? generatedVariantSku(stored.id, i) }))) &&
    stored.description === row.description &&
    (stored.fitment === null ? row.fitment === null : row.fitment !== null && formatFitment(stored.fitment) === formatFitment(row.fitment)) &&
    (row.images === null || sameImages(stored, row.images))
  );
}

/** The spreadsheet cells of a stored product, in the syntax the import reads. */
export function toCells(p: StoredProduct, language: 'zh' | 'en'): Record<Column, string> {
  return {
    sku: p.sku,
    title: p.title,
    title_en: p.titleEn,
    category: escapeParts(p.categoryPath, CATEGORY_SEPARATORS).join('/'),
    price: fenToYuanText(p.priceFen),
    compare_at_price: p.compareAtFen === null ? '' : fenToYuanText(p.compareAtFen),
    stock: String(p.stock),
    status: language === 'zh' ? (p.status === 'published' ? '上架' : '草稿') : p.status,
    tags: p.tags.join(','),
    specs: p.specs.map((s) => escapeParts([s.name, s.value], FIELD_SEPARATORS + LIST_SEPARATORS).join(':')).join(';'),
    variants: p.variants.map((v) => escapeParts([v.label, fenToYuanText(v.priceFen), String(v.stock), v.sku], FIELD_SEPARATORS + LIST_SEPARATORS).join(':')).join(';'),
    description: p.description,
    fitment: p.fitment === null ? '' : formatFitment(p.fitment),
    images: escapeParts(p.images, IMAGE_SEPARATORS).join('|'),
  };
}
