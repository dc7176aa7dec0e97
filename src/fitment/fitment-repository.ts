import type { Knex } from 'knex';
import { insertReturningId } from '../db/knex';
import type { FitmentKind } from './fitment-types';

type Conn = Knex | Knex.Transaction;

export interface VehicleMakeRow {
  id: number;
  name: string;
  name_en: string;
  pinyin: string;
  slug: string;
}

export interface VehicleModelRow {
  id: number;
  make_id: number;
  name: string;
  name_en: string;
  pinyin: string;
  slug: string;
  manufacturer: string | null;
  year_from: number;
  year_to: number | null;
}

export interface ProductFitmentRow {
  id: number;
  product_id: number;
  make_id: number;
  /** Null: every model of the make. */
  model_id: number | null;
  year_from: number | null;
  year_to: number | null;
  position: string | null;
  note: string;
  source: 'title' | 'manual';
}

/** A fitment row with the names a page or a search document shows. */
export interface ProductVehicleRow extends ProductFitmentRow {
  make_name: string;
  make_slug: string;
  model_name: string | null;
  model_slug: string | null;
}

export type NewMake = Omit<VehicleMakeRow, 'id'>;
export type NewModel = Omit<VehicleModelRow, 'id'>;
export type NewFitment = Omit<ProductFitmentRow, 'id'>;

const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function toFitment(r: Record<string, unknown>): ProductFitmentRow {
  return {
    id: num(r.id),
    product_id: num(r.product_id),
    make_id: num(r.make_id),
    model_id: numOrNull(r.model_id),
    year_from: numOrNull(r.year_from),
    year_to: numOrNull(r.year_to),
    position: (r.position as string | null) ?? null,
    note: String(r.note ?? ''),
    source: r.source === 'manual' ? 'manual' : 'title',
  };
}

function toModel(r: Record<string, unknown>): VehicleModelRow {
  return {
    id: num(r.id),
    make_id: num(r.make_id),
    name: String(r.name),
    name_en: String(r.name_en),
    pinyin: String(r.pinyin),
    slug: String(r.slug),
    manufacturer: (r.manufacturer as string | null) ?? null,
    year_from: num(r.year_from),
    year_to: numOrNull(r.year_to),
  };
}

export async function listMakeRows(db: Conn): Promise<VehicleMakeRow[]> {
  const rows: Record<string, unknown>[] = await db('vehicle_makes').select('*').orderBy('pinyin').orderBy('id');
  return rows.map((r) => ({ id: num(r.id), name: String(r.name), name_en: String(r.name_en), pinyin: String(r.pinyin), slug: String(r.slug) }));
}

/** A make by slug or by Chinese name, the two forms a URL may carry. */
export async function findMakeRow(db: Conn, key: string): Promise<VehicleMakeRow | undefined> {
  const rows = await listMakeRows(db);
  const lower = key.toLowerCase();
  return rows.find((r) => r.slug === lower || r.name === key || r.name_en.toLowerCase() === lower);
}

export async function listModelRows(db: Conn, makeId: number): Promise<VehicleModelRow[]> {
  const rows: Record<string, unknown>[] = await db('vehicle_models').where({ make_id: makeId }).orderBy('name').orderBy('id');
  return rows.map(toModel);
}

export async function findModelRow(db: Conn, makeId: number, key: string): Promise<VehicleModelRow | undefined> {
  const row: Record<string, unknown> | undefined = await db('vehicle_models')
    .where({ make_id: makeId })
    .andWhere((q) => q.where('slug', key.toLowerCase()).orWhere('name', key))
    .first();
  return row ? toModel(row) : undefined;
}

export async function upsertMakeRow(db: Conn, row: NewMake): Promise<number> {
  const existing = await db('vehicle_makes').where({ slug: row.slug }).first('id');
  if (existing) {
    await db('vehicle_makes').where({ id: existing.id }).update(row);
    return num(existing.id);
  }
  return insertReturningId(db, 'vehicle_makes', row);
}

export async function upsertModelRow(db: Conn, row: NewModel): Promise<number> {
  const existing = await db('vehicle_models').where({ make_id: row.make_id, slug: row.slug }).first('id');
  if (existing) {
    await db('vehicle_models').where({ id: existing.id }).update(row);
    return num(existing.id);
  }
  return insertReturningId(db, 'vehicle_models', row);
}

export async function deleteFitments(db: Conn, productId: number, source: 'title' | 'manual'): Promise<void> {
  await db('product_fitments').where({ product_id: productId, source }).delete();
}

export async function insertFitments(db: Conn, rows: readonly NewFitment[]): Promise<void> {
  if (rows.length > 0) await db('product_fitments').insert(rows as NewFitment[]);
}

export async function listFitmentRows(db: Conn, productIds: readonly number[]): Promise<ProductFitmentRow[]> {
  if (productIds.length === 0) return [];
  const rows: Record<string, unknown>[] = await db('product_fitments').whereIn('product_id', productIds as number[]).orderBy('id');
  return rows.map(toFitment);
}

export async function listProductVehicleRows(db: Conn, productIds: readonly number[]): Promise<ProductVehicleRow[]> {
  if (productIds.length === 0) return [];
  const rows: Record<string, unknown>[] = await db('product_fitments as f')
    .join('vehicle_makes as mk', 'mk.id', 'f.make_id')
    .leftJoin('vehicle_models as md', 'md.id', 'f.model_id')
    .whereIn('f.product_id', productIds as number[])
    .select('f.*', 'mk.name as make_name', 'mk.slug as make_slug', 'md.name as model_name', 'md.slug as model_slug')
    .orderBy('f.id');
  return rows.map((r) => ({
    ...toFitment(r),
    make_name: String(r.make_name),
    make_slug: String(r.make_slug),
    model_name: (r.model_name as string | null) ?? null,
    model_slug: (r.model_slug as string | null) ?? null,
  }));
}

export async function updateProductFitmentKind(db: Conn, productId: number, kind: FitmentKind, spec: string | null): Promise<void> {
  await db('products').where({ id: productId }).update({ fitment_kind: kind, fitment_spec: spec });
}
