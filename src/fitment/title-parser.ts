import type { FitmentKind, ParsedFitment, ParsedVehicle } from './fitment-types';
import { parsePlacement } from './position-parser';
import { normalizeTitle } from './text-normalizer';
import type { CatalogModel } from './vehicle-catalog';
import { expandShorthand, findMentions, type Mention } from './vehicle-matcher';
import { parseTemporal, type GenerationExpr, type YearExpr } from './year-parser';

interface VehicleMention {
  readonly start: number;
  readonly end: number;
  readonly model: CatalogModel;
  group: number;
  readonly years: YearExpr[];
  readonly generations: number[];
}

/** Stands in for a matched name; a private-use character, so no title text collides with it in practice. */
const MASK = '\uE000';
/** Characters that join names in a list: 宝骏730 560/510、雅阁和思域. */
const JOINERS = /[\uE000\s/、,，&+和与及或|;；丶·]/g;
const UNIVERSAL = /(?<![非不])(?:通用|全车系|全车型|所有车型|各种车型|各车型|万能|百搭)/;
const MAKE_WIDE_TAIL = /^\s{0,2}(?:汽车|车系|车型|系列|系|车)?\s{0,2}(?:全系|全车系|所有车型|全车型|通用|系列通用|车系通用|车型通用)/;
const VOLTAGE = /(?<![\d.])(\d{1,3})\s{0,2}(?:V|伏)(?![A-Z])/g;
const VOLTAGE_PAIR = /(?<![\d.])(\d{1,3})\s{0,2}[/-]\s{0,2}(\d{1,3})\s{0,2}(?:V|伏)/g;
const KNOWN_VOLTAGES = new Set([6, 12, 24, 36, 48, 60, 72, 110, 220]);

const EMPTY: ParsedFitment = Object.freeze({
  vehicles: [],
  position: null,
  universal: false,
  makeWide: [],
  specs: { voltages: [] },
  kind: 'unknown' as const,
  placement: { end: null, side: null },
});

function contentLength(text: string): number {
  return text.replace(JOINERS, '').length;
}

/** A model span may carry several candidates (a key shared by two makes); the title's makes decide. */
function resolve(mention: Mention, namedMakes: ReadonlySet<string>): CatalogModel | null {
  if (mention.models.length === 1) return mention.models[0];
  const named = mention.models.filter((m) => namedMakes.has(m.makeName));
  return named.length === 1 ? named[0] : null;
}

function mask(text: string, spans: readonly { start: number; end: number }[]): string {
  const chars = [...text.split('')];
  for (const s of spans) for (let i = s.start; i < s.end; i++) chars[i] = MASK;
  return chars.join('');
}

/**
 * Year expressions attach to a group of names listed together. A year written right against
 * a name (19款思域, 思域19款) belongs to that name; otherwise to the group before it, since
 * listings put the car first and the years after the part (宝骏730后尾灯14-21款).
 */
function nearestGroup(masked: string, expr: { start: number; end: number }, groups: readonly { start: number; end: number }[]): number {
  let prev = -1;
  let next = -1;
  groups.forEach((g, i) => {
    if (g.end <= expr.start) prev = i;
    else if (next < 0 && g.start >= expr.end) next = i;
  });
  if (prev < 0) return next;
  if (next < 0) return prev;
  const prevGap = masked.slice(groups[prev].end, expr.start);
  const nextGap = masked.slice(expr.end, groups[next].start);
  const prevTight = contentLength(prevGap) === 0;
  const nextTight = contentLength(nextGap) === 0;
  if (nextTight && !prevTight) return next;
  if (nextTight && prevTight) return nextGap.length < prevGap.length ? next : prev;
  return prev;
}

function attachGeneration(masked: string, gen: GenerationExpr, vehicles: VehicleMention[]): void {
  const groups = vehicles.map((v) => ({ start: v.start, end: v.end }));
  const i = nearestGroup(masked, gen, groups);
  if (i >= 0 && !vehicles[i].generations.includes(gen.n)) vehicles[i].generations.push(gen.n);
}

/** Generations named by chassis code anywhere in the title (宝马X5 G05, 奔驰E级 W213). */
function chassisGenerations(text: string, model: CatalogModel): number[] {
  const out: number[] = [];
  for (const g of model.generations) {
    for (const code of g.codes ?? []) {
      const at = text.indexOf(code);
      if (at < 0) continue;
      const before = text[at - 1] ?? '';
      const after = text[at + code.length] ?? '';
      if (!/[A-Z0-9]/.test(before) && !/[A-Z0-9]/.test(after)) out.push(g.n);
    }
  }
  return out;
}

function rangeOf(expr: YearExpr, model: CatalogModel): [number | null, number | null] {
  // The open end comes from the model's production years, unless the title contradicts them.
  if (expr.kind === 'from') return [expr.from, model.yearTo !== null && expr.from !== null && model.yearTo >= expr.from ? model.yearTo : null];
  if (expr.kind === 'until') return [expr.to !== null && model.yearFrom <= expr.to ? model.yearFrom : null, expr.to];
  return [expr.from, expr.to];
}

type Range = [number | null, number | null];

/** Adjacent or overlapping closed ranges of one model read as one span (16款17款18款 → 2016–2018). */
function mergeRanges(ranges: readonly Range[]): Range[] {
  const closed = ranges.filter((r): r is [number, number] => r[0] !== null && r[1] !== null).sort((a, b) => a[0] - b[0]);
  const merged: Range[] = [];
  for (const r of closed) {
    const last = merged[merged.length - 1];
    if (last && last[1] !== null && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  const open = ranges.filter((r) => r[0] === null || r[1] === null);
  return [...merged, ...open.filter((r, i) => open.findIndex((o) => o[0] === r[0] && o[1] === r[1]) === i)];
}

function vehiclesOf(found: readonly VehicleMention[]): ParsedVehicle[] {
  const byModel = new Map<string, { model: CatalogModel; ranges: Range[]; generation?: number }>();
  for (const v of found) {
    const key = `${v.model.makeName}|${v.model.name}`;
    const entry = byModel.get(key) ?? { model: v.model, ranges: [] };
    byModel.set(key, entry);
    if (v.years.length > 0) {
      for (const y of v.years) entry.ranges.push(rangeOf(y, v.model));
    } else {
      for (const n of v.generations) {
        const known = v.model.generations.find((g) => g.n === n);
        if (known) entry.ranges.push([known.yearFrom, known.yearTo]);
      }
    }
    if (v.generations.length === 1) entry.generation ??= v.generations[0];
  }
  const out: ParsedVehicle[] = [];
  for (const { model, ranges, generation } of byModel.values()) {
    const base = { make: model.makeName, model: model.name, ...(generation ? { generation } : {}) };
    // A model named once with years and once without: the dated mention is the claim.
    const dated = mergeRanges(ranges.filter((r) => r[0] !== null || r[1] !== null));
    if (dated.length === 0) out.push({ ...base, yearFrom: null, yearTo: null });
    for (const [yearFrom, yearTo] of dated) out.push({ ...base, yearFrom, yearTo });
  }
  return out;
}

function makeWide(text: string, mentions: readonly Mention[]): string[] {
  const makes = new Set<string>();
  for (let i = 0; i < mentions.length; i++) {
    if (mentions[i].models.length > 0) continue;
    const run = [mentions[i]];
    while (i + 1 < mentions.length && mentions[i + 1].models.length === 0 && contentLength(text.slice(run[run.length - 1].end, mentions[i + 1].start)) === 0) {
      run.push(mentions[++i]);
    }
    const tail = text.slice(run[run.length - 1].end, run[run.length - 1].end + 12);
    if (MAKE_WIDE_TAIL.test(tail)) for (const m of run) for (const make of m.makes) makes.add(make);
  }
  return [...makes];
}

function voltages(text: string): number[] {
  const found = new Set<number>();
  for (const m of text.matchAll(VOLTAGE_PAIR)) [m[1], m[2]].forEach((v) => found.add(Number(v)));
  for (const m of text.matchAll(VOLTAGE)) found.add(Number(m[1]));
  return [...found].filter((v) => KNOWN_VOLTAGES.has(v)).sort((a, b) => a - b);
}

/** Parses without the safety net; exported so the fuzz test can see real exceptions. */
export function parseTitleUnchecked(title: string): ParsedFitment {
  if (typeof title !== 'string' || title.trim() === '') return EMPTY;
  const text = normalizeTitle(title);
  const mentions = findMentions(text);
  const namedMakes = new Set(mentions.flatMap((m) => m.makes));

  const found: VehicleMention[] = [];
  for (const m of mentions) {
    if (m.models.length === 0) continue;
    const model = resolve(m, namedMakes);
    if (!model) continue;
    found.push({ start: m.start, end: m.end, model, group: 0, years: [], generations: [] });
    for (const extra of expandShorthand(text, m, model)) {
      found.push({ start: extra.start, end: extra.end, model: extra.models[0], group: 0, years: [], generations: [] });
    }
  }
  const masked = mask(text, [...mentions, ...found]);
  const temporal = parseTemporal(masked);

  const groups: { start: number; end: number; members: VehicleMention[] }[] = [];
  for (const v of found) {
    const last = groups[groups.length - 1];
    if (last && contentLength(masked.slice(last.end, v.start)) === 0) {
      last.end = v.end;
      last.members.push(v);
    } else {
      groups.push({ start: v.start, end: v.end, members: [v] });
    }
    v.group = groups.length - 1;
  }
  for (const expr of temporal.years) {
    const g = nearestGroup(masked, expr, groups);
    if (g >= 0) for (const v of groups[g].members) v.years.push(expr);
  }
  for (const gen of temporal.generations) attachGeneration(masked, gen, found);
  for (const v of found) for (const n of chassisGenerations(text, v.model)) if (!v.generations.includes(n)) v.generations.push(n);

  const vehicles = vehiclesOf(found);
  const wide = makeWide(text, mentions);
  const universal = vehicles.length === 0 && wide.length === 0 && UNIVERSAL.test(temporal.rest);
  const placement = parsePlacement(temporal.rest);
  const specs = { voltages: voltages(temporal.rest) };
  const kind: FitmentKind = vehicles.length > 0 || wide.length > 0 ? 'vehicle' : universal ? 'universal' : specs.voltages.length > 0 ? 'spec' : 'unknown';
  return {
    vehicles,
    position: placement.position,
    universal,
    makeWide: wide,
    specs,
    kind,
    placement: { end: placement.end, side: placement.side },
  };
}

/**
 * Reads vehicle fitment from a marketplace listing title. Never throws: a title that defeats
 * the parser yields "unknown", which the shop shows as "fit not confirmed", never as "fits".
 */
export function parseTitle(title: string): ParsedFitment {
  try {
    return parseTitleUnchecked(title);
  } catch {
    return EMPTY;
  }
}
