import type { Position } from './position-parser';

export type { Position } from './position-parser';

/**
 * How a product's fit is known:
 * - vehicle: listed for particular makes/models (product_fitments rows),
 * - universal: the title says it fits any car (通用, 万能…),
 * - spec: fit is decided by a specification, not a car (a 12V/24V charger),
 * - unknown: nothing stated; never shown as fitting.
 */
export const FITMENT_KINDS = ['vehicle', 'universal', 'spec', 'unknown'] as const;
export type FitmentKind = (typeof FITMENT_KINDS)[number];

export interface ParsedVehicle {
  /** Brand as in the reference data (本田, not the manufacturer 东风本田). */
  readonly make: string;
  /** Canonical model name from the reference data. */
  readonly model: string;
  /** Null when the title states no years (not the model's production span). */
  readonly yearFrom: number | null;
  readonly yearTo: number | null;
  /** Generation named in the title (十代思域 → 10), when there was one. */
  readonly generation?: number;
}

export interface FitmentSpecs {
  /** Battery/system voltages named in the title (12v24v → [12, 24]). */
  readonly voltages: readonly number[];
}

export interface ParsedFitment {
  readonly vehicles: readonly ParsedVehicle[];
  readonly position: Position | null;
  readonly universal: boolean;
  /** Makes the title says the part fits entirely (本田全系通用); stored with no model. */
  readonly makeWide: readonly string[];
  readonly specs: FitmentSpecs;
  readonly kind: FitmentKind;
  /** Both axes behind `position`, for callers that want more than the single summary. */
  readonly placement: { readonly end: '前' | '后' | null; readonly side: '左' | '右' | null };
}
