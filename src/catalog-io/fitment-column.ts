import type { FitmentDraft, Position, ProductVehicleRow } from '../fitment';

/** A make with its models, ids included (the fitment feature's vehicleChoices gives these). */
export interface VehicleIndexMake {
  readonly id: number;
  readonly name: string;
  readonly models: readonly { readonly id: number; readonly name: string }[];
}
import { LIST_SEPARATORS, plainItems } from './field-syntax';

export interface StatedVehicle {
  readonly makeId: number;
  readonly makeName: string;
  readonly modelId: number | null;
  readonly modelName: string | null;
  readonly yearFrom: number | null;
  readonly yearTo: number | null;
  readonly position: string | null;
}

/** What a filled 适用车型 cell says; an empty cell means "parse the title" and is not a statement. */
export type FitmentStatement =
  | { readonly kind: 'universal' }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'stated'; readonly vehicles: readonly StatedVehicle[]; readonly voltages: readonly number[] };

export const UNIVERSAL_WORD = '通用';
export const UNKNOWN_WORD = '未知';
const YEAR = /^(\d{4})?[-–~](\d{4})?$|^(\d{4})$/;
const POSITION = /^[前后左右]$/;
const VOLTAGES = /^\d{1,3}V(?:\/\d{1,3}V)*$/i;

function parseYears(token: string): [number | null, number | null] | null {
  const m = YEAR.exec(token);
  if (!m) return null;
  if (m[3]) return [Number(m[3]), Number(m[3])];
  if (!m[1] && !m[2]) return null;
  return [m[1] ? Number(m[1]) : null, m[2] ? Number(m[2]) : null];
}

function parseVehicle(entry: string, makes: readonly VehicleIndexMake[]): StatedVehicle | string {
  const lower = entry.toLowerCase();
  const make = makes.filter((m) => lower.startsWith(m.name.toLowerCase())).sort((a, b) => b.name.length - a.name.length)[0];
  if (!make) return `未知品牌：${entry}`;
  let rest = entry.slice(make.name.length).trim();
  const model = make.models
    .filter((m) => {
      const n = m.name.toLowerCase();
      return rest.toLowerCase().startsWith(n) && (rest.length === n.length || /[\s前后左右]/.test(rest[n.length]));
    })
    .sort((a, b) => b.name.length - a.name.length)[0];
  if (model) rest = rest.slice(model.name.length).trim();
  let years: [number | null, number | null] = [null, null];
  let position: string | null = null;
  const tokens = rest.split(/\s+/).filter(Boolean).flatMap((t) => (/^.+[前后左右]$/.test(t) ? [t.slice(0, -1), t.slice(-1)] : [t]));
  for (const token of tokens) {
    const y = parseYears(token);
    if (y && years[0] === null && years[1] === null) years = y;
    else if (POSITION.test(token) && position === null) position = token;
    else return model || tokens.indexOf(token) > 0 ? `无法识别“${token}”（${entry}）` : `${make.name}没有这个车型：${token}`;
  }
  for (const y of years) if (y !== null && (y < 1980 || y > 2035)) return `年份超出范围：${entry}`;
  if (years[0] !== null && years[1] !== null && years[0] > years[1]) return `起始年份晚于结束年份：${entry}`;
  return { makeId: make.id, makeName: make.name, modelId: model?.id ?? null, modelName: model?.name ?? null, yearFrom: years[0], yearTo: years[1], position };
}

/**
 * `宝骏 730 2014-2021 后; 宝骏 560`, `通用`, `未知` or `12V/24V`: makes and models by their names in
 * the vehicle tables, years as `2014-2021`, `2019-`, `-2018` or `2019`, position 前/后/左/右.
 */
export function parseFitmentCell(text: string, makes: readonly VehicleIndexMake[]): { ok: true; value: FitmentStatement } | { ok: false; message: string } {
  const entries = plainItems(text, LIST_SEPARATORS);
  if (entries.length === 1 && entries[0] === UNIVERSAL_WORD) return { ok: true, value: { kind: 'universal' } };
  if (entries.length === 1 && entries[0] === UNKNOWN_WORD) return { ok: true, value: { kind: 'unknown' } };
  if (entries.length > 100) return { ok: false, message: '适用车型最多 100 项' };
  const vehicles: StatedVehicle[] = [];
  const voltages = new Set<number>();
  for (const entry of entries) {
    if (entry === UNIVERSAL_WORD || entry === UNKNOWN_WORD) return { ok: false, message: `“${entry}”只能单独使用` };
    if (VOLTAGES.test(entry)) {
      for (const v of entry.split('/')) voltages.add(Number(v.slice(0, -1)));
      continue;
    }
    const v = parseVehicle(entry, makes);
    if (typeof v === 'string') return { ok: false, message: v };
    vehicles.push(v);
  }
  return { ok: true, value: { kind: 'stated', vehicles, voltages: [...voltages].sort((a, b) => a - b) } };
}

function yearsText(from: number | null, to: number | null): string {
  if (from === null && to === null) return '';
  if (from === to) return String(from);
  return `${from ?? ''}-${to ?? ''}`;
}

export function formatFitment(s: FitmentStatement): string {
  if (s.kind === 'universal') return UNIVERSAL_WORD;
  if (s.kind === 'unknown') return UNKNOWN_WORD;
  const entries = s.vehicles.map((v) => [v.makeName, v.modelName ?? '', yearsText(v.yearFrom, v.yearTo), v.position ?? ''].filter(Boolean).join(' '));
  if (s.voltages.length) entries.push(s.voltages.map((v) => `${v}V`).join('/'));
  return entries.join('; ');
}

/** The statement as the confirmed fitment the fitment feature saves. */
export function fitmentDraft(s: FitmentStatement): FitmentDraft {
  if (s.kind === 'universal') return { kind: 'universal', voltages: [], rows: [] };
  if (s.kind === 'unknown') return { kind: 'unknown', voltages: [], rows: [] };
  return {
    kind: s.vehicles.length ? 'vehicle' : s.voltages.length ? 'spec' : 'unknown',
    voltages: s.voltages,
    rows: s.vehicles.map((v) => ({ makeId: v.makeId, modelId: v.modelId, yearFrom: v.yearFrom, yearTo: v.yearTo, position: v.position as Position | null })),
  };
}

/** A product's stored fitment as the statement an export writes. */
export function storedFitment(kind: string, spec: string | null, rows: readonly ProductVehicleRow[]): FitmentStatement {
  if (kind === 'universal') return { kind: 'universal' };
  let voltages: number[] = [];
  try {
    const parsed = spec ? (JSON.parse(spec) as { voltage?: unknown }) : {};
    if (Array.isArray(parsed.voltage)) voltages = parsed.voltage.filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
  } catch {
    voltages = [];
  }
  if (rows.length === 0 && voltages.length === 0) return { kind: 'unknown' };
  return {
    kind: 'stated',
    voltages,
    vehicles: rows.map((r) => ({ makeId: r.make_id, makeName: r.make_name, modelId: r.model_id, modelName: r.model_name, yearFrom: r.year_from, yearTo: r.year_to, position: r.position })),
  };
}
