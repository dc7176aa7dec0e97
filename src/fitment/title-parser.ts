import type { FitmentKind, ParsedFitment, ParsedVehicle } from './fitment-types';
import { parsePlacement } from './position-parser';
import { normalizeTitle } from './text-normalizer';
import type { CatalogModel } from './vehicle-catalog';
import { expandTeslaShorthand, findMentions, type Mention } from './vehicle-matcher';
import { parseTemporal, type GenerationExpr, type YearExpr } from './year-parser';

interface VehicleMention {
  readonly start: number;
  readonly end: number;
  readonly model: CatalogModel;
  group: number;
  readonly years: YearExpr[];
  generation: number | null;
}

const MASK = '\u0001';
/** Characters that join names in a list: 宝骏730 560/510、雅阁和思域. */
const JOINERS = /[\u0001\s/、,，&+和与及或|;；丶·]/g;
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
  if (i >= 0) vehicles[i].generation ??= gen.n;
}

function rangeOf(expr: YearExpr, model: CatalogModel): [number | null, number | null] {
  if (expr.kind === 'from') return [expr.from, model.yearTo];
  if (expr.kind === 'until') return [model.yearFrom, expr.to];
  return [expr.from, expr.to];
}

function vehiclesOf(found: readonly VehicleMention[]): ParsedVehicle[] {
  const out: ParsedVehicle[] = [];
  const seen = new Set<string>();
  const dated = new Set<string>();
  const push = (v: ParsedVehicle): void => {
    const key = `${v.make}|${v.model}|${v.yearFrom}|${v.yearTo}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(v);
  };
  for (const v of found) {
    const base = { make: v.model.makeName, model: v.model.name };
    const gen = v.generation === null ? undefined : v.generation;
    const known = v.model.generations.find((g) => g.n === v.generation);
    if (v.years.length > 0 || known) dated.add(base.model + '|' + base.make);
    if (v.years.length > 0) {
      for (const y of v.years) {
        const [yearFrom, yearTo] = rangeOf(y, v.model);
        push({ ...base, yearFrom, yearTo, ...(gen ? { generation: gen } : {}) });
      }
    } else if (known) {
      push({ ...base, yearFrom: known.yearFrom, yearTo: known.yearTo, generation: known.n });
    } else {
      push({ ...base, yearFrom: null, yearTo: null, ...(gen ? { generation: gen } : {}) });
    }
  }
  // A model named once with years and once without means the dated mention is the claim.
  return out.filter((v) => v.yearFrom !== null || v.yearTo !== null || !dated.has(v.model + '|' + v.make));
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
    found.push({ start: m.start, end: m.end, model, group: 0, years: [], generation: null });
    for (const extra of expandTeslaShorthand(text, m, model)) {
      found.push({ start: extra.start, end: extra.end, model: extra.models[0], group: 0, years: [], generation: null });
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
