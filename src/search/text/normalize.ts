import * as OpenCC from 'opencc-js/t2cn';

/**
 * Traditional → simplified. OpenCC's generic `t` (plus its phrase tables) covers Taiwan and
 * Hong Kong spellings of part names (尾燈, 車貼, 寶駿); `tw`/`hk` only add regional idioms.
 */
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

const LATIN_WITH_MARKS = /[\u00C0-\u024F\u1E00-\u1EFF]/;

/** Every character some traditional → simplified rule can change (from OpenCC's own tables). */
function changeableChars(): ReadonlySet<string> {
  const chars = new Set<string>();
  const visit = (dict: unknown): void => {
    if (Array.isArray(dict)) {
      for (const d of dict) visit(d);
      return;
    }
    if (typeof dict !== 'string') return;
    // "key value|key value|…"; a key changes where its value differs (or everywhere, if the lengths do).
    for (const entry of dict.split('|')) {
      const [key = '', value = ''] = entry.split(' ');
      const from = Array.from(key);
      const to = Array.from(value);
      from.forEach((c, i) => {
        if (from.length !== to.length || to[i] !== c) chars.add(c);
      });
    }
  };
  const config = OpenCC.Locale.configs.t2s as { normalizationChain?: unknown; conversionChain: unknown };
  visit(config.normalizationChain);
  visit(config.conversionChain);
  return chars;
}

/**
 * A text holding none of these is its own simplified form, so the converter (a trie walk, the
 * dearest part of folding) runs only on text with a traditional character in it.
 */
export const TRADITIONAL_CHARS = changeableChars();

const foldedChars = new Map<string, string>();

function foldChar(ch: string): string {
  // ASCII and the CJK Unified Ideographs block are already NFKC and caseless but for A–Z: most of
  // every title and body, folded without the normaliser.
  const c = ch.charCodeAt(0);
  if (ch.length === 1 && (c < 0x80 || (c >= 0x4e00 && c <= 0x9fff))) return c >= 0x41 && c <= 0x5a ? String.fromCharCode(c + 32) : ch;
  let out = foldedChars.get(ch);
  if (out !== undefined) return out;
  out = ch.normalize('NFKC').toLowerCase();
  // Meilisearch folds Latin diacritics too; keep "café" findable as "cafe".
  if (LATIN_WITH_MARKS.test(out)) out = out.normalize('NFD').replace(/\p{M}/gu, '');
  // Characters are few (full-width forms, punctuation, accented letters): remember them all, within reason.
  if (foldedChars.size < 65_536) foldedChars.set(ch, out);
  return out;
}

/** A folded string, and where each of its UTF-16 units came from in the original. */
export interface FoldedText {
  readonly text: string;
  /** Offset in the original where the character that gave folded unit `i` starts. */
  start(i: number): number;
  /** Offset in the original just after the character that gave folded unit `i`. */
  end(i: number): number;
}

const SAME_OFFSETS = { start: (i: number) => i, end: (i: number) => i + 1 };

/**
 * The one normalisation used by indexing, querying and highlighting: NFKC (full-width → half-width),
 * lowercase, Latin diacritics removed, traditional → simplified. Keeps an offset map so highlights
 * can be placed on the original text; most text folds unit for unit, and then the map is the identity
 * and never built.
 */
export function foldWithOffsets(original: string): FoldedText {
  // Most text (every synthetic title, most real ones) is ASCII and CJK Unified Ideographs, where
  // folding is lowercasing: one pass over the units, no offset map. Anything else is folded
  // character by character.
  let upper = false;
  let simple = true;
  for (let i = 0; i < original.length; i++) {
    const c = original.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) upper = true;
    else if (c >= 0x80 && (c < 0x4e00 || c > 0x9fff)) {
      simple = false;
      break;
    }
  }
  let folded: string;
  if (simple) folded = upper ? original.toLowerCase() : original;
  else {
    // Full-width punctuation and the like: replaced natively; the walk only if one changes length.
    let unitForUnit = true;
    folded = original.replace(MAY_CHANGE, (ch) => {
      const f = foldChar(ch);
      if (f.length !== ch.length || (ch.length > 1 && f !== ch)) unitForUnit = false;
      return f;
    });
    if (!unitForUnit) return foldByCharacter(original);
  }
  return { text: hasTraditional(folded) ? simplified(folded) : folded, ...SAME_OFFSETS };
}

/** Characters toLowerCase would not fold as foldChar does, one match per code point (a surrogate pair whole). */
const MAY_CHANGE = /[A-Z]|[^\p{ASCII}\u4e00-\u9fff]/gu;

/** TRADITIONAL_CHARS of one UTF-16 unit, by code unit. */
const TRADITIONAL_UNITS = new Uint8Array(0x10000);
for (const c of TRADITIONAL_CHARS) if (c.length === 1) TRADITIONAL_UNITS[c.charCodeAt(0)] = 1;

function hasTraditional(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (TRADITIONAL_UNITS[c] === 1) return true;
    if (c >= 0xd800 && c <= 0xdbff && TRADITIONAL_CHARS.has(String.fromCodePoint(text.codePointAt(i) as number))) return true;
  }
  return false;
}

/**
 * OpenCC maps character for character almost always; when a phrase rule changes the length,
 * fall back to per-character conversion so the offset map stays valid.
 */
function simplified(folded: string): string {
  const converted = toSimplified(folded);
  if (converted.length === folded.length) return converted;
  return Array.from(folded, (c) => {
    const s = toSimplified(c);
    return s.length === c.length ? s : c;
  }).join('');
}

/** The character walk: an offset map wherever a character folds to more or fewer units. Exported for tests (the reference the quick paths must agree with). */
export function foldByCharacter(original: string): FoldedText {
  let folded = '';
  let starts: number[] | null = null;
  let ends: number[] | null = null;
  let i = 0;
  for (const ch of original) {
    const f = foldChar(ch);
    // Unit for unit only when the character is one unit, or unchanged (🄀 is two units and folds to "0.").
    if (starts === null && (f.length !== ch.length || (ch.length > 1 && f !== ch))) {
      // The first character that does not fold unit for unit: the map so far was the identity.
      starts = Array.from({ length: folded.length }, (_, k) => k);
      ends = starts.map((k) => k + 1);
    }
    if (starts !== null && ends !== null) {
      for (let k = 0; k < f.length; k++) {
        starts.push(i);
        ends.push(i + ch.length);
      }
    }
    folded += f;
    i += ch.length;
  }
  const converted = hasTraditional(folded) ? simplified(folded) : folded;
  if (starts === null || ends === null) return { text: converted, ...SAME_OFFSETS };
  const [s, e] = [starts, ends]; // the closures keep the narrowed (non-null) arrays
  return { text: converted, start: (k) => s[k], end: (k) => e[k] };
}

export function fold(text: string): string {
  return foldWithOffsets(text).text;
}
