import type { Knex } from 'knex';
import { BadRequestError } from '../shared/errors';
import type { FitmentKind, ParsedFitment } from './fitment-types';
import {
  deleteFitments,
  findMakeRow,
  findModelRow,
  insertFitments,
  listFitmentRows,
  listMakeRows,
  listModelRows,
  listProductVehicleRows,
  updateProductFitmentKind,
  upsertMakeRow,
  upsertModelRow,
  type NewFitment,
  type ProductFitmentRow,
  type ProductVehicleRow,
} from './fitment-repository';
import { fitmentStatus, type ActiveVehicle, type FitmentStatus } from './fitment-status';
import { parseTitle } from './title-parser';
import { vehicleCatalog } from './vehicle-catalog';

type Conn = Knex | Knex.Transaction;

/** Shopper-facing messages; tests assert the codes. */
const MESSAGES = {
  unknown_make: (make: string) => `未知品牌：${make}`,
  unknown_model: (make: string, model: string) => `${make}没有这个车型：${model}`,
  year_out_of_range: (model: string, from: number, to: number | null) => `年份不在${model}的生产年份内（${from}–${to ?? '至今'}）`,
  invalid_year: (year: string) => `年份格式不正确：${year}`,
  model_requires_make: () => '请先选择品牌',
  year_requires_model: () => '请先选择车型',
} as const;

export interface VehicleQuery {
  readonly make?: string | null;
  readonly model?: string | null;
  readonly year?: number | string | null;
}

/** Upserts every make and model from the reference data; safe to run on every start. */
export async function seedVehicles(db: Knex): Promise<{ makes: number; models: number }> {
  const catalog = vehicleCatalog();
  let models = 0;
  await db.transaction(async (trx) => {
    for (const make of catalog.makes) {
      const makeId = await upsertMakeRow(trx, { name: make.name, name_en: make.nameEn, pinyin: make.pinyin, slug: make.slug });
      for (const m of make.models) {
        await upsertModelRow(trx, {
          make_id: makeId,
          name: m.name,
          name_en: m.nameEn,
          pinyin: m.pinyin,
          slug: m.slug,
          manufacturer: m.manufacturer,
          year_from: m.yearFrom,
          year_to: m.yearTo,
        });
        models++;
      }
    }
  });
  return { makes: catalog.makes.length, models };
}

function parseYear(raw: number | string): number {
  const text = String(raw).trim();
  if (!/^\d{4}$/.test(text)) throw new BadRequestError(MESSAGES.invalid_year(text), 'invalid_year');
  return Number(text);
}

/**
 * Turns make/model/year as a shopper or a query string gives them (slug or Chinese name)
 * into a vehicle, or a 400 with code unknown_make | unknown_model | year_out_of_range |
 * invalid_year | model_requires_make | year_requires_model. Null when nothing was given.
 */
export async function resolveVehicle(db: Conn, query: VehicleQuery): Promise<ActiveVehicle | null> {
  const make = query.make?.trim() || null;
  const model = query.model?.trim() || null;
  const rawYear = query.year === null || query.year === undefined || String(query.year).trim() === '' ? null : query.year;
  if (!make) {
    if (model) throw new BadRequestError(MESSAGES.model_requires_make(), 'model_requires_make');
    if (rawYear !== null) throw new BadRequestError(MESSAGES.year_requires_model(), 'year_requires_model');
    return null;
  }
  const makeRow = await findMakeRow(db, make);
  if (!makeRow) throw new BadRequestError(MESSAGES.unknown_make(make), 'unknown_make');
  const base = { makeId: makeRow.id, makeName: makeRow.name, makeSlug: makeRow.slug };
  if (!model) {
    if (rawYear !== null) throw new BadRequestError(MESSAGES.year_requires_model(), 'year_requires_model');
    return { ...base, modelId: null, modelName: null, modelSlug: null, modelYearFrom: null, modelYearTo: null, year: null };
  }
  const modelRow = await findModelRow(db, makeRow.id, model);
  if (!modelRow) throw new BadRequestError(MESSAGES.unknown_model(makeRow.name, model), 'unknown_model');
  const year = rawYear === null ? null : parseYear(rawYear);
  if (year !== null && (year < modelRow.year_from || (modelRow.year_to !== null && year > modelRow.year_to))) {
    throw new BadRequestError(MESSAGES.year_out_of_range(modelRow.name, modelRow.year_from, modelRow.year_to), 'year_out_of_range', {
      yearFrom: modelRow.year_from,
      yearTo: modelRow.year_to,
    });
  }
  return {
    ...base,
    modelId: modelRow.id,
    modelName: modelRow.name,
    modelSlug: modelRow.slug,
    modelYearFrom: modelRow.year_from,
    modelYearTo: modelRow.year_to,
    year,
  };
}

export interface ApplyResult {
  readonly kind: FitmentKind;
  readonly inserted: number;
  /** Vehicles the parser found that the vehicle tables do not hold (not seeded?). */
  readonly unresolved: readonly string[];
}

/**
 * Replaces the product's title-derived fitment rows with `parsed` and sets fitment_kind.
 * Rows an editor added by hand (source 'manual') are kept and keep the kind 'vehicle'.
 * Run it inside the transaction that writes the product so the two never disagree.
 */
export async function applyParsedFitment(trx: Conn, productId: number, parsed: ParsedFitment): Promise<ApplyResult> {
  await deleteFitments(trx, productId, 'title');
  const rows: NewFitment[] = [];
  const unresolved: string[] = [];
  const position = parsed.position;
  const makeIds = new Map<string, number | null>();
  const makeId = async (name: string): Promise<number | null> => {
    if (!makeIds.has(name)) makeIds.set(name, (await findMakeRow(trx, name))?.id ?? null);
    return makeIds.get(name) ?? null;
  };
  for (const name of parsed.makeWide) {
    const id = await makeId(name);
    if (id === null) unresolved.push(name);
    else rows.push({ product_id: productId, make_id: id, model_id: null, year_from: null, year_to: null, position, note: '', source: 'title' });
  }
  for (const v of parsed.vehicles) {
    const id = await makeId(v.make);
    const model = id === null ? undefined : await findModelRow(trx, id, v.model);
    if (id === null || !model) {
      unresolved.push(`${v.make} ${v.model}`);
      continue;
    }
    const note = v.generation ? `第${v.generation}代` : '';
    rows.push({ product_id: productId, make_id: id, model_id: model.id, year_from: v.yearFrom, year_to: v.yearTo, position, note, source: 'title' });
  }
  await insertFitments(trx, rows);
  const manual = (await listFitmentRows(trx, [productId])).some((r) => r.source === 'manual');
  const kind: FitmentKind = rows.length > 0 || manual ? 'vehicle' : parsed.kind === 'vehicle' ? 'unknown' : parsed.kind;
  const spec = parsed.specs.voltages.length > 0 ? JSON.stringify({ voltage: parsed.specs.voltages }) : null;
  await updateProductFitmentKind(trx, productId, kind, spec);
  return { kind, inserted: rows.length, unresolved };
}

/** Parses a title and stores the result in one transaction; for admin saves and bulk imports. */
export async function applyTitleFitment(db: Knex, productId: number, title: string): Promise<ApplyResult> {
  return db.transaction((trx) => applyParsedFitment(trx, productId, parseTitle(title)));
}

/** Fitment rows grouped by product, for listings that show a badge per product. */
export async function loadFitments(db: Conn, productIds: readonly number[]): Promise<Map<number, ProductFitmentRow[]>> {
  const byProduct = new Map<number, ProductFitmentRow[]>(productIds.map((id) => [id, []]));
  for (const row of await listFitmentRows(db, productIds)) byProduct.get(row.product_id)?.push(row);
  return byProduct;
}

/** Status of each product for the shopper's car; products missing from `kinds` count as unknown. */
export async function statusesFor(db: Conn, kinds: ReadonlyMap<number, FitmentKind>, vehicle: ActiveVehicle | null): Promise<Map<number, FitmentStatus>> {
  const ids = [...kinds.keys()];
  const rows = await loadFitments(db, ids);
  return new Map(ids.map((id) => [id, fitmentStatus(rows.get(id) ?? [], kinds.get(id) ?? 'unknown', vehicle)]));
}

/** The "适用车型" list of one product page. */
export async function productVehicles(db: Conn, productId: number): Promise<ProductVehicleRow[]> {
  return listProductVehicleRows(db, [productId]);
}

/** Fitment rows with names for many products at once (search documents, reindex). */
export async function productVehiclesFor(db: Conn, productIds: readonly number[]): Promise<ProductVehicleRow[]> {
  return productIds.length ? listProductVehicleRows(db, productIds) : [];
}

/** Make and model names per product, for search documents and the make facet. */
export async function vehicleNamesFor(db: Conn, productIds: readonly number[]): Promise<Map<number, { makes: string[]; models: string[] }>> {
  const out = new Map<number, { makes: string[]; models: string[] }>(productIds.map((id) => [id, { makes: [], models: [] }]));
  for (const r of await listProductVehicleRows(db, productIds)) {
    const entry = out.get(r.product_id);
    if (!entry) continue;
    if (!entry.makes.includes(r.make_name)) entry.makes.push(r.make_name);
    if (r.model_name && !entry.models.includes(r.model_name)) entry.models.push(r.model_name);
  }
  return out;
}

/**
 * Subquery of product ids that fit the vehicle (for `whereIn('products.id', …)`).
 * Make-only vehicles match every row of the make; rows without years match any year.
 * With includeUniversal, products whose fitment_kind is 'universal' are added.
 */
export function fittingProductIds(db: Knex, vehicle: ActiveVehicle, options: { includeUniversal?: boolean } = {}): Knex.QueryBuilder {
  const q = db('product_fitments').select('product_id').where('make_id', vehicle.makeId);
  if (vehicle.modelId !== null) q.andWhere((w) => w.whereNull('model_id').orWhere('model_id', vehicle.modelId as number));
  if (vehicle.year !== null) {
    const year = vehicle.year;
    q.andWhere((w) => w.whereNull('year_from').orWhere('year_from', '<=', year));
    q.andWhere((w) => w.whereNull('year_to').orWhere('year_to', '>=', year));
  }
  if (options.includeUniversal) q.union((u) => u.select('id as product_id').from('products').where('fitment_kind', 'universal'));
  return q;
}

// Vehicle picker -----------------------------------------------------------------------

export interface MakeOption {
  readonly name: string;
  readonly nameEn: string;
  readonly slug: string;
  readonly pinyin: string;
}

export interface ModelOption {
  readonly name: string;
  readonly nameEn: string;
  readonly slug: string;
  readonly manufacturer: string | null;
  readonly yearFrom: number;
  readonly yearTo: number | null;
}

export async function listMakes(db: Conn): Promise<MakeOption[]> {
  return (await listMakeRows(db)).map((r) => ({ name: r.name, nameEn: r.name_en, slug: r.slug, pinyin: r.pinyin }));
}

export async function listModels(db: Conn, make: string): Promise<ModelOption[]> {
  const makeRow = await findMakeRow(db, make);
  if (!makeRow) throw new BadRequestError(MESSAGES.unknown_make(make), 'unknown_make');
  return (await listModelRows(db, makeRow.id)).map((r) => ({
    name: r.name,
    nameEn: r.name_en,
    slug: r.slug,
    manufacturer: r.manufacturer,
    yearFrom: r.year_from,
    yearTo: r.year_to,
  }));
}

/** Model years for the picker, newest first; a model still on sale runs to `currentYear`. */
export async function modelYears(db: Conn, make: string, model: string, currentYear: number): Promise<number[]> {
  const vehicle = await resolveVehicle(db, { make, model });
  if (!vehicle || vehicle.modelYearFrom === null) return [];
  const last = Math.max(vehicle.modelYearFrom, vehicle.modelYearTo ?? currentYear);
  const years: number[] = [];
  for (let y = last; y >= vehicle.modelYearFrom; y--) years.push(y);
  return years;
}
