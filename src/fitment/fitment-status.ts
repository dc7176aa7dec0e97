import type { FitmentKind } from './fitment-types';

/** The shopper's car as resolved against the vehicle tables. Model and year are optional. */
export interface ActiveVehicle {
  readonly makeId: number;
  readonly makeName: string;
  readonly makeSlug: string;
  readonly modelId: number | null;
  readonly modelName: string | null;
  readonly modelSlug: string | null;
  /** The model's production span, used when the shopper gave no year. */
  readonly modelYearFrom: number | null;
  readonly modelYearTo: number | null;
  readonly year: number | null;
}

/**
 * - fits: a fitment row covers the car (with its year, or the model's whole production span
 *   when no year was given),
 * - no_fit: the product lists vehicles and none of them is this car,
 * - universal / spec: the product is not tied to vehicles (spec = decided by e.g. voltage),
 * - unknown: no data, no car chosen, or only a partial match (right model, year not given
 *   and the rows cover only some years). Never shown as fitting.
 */
export type FitmentStatus = 'fits' | 'no_fit' | 'universal' | 'spec' | 'unknown';

export interface FitmentMatchRow {
  readonly make_id: number;
  readonly model_id: number | null;
  readonly year_from: number | null;
  readonly year_to: number | null;
}

type Match = 'fits' | 'maybe' | 'no';

function matchRow(row: FitmentMatchRow, v: ActiveVehicle): Match {
  if (row.make_id !== v.makeId) return 'no';
  if (v.modelId === null) return row.model_id === null ? 'fits' : 'maybe';
  if (row.model_id !== null && row.model_id !== v.modelId) return 'no';
  const from = row.year_from ?? -Infinity;
  const to = row.year_to ?? Infinity;
  if (v.year !== null) return v.year >= from && v.year <= to ? 'fits' : 'no';
  const spanFrom = v.modelYearFrom ?? -Infinity;
  const spanTo = v.modelYearTo ?? Infinity;
  return from <= spanFrom && to >= spanTo ? 'fits' : 'maybe';
}

export function fitmentStatus(rows: readonly FitmentMatchRow[], kind: FitmentKind, vehicle: ActiveVehicle | null): FitmentStatus {
  if (kind === 'universal') return 'universal';
  if (kind === 'spec') return 'spec';
  if (rows.length === 0 || vehicle === null) return 'unknown';
  const matches = rows.map((r) => matchRow(r, vehicle));
  if (matches.includes('fits')) return 'fits';
  if (matches.includes('maybe')) return 'unknown';
  return 'no_fit';
}
