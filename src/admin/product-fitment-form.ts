import type { FitmentDraft, FitmentDraftRow, StoredFitment, SuggestedFitment, VehicleChoiceMake } from '../fitment';
import { ADMIN_TEXT as T } from './admin-strings';

/**
 * 'auto' = read the title on save and mark it unconfirmed (the default for a new product).
 * 'keep' = leave the stored fitment alone: offered only when it has more rows than the form holds.
 */
export const FIT_KINDS = ['auto', 'vehicle', 'universal', 'spec', 'unknown', 'keep'] as const;
export const FIT_POSITIONS = ['前', '后', '左', '右'] as const;
/** Rows a form may carry; with 5 fields a row this stays well inside the body parser's 200 parameters. */
export const MAX_FIT_ROWS = 25;
const KNOWN_VOLTAGES = new Set([6, 12, 24, 36, 48, 60, 72, 110, 220]);
const YEAR = /^\d{4}$/;
const ID = /^[1-9]\d{0,9}$/;

export interface FitRowValues {
  make: string;
  model: string;
  from: string;
  to: string;
  pos: string;
}

/** The fitment part of the product form, kept as typed so an error re-renders what was sent. */
export interface FitmentFormValues {
  kind: string;
  volts: string;
  rows: FitRowValues[];
  /** Display only: the stored fitment came from the title and awaits an admin. */
  unconfirmed: boolean;
  /** Display only: vehicles the last suggestion could not place in the vehicle tables. */
  unresolved: string[];
  /** Display only: how many stored rows there are when they are too many to edit here ('keep'). */
  storedRows?: number;
}

const blankRow = (): FitRowValues => ({ make: '', model: '', from: '', to: '', pos: '' });

export function emptyFitmentForm(): FitmentFormValues {
  return { kind: 'auto', volts: '', rows: [], unconfirmed: false, unresolved: [] };
}

function str(b: Record<string, unknown>, key: string): string {
  const v = b[key];
  return typeof v === 'string' ? v.trim() : '';
}

/** Reads the fitment fields; rows ticked for removal are dropped here, blank rows later. */
export function readFitmentForm(body: unknown): FitmentFormValues {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const rows: FitRowValues[] = [];
  for (let i = 0; i < MAX_FIT_ROWS; i++) {
    if (str(b, `fit_del_${i}`) === '1') continue;
    const row = { make: str(b, `fit_make_${i}`), model: str(b, `fit_model_${i}`), from: str(b, `fit_from_${i}`), to: str(b, `fit_to_${i}`), pos: str(b, `fit_pos_${i}`) };
    if (row.make || row.model || row.from || row.to) rows.push(row);
  }
  return { kind: str(b, 'fit_kind') || 'auto', volts: str(b, 'fit_volts'), rows, unconfirmed: str(b, 'fit_unconfirmed') === '1', unresolved: [] };
}

/** The rows as the form renders them: the filled ones plus `blanks` empty ones to fill in. */
export function rowsForDisplay(v: FitmentFormValues, blanks = 1): FitRowValues[] {
  return [...v.rows, ...Array.from({ length: Math.max(0, Math.min(blanks, MAX_FIT_ROWS - v.rows.length)) }, blankRow)];
}

function toValues(d: FitmentDraft, extra: { unconfirmed: boolean; unresolved: string[] }): FitmentFormValues {
  return {
    kind: d.kind,
    volts: d.voltages.join(', '),
    rows: d.rows.slice(0, MAX_FIT_ROWS).map((r) => ({
      make: String(r.makeId), model: r.modelId === null ? '' : String(r.modelId),
      from: r.yearFrom === null ? '' : String(r.yearFrom), to: r.yearTo === null ? '' : String(r.yearTo), pos: r.position ?? '',
    })),
    ...extra,
  };
}

export function storedToForm(s: StoredFitment): FitmentFormValues {
  // Rows beyond what the form can carry would be lost on save: offer to keep them as they are.
  if (s.rows.length > MAX_FIT_ROWS) return { kind: 'keep', volts: '', rows: [], unconfirmed: !s.confirmed, unresolved: [], storedRows: s.rows.length };
  return toValues(s, { unconfirmed: !s.confirmed, unresolved: [] });
}
export const suggestionToForm = (s: SuggestedFitment): FitmentFormValues => toValues(s, { unconfirmed: false, unresolved: [...s.unresolved] });

export type FitmentChoice = { mode: 'title' } | { mode: 'keep' } | { mode: 'confirmed'; draft: FitmentDraft };

/** Checks the fitment fields against the vehicle tables; one message for the whole fieldset. */
export function validateFitmentForm(v: FitmentFormValues, makes: readonly VehicleChoiceMake[]): { ok: true; fitment: FitmentChoice } | { ok: false; error: string } {
  if (!(FIT_KINDS as readonly string[]).includes(v.kind)) return { ok: false, error: T.fitKind };
  if (v.kind === 'auto') return { ok: true, fitment: { mode: 'title' } };
  if (v.kind === 'keep') return { ok: true, fitment: { mode: 'keep' } };
  const voltages: number[] = [];
  for (const part of v.volts.split(/[,，、/\s]+/).filter(Boolean)) {
    const n = Number(part.replace(/v$/i, ''));
    if (!KNOWN_VOLTAGES.has(n)) return { ok: false, error: T.fitVoltage };
    if (!voltages.includes(n)) voltages.push(n);
  }
  voltages.sort((a, b) => a - b);
  if (v.kind === 'spec' && voltages.length === 0) return { ok: false, error: T.fitVoltageRequired };
  const rows: FitmentDraftRow[] = [];
  if (v.kind === 'vehicle') {
    if (v.rows.length > MAX_FIT_ROWS) return { ok: false, error: T.tooMany(MAX_FIT_ROWS) };
    for (const [i, r] of v.rows.entries()) {
      const make = ID.test(r.make) ? makes.find((m) => m.id === Number(r.make)) : undefined;
      if (!make) return { ok: false, error: T.fitRowMake(i + 1) };
      const model = r.model === '' ? null : make.models.find((m) => ID.test(r.model) && m.id === Number(r.model));
      if (model === undefined) return { ok: false, error: T.fitRowModel(i + 1, make.name) };
      const from = r.from === '' ? null : YEAR.test(r.from) ? Number(r.from) : NaN;
      const to = r.to === '' ? null : YEAR.test(r.to) ? Number(r.to) : NaN;
      if ([from, to].some((y) => y !== null && (!Number.isFinite(y) || y < 1980 || y > 2035)) || (from !== null && to !== null && from > to)) {
        return { ok: false, error: T.fitRowYears(i + 1) };
      }
      if (r.pos !== '' && !(FIT_POSITIONS as readonly string[]).includes(r.pos)) return { ok: false, error: T.fitRowPosition(i + 1) };
      rows.push({ makeId: make.id, modelId: model === null ? null : model.id, yearFrom: from, yearTo: to, position: (r.pos || null) as FitmentDraftRow['position'] });
    }
    if (rows.length === 0) return { ok: false, error: T.fitRowsRequired };
  }
  return { ok: true, fitment: { mode: 'confirmed', draft: { kind: v.kind as FitmentDraft['kind'], voltages, rows } } };
}

/** The writer's fitment input; 'keep' leaves the stored rows untouched. */
export function fitmentForWriter(choice: FitmentChoice): { mode: 'title' } | { mode: 'confirmed'; draft: FitmentDraft } | undefined {
  return choice.mode === 'keep' ? undefined : choice;
}
