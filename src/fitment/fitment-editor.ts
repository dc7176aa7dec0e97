import type { Knex } from 'knex';
import type { FitmentKind } from './fitment-types';
import { applyParsedFitment } from './fitment-service';
import { findMakeRow, findModelRow, insertFitments, listMakeRows, listProductVehicleRows, updateProductFitmentKind } from './fitment-repository';
import type { Position } from './position-parser';
import { parseTitle } from './title-parser';

type Conn = Knex | Knex.Transaction;

/** One vehicle row as the admin form edits it; modelId null = every model of the make. */
export interface FitmentDraftRow {
  readonly makeId: number;
  readonly modelId: number | null;
  readonly yearFrom: number | null;
  readonly yearTo: number | null;
  readonly position: Position | null;
}

/** A product's whole fitment as the admin sees and confirms it. */
export interface FitmentDraft {
  readonly kind: FitmentKind;
  /** Voltages for kind 'spec' (12V/24V); kept for other kinds when the title names them. */
  readonly voltages: readonly number[];
  readonly rows: readonly FitmentDraftRow[];
}

/** What the product form shows: the draft plus whether an admin has confirmed it. */
export interface StoredFitment extends FitmentDraft {
  readonly confirmed: boolean;
}

export interface SuggestedFitment extends FitmentDraft {
  /** Vehicles the title names that the vehicle tables do not hold. */
  readonly unresolved: readonly string[];
}

export interface VehicleChoiceModel {
  readonly id: number;
  readonly name: string;
  readonly yearFrom: number;
  readonly yearTo: number | null;
}

export interface VehicleChoiceMake {
  readonly id: number;
  readonly name: string;
  readonly models: readonly VehicleChoiceModel[];
}

/** Every make with its models (ids), for the admin's make → model pickers. */
export async function vehicleChoices(db: Conn): Promise<VehicleChoiceMake[]> {
  const makes = await listMakeRows(db);
  const models: { id: number; make_id: number; name: string; year_from: number; year_to: number | null }[] = await db('vehicle_models')
    .select('id', 'make_id', 'name', 'year_from', 'year_to')
    .orderBy('name')
    .orderBy('id');
  const byMake = new Map<number, VehicleChoiceModel[]>();
  for (const m of models) {
    const list = byMake.get(Number(m.make_id)) ?? [];
    list.push({ id: Number(m.id), name: m.name, yearFrom: Number(m.year_from), yearTo: m.year_to === null ? null : Number(m.year_to) });
    byMake.set(Number(m.make_id), list);
  }
  return makes.map((mk) => ({ id: mk.id, name: mk.name, models: byMake.get(mk.id) ?? [] }));
}

/** The parser's reading of a title, resolved to vehicle-table ids, for the admin to confirm. */
export async function suggestFitment(db: Conn, title: string): Promise<SuggestedFitment> {
  const parsed = parseTitle(title);
  const rows: FitmentDraftRow[] = [];
  const unresolved: string[] = [];
  for (const name of parsed.makeWide) {
    const make = await findMakeRow(db, name);
    if (make) rows.push({ makeId: make.id, modelId: null, yearFrom: null, yearTo: null, position: parsed.position });
    else unresolved.push(name);
  }
  for (const v of parsed.vehicles) {
    const make = await findMakeRow(db, v.make);
    const model = make ? await findModelRow(db, make.id, v.model) : undefined;
    if (!make || !model) {
      unresolved.push(`${v.make} ${v.model}`);
      continue;
    }
    rows.push({ makeId: make.id, modelId: model.id, yearFrom: v.yearFrom, yearTo: v.yearTo, position: parsed.position });
  }
  const kind: FitmentKind = rows.length > 0 ? 'vehicle' : parsed.kind === 'vehicle' ? 'unknown' : parsed.kind;
  return { kind, voltages: parsed.specs.voltages, rows, unresolved };
}

/** The product's stored fitment, every row whatever its source. */
export async function loadStoredFitment(db: Conn, productId: number): Promise<StoredFitment> {
  const product: { fitment_kind: string; fitment_spec: string | null; fitment_confirmed: unknown } | undefined = await db('products')
    .where({ id: productId })
    .first('fitment_kind', 'fitment_spec', 'fitment_confirmed');
  const rows = await listProductVehicleRows(db, [productId]);
  const kind = (['vehicle', 'universal', 'spec', 'unknown'] as const).find((k) => k === product?.fitment_kind) ?? 'unknown';
  return {
    kind,
    voltages: voltagesOf(product?.fitment_spec ?? null),
    confirmed: product ? product.fitment_confirmed === true || Number(product.fitment_confirmed) === 1 : true,
    rows: rows.map((r) => ({
      makeId: r.make_id, modelId: r.model_id, yearFrom: r.year_from, yearTo: r.year_to,
      position: (['前', '后', '左', '右'] as const).find((p) => p === r.position) ?? null,
    })),
  };
}

function voltagesOf(spec: string | null): number[] {
  if (!spec) return [];
  try {
    const v = (JSON.parse(spec) as { voltage?: unknown }).voltage;
    return Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : [];
  } catch {
    return [];
  }
}

/**
 * Replaces all of a product's fitment with what an admin confirmed: every row becomes 'manual'
 * (so a later title re-parse never removes it) and the product counts as confirmed. Runs in
 * the caller's transaction, which also re-indexes the product.
 */
export async function saveConfirmedFitment(trx: Conn, productId: number, draft: FitmentDraft): Promise<void> {
  await trx('product_fitments').where({ product_id: productId }).delete();
  const kind: FitmentKind = draft.kind === 'vehicle' && draft.rows.length === 0 ? 'unknown' : draft.kind;
  if (kind === 'vehicle') {
    await insertFitments(trx, draft.rows.map((r) => ({
      product_id: productId, make_id: r.makeId, model_id: r.modelId, year_from: r.yearFrom, year_to: r.yearTo,
      position: r.position, note: '', source: 'manual' as const,
    })));
  }
  await updateProductFitmentKind(trx, productId, kind, draft.voltages.length ? JSON.stringify({ voltage: [...draft.voltages] }) : null);
  await trx('products').where({ id: productId }).update({ fitment_confirmed: true });
}

/**
 * Fitment read from the title alone, marked unconfirmed so the admin list can ask for a review.
 * Every earlier row goes: the title is now the only claim.
 */
export async function applyUnconfirmedTitleFitment(trx: Conn, productId: number, title: string): Promise<void> {
  await trx('product_fitments').where({ product_id: productId }).delete();
  await applyParsedFitment(trx, productId, parseTitle(title));
  await trx('products').where({ id: productId }).update({ fitment_confirmed: false });
}
