import { vehicleCatalog } from '../fitment';
import { fold, MAX_QUERY_WORDS, PART_WORDS, VEHICLE_WORDS, type QueryWord } from './text';
import { joinHyphenatedCodes, splitHanCode } from './text/codes';

/**
 * What a shopper's query says beyond its words: which words name a vehicle (make or model), which
 * name the part, and a model year (2020款, 19-23款, 2021). Both engines use it: vehicle and part words
 * are never dropped, and parts that fit the named vehicle and year rank first.
 */
export interface QueryIntent {
  /** Indexes into the query words. */
  readonly vehicleWords: ReadonlySet<number>;
  /** For a word naming a model: its make (model3 → 特斯拉), the broader vehicle to fall back on. */
  readonly makeOf: ReadonlyMap<number, string>;
  readonly partWords: ReadonlySet<number>;
  /** Words that only state a year (2020, 款 after a number): ranking context, not words to match. */
  readonly yearWords: ReadonlySet<number>;
  readonly yearFrom: number | null;
  readonly yearTo: number | null;
}

const MIN_YEAR = 1990;
const MAX_YEAR = 2045;

function key(text: string): string {
  return joinHyphenatedCodes(fold(text)).replace(/[\s\-_.·]+/g, '');
}

let vehicleKeys: Map<string, string | null> | null = null;

/**
 * Folded spellings of every make and model in the fitment catalogue (plus the segmenter's vehicle
 * words) → the make of a model (null for makes, and for a model name several makes share).
 */
function vehicleKeySet(): Map<string, string | null> {
  if (vehicleKeys) return vehicleKeys;
  const keys = new Map<string, string | null>(VEHICLE_WORDS.map((w) => [key(w), null]));
  for (const make of vehicleCatalog().makes) {
    for (const a of [make.name, make.nameEn, make.pinyin, ...make.aliases]) keys.set(key(a), null);
  }
  for (const make of vehicleCatalog().makes) {
    for (const model of make.models) {
      for (const a of [model.name, ...model.aliases]) {
        const k = key(a);
        if (!keys.has(k)) keys.set(k, make.name);
        else if (keys.get(k) !== make.name) keys.set(k, null);
      }
    }
  }
  keys.delete('');
  vehicleKeys = keys;
  return keys;
}

/** The make of a model word, when the catalogue knows exactly one. */
function makeOfWord(text: string): string | null {
  const k = key(text);
  const direct = vehicleKeySet().get(k);
  if (direct) return direct;
  // 哈弗h6: the code's make, only when the Chinese part names that make (宏光s is not 埃安's S).
  const split = splitHanCode(k);
  const make = split ? vehicleKeySet().get(split.code) : undefined;
  return make && split && makeKeys().get(split.han) === make ? make : null;
}

let makeKeyMap: Map<string, string> | null = null;

/** Folded spellings of each make → the make. */
function makeKeys(): Map<string, string> {
  if (makeKeyMap) return makeKeyMap;
  makeKeyMap = new Map();
  for (const make of vehicleCatalog().makes) for (const a of [make.name, make.nameEn, make.pinyin, ...make.aliases]) makeKeyMap.set(key(a), make.name);
  return makeKeyMap;
}

const PART_KEYS = new Set(PART_WORDS.map(key));

export function isVehicleWord(text: string): boolean {
  const k = key(text);
  if (vehicleKeySet().has(k)) return true;
  const split = splitHanCode(k);
  return split !== null && (vehicleKeySet().has(split.han) || vehicleKeySet().has(split.code));
}

export function isPartWord(text: string, extra: ReadonlySet<string> = new Set()): boolean {
  const k = key(text);
  return PART_KEYS.has(k) || extra.has(k);
}

function asYear(digits: string, short: boolean): number | null {
  const n = Number(digits);
  const year = digits.length === 4 ? n : short && digits.length === 2 ? 2000 + n : NaN;
  return year >= MIN_YEAR && year <= MAX_YEAR ? year : null;
}

/** A word of letters and digits only, no Chinese: the stuff model codes are made of. */
export function isCodeWord(w: QueryWord): boolean {
  return w.kind !== 'han' && !/\p{Script=Han}/u.test(w.text);
}

/** `partNames`: folded names of categories and other part vocabulary known at run time. */
export function queryIntent(words: readonly QueryWord[], partNames: ReadonlySet<string> = new Set()): QueryIntent {
  const vehicleWords = new Set<number>();
  const makeOf = new Map<number, string>();
  const partWords = new Set<number>();
  const yearWords = new Set<number>();
  const years: number[] = [];
  words.forEach((w, i) => {
    if (w.kind === 'digits') {
      // 2020, or 20 / 19-23 followed by 款: a model year, not a word that must appear.
      const kuanFollows = words.slice(i + 1, i + 3).some((n) => n.text === '款' || n.text.startsWith('款'));
      const y = asYear(w.text, kuanFollows);
      if (y !== null && (w.text.length === 4 || kuanFollows)) {
        years.push(y);
        yearWords.add(i);
        return;
      }
    }
    if (w.text === '款' && yearWords.has(i - 1)) {
      yearWords.add(i);
      return;
    }
    const m = /^(\d{2,4})款$/.exec(w.text);
    if (m) {
      const y = asYear(m[1], true);
      if (y !== null) {
        years.push(y);
        yearWords.add(i);
        return;
      }
    }
    // Only Latin/number words join into one code (model 3); 宋plus + air is a model and a part word.
    const joined = i + 1 < words.length && isCodeWord(w) && isCodeWord(words[i + 1]) ? w.text + words[i + 1].text : null;
    if (joined && isVehicleWord(joined)) {
      vehicleWords.add(i).add(i + 1);
      const make = makeOfWord(joined);
      if (make) makeOf.set(i, make).set(i + 1, make);
      return;
    }
    if ((w.kind !== 'digits' || w.text.length >= 2) && isVehicleWord(w.text)) {
      vehicleWords.add(i);
      const make = makeOfWord(w.text);
      if (make) makeOf.set(i, make);
    }
    if (isPartWord(w.text, partNames)) partWords.add(i);
  });
  for (const i of vehicleWords) partWords.delete(i);
  return {
    vehicleWords, makeOf, partWords, yearWords,
    yearFrom: years.length ? Math.min(...years) : null,
    yearTo: years.length ? Math.max(...years) : null,
  };
}

/**
 * Vehicle codes mixing letters and digits (model3, cs75plus, rav4): Meilisearch would allow a typo
 * in these (model3 → modely), the embedded engine never does. For `typoTolerance.disableOnWords`.
 */
export function vehicleCodes(): string[] {
  return [...vehicleKeySet().keys()].filter((k) => /^[a-z0-9]+$/.test(k) && /\d/.test(k) && /[a-z]/.test(k) && k.length >= 5).sort();
}

/**
 * The query words both engines search for, with their index in the query: stop words and year words
 * left out while anything else remains, at most ten (Meilisearch's limit; noise does not use it up).
 */
export function meaningfulWords(words: readonly QueryWord[], intent: QueryIntent, stopWords: ReadonlySet<string>): { w: QueryWord; i: number }[] {
  const all = words.map((w, i) => ({ w, i }));
  const meaningful = all.filter(({ w, i }) => !stopWords.has(w.text) && !intent.yearWords.has(i));
  const notYears = all.filter(({ i }) => !intent.yearWords.has(i));
  return (meaningful.length > 0 ? meaningful : notYears.length > 0 ? notYears : all).slice(0, MAX_QUERY_WORDS);
}
