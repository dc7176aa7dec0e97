import type { Knex } from 'knex';
import type { FitmentKind } from './fitment-types';
import { insertFitments, updateProductFitmentKind } from './fitment-repository';
import { applyParsedFitment } from './fitment-service';
import { parseTitle } from './title-parser';

type Conn = Knex | Knex.Transaction;

export interface VehicleIndexMake {
  readonly id: number;
  readonly name: string;
  readonly models: readonly { readonly id: number; readonly name: string }[];
}

/** Every make with its models, ids included: one read for a whole import instead of one per row. */
export async function loadVehicleIndex(db: Conn): Promise<VehicleIndexMake[]> {
  const makes: { id: number; name: string }[] = await db('vehicle_makes').select('id', 'name').orderBy('id');
  const models: { id: number; make_id: number; name: string }[] = await db('vehicle_models').select('id', 'make_id', 'name').orderBy('id');
  return makes.map((m) => ({
    id: Number(m.id),
    name: m.name,
    models: models.filter((x) => Number(x.make_id) === Number(m.id)).map((x) => ({ id: Number(x.id), name: x.name })),
  }));
}

export interface StatedFitment {
  readonly kind: FitmentKind;
  /** JSON such as {"voltage":[12,24]}, as the title parser stores it. */
  readonly spec: string | null;
  readonly rows: readonly { makeId: number; modelId: number | null; yearFrom: number | null; yearTo: number | null; position: string | null }[];
}

/**
 * Fitment stated outright (an import's 适用车型 column): every earlier row goes, title-derived or
 * not, and the stated rows are kept as an editor's ('manual'). Run inside the product's transaction.
 */
export async function replaceFitment(trx: Conn, productId: number, f: StatedFitment): Promise<void> {
  await trx('product_fitments').where({ product_id: productId }).delete();
  await insertFitments(trx, f.rows.map((r) => ({
    product_id: productId, make_id: r.makeId, model_id: r.modelId, year_from: r.yearFrom, year_to: r.yearTo, position: r.position, note: '', source: 'manual' as const,
  })));
  await updateProductFitmentKind(trx, productId, f.kind, f.spec);
}

/** Nothing stated: the title parser decides, and no earlier editor's rows survive. */
export async function replaceFitmentFromTitle(trx: Conn, productId: number, title: string): Promise<void> {
  await trx('product_fitments').where({ product_id: productId }).delete();
  await applyParsedFitment(trx, productId, parseTitle(title));
}
