import { boundedMemo } from '../../shared/bounded-memo';
import { foldWithOffsets } from './normalize';
import { pinyinTerms } from './pinyin-terms';
import { cutForSearch } from './segmenter';
import { ALNUM_RUN, HAN, HAN_RUN, mixedParts } from './tokens';

/** What a search matched, in folded form: whole terms and (for the word being typed) prefixes. */
export interface HighlightTerms {
  readonly terms: ReadonlySet<string>;
  readonly prefixes: readonly string[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const SPECIAL = /[&<>"']/;

export function escapeHtml(text: string): string {
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c]) : text;
}

type Range = [number, number];

function latinMatches(token: string, match: HighlightTerms): boolean {
  return match.terms.has(token) || match.prefixes.some((p) => token.startsWith(p));
}

/** What highlighting needs of a search's terms, worked out once per HighlightTerms object. */
interface Matcher {
  /** Names this matcher in the shared memo's keys. */
  readonly id: number;
  /** The Chinese terms, found in the text as substrings. */
  readonly han: readonly string[];
  /** Only letters can match a pinyin spelling (baojun, bj): a query of codes (12v, gl8) never does. */
  readonly pinyin: boolean;
}

const matchers = new WeakMap<HighlightTerms, Matcher>();
let matchersMade = 0;

/**
 * Tokens and Chinese runs of short fields (titles, subtitles) already looked at, per matcher → the
 * ranges inside them that match. Titles repeat theirs (2020, led, h6, 适用于): one memo for every
 * search, within a bound. Never bodies': a token cut from a text keeps the whole text alive as
 * long as it is a key, and a body's tokens seldom come again.
 */
const rangesSeen = boundedMemo<readonly Range[]>(20_000);
/** Longer tokens are not remembered (part numbers, VINs: they seldom repeat). */
const REMEMBERED_LENGTH = 24;

function remembered(key: string | null, find: () => Range[]): readonly Range[] {
  return key === null ? find() : rangesSeen(key, find);
}

function matcherOf(match: HighlightTerms): Matcher {
  let m = matchers.get(match);
  if (!m) {
    const letters = (t: string) => /^[a-z]+$/.test(t);
    m = {
      id: ++matchersMade,
      han: [...match.terms].filter((t) => HAN.test(t)),
      pinyin: [...match.terms].some(letters) || match.prefixes.some(letters),
    };
    matchers.set(match, m);
  }
  return m;
}

/** Where a Chinese run's words match the query as pinyin (宝骏 for baojun or bj). */
function pinyinRanges(m: Matcher, match: HighlightTerms, run: string): readonly Range[] {
  return remembered(run.length <= REMEMBERED_LENGTH ? `${m.id}\u0000h${run}` : null, () => {
    const found: Range[] = [];
    for (const { word, pinyin } of spelledWords(run)) {
      if (!pinyin.some((p) => latinMatches(p, match))) continue;
      for (let at = run.indexOf(word); at >= 0; at = run.indexOf(word, at + 1)) found.push([at, at + word.length]);
    }
    return found;
  });
}

/** Where a letter-and-digit token of the text matches: whole, or in its parts (12v in 12v24v, h6 in h6hev). */
function tokenRanges(m: Matcher, match: HighlightTerms, token: string, memo: boolean): readonly Range[] {
  return remembered(memo && token.length <= REMEMBERED_LENGTH ? `${m.id}\u0000l${token}` : null, () => {
    if (latinMatches(token, match)) return [[0, token.length]];
    const found: Range[] = [];
    for (const part of mixedParts(token)) {
      if (!latinMatches(part, match)) continue;
      const inner = token.indexOf(part);
      if (inner >= 0) found.push([inner, inner + part.length]);
    }
    return found;
  });
}

/** A Chinese run's words (search mode) with their pinyin forms. */
type SpelledWords = readonly { readonly word: string; readonly pinyin: readonly string[] }[];

const spelledRuns = boundedMemo<SpelledWords>(20_000);

/**
 * Segmenting and spelling a run is the dearest part of highlighting a pinyin query, and titles
 * repeat their runs (适用于, 宝骏730, 后尾灯总成): each run is done once, within a bound.
 */
function spelledWords(run: string): SpelledWords {
  return spelledRuns(run, () => [...new Set(cutForSearch(run))].map((word) => ({ word, pinyin: pinyinTerms(word) })));
}

/** Ranges [start, end) of the folded text that the search matched. */
function foldedRanges(folded: string, match: HighlightTerms, withPinyin: boolean, memo: boolean): Range[] {
  const ranges: Range[] = [];
  const matcher = matcherOf(match);
  for (const term of matcher.han) {
    for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + 1)) ranges.push([at, at + term.length]);
  }
  for (const m of folded.matchAll(ALNUM_RUN)) {
    const at = m.index ?? 0;
    for (const [s, e] of tokenRanges(matcher, match, m[0], memo)) ranges.push([at + s, at + e]);
  }
  if (ranges.length === 0 && !(withPinyin && matcher.pinyin)) return ranges;
  if (withPinyin && matcher.pinyin) {
    for (const run of folded.matchAll(HAN_RUN)) {
      const base = run.index ?? 0;
      for (const [s, e] of pinyinRanges(matcher, match, run[0])) ranges.push([base + s, base + e]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

export interface HighlightOptions {
  /** Crop to about this many characters around the first match (bodies). */
  readonly crop?: number;
  /** Match pinyin queries against Chinese words (short fields only: it segments the text). */
  readonly pinyin?: boolean;
}

/**
 * HTML-escaped `text` with `<mark>` around what the search matched, and nothing else: every other
 * character is escaped, so a title holding `<script>` comes out inert.
 */
export function highlight(text: string, match: HighlightTerms, options: HighlightOptions = {}): string {
  const folded = foldWithOffsets(text);
  // Cropped text is a body: nothing of it is remembered (see rangesSeen).
  const marks: Range[] = foldedRanges(folded.text, match, options.pinyin ?? true, options.crop === undefined).map(([s, e]) => [folded.start(s), folded.end(e - 1)]);
  let from = 0;
  let to = text.length;
  if (options.crop && text.length > options.crop) {
    const anchor = marks.length > 0 ? marks[0][0] : 0;
    from = Math.max(0, anchor - Math.floor(options.crop / 4));
    to = Math.min(text.length, from + options.crop);
    from = Math.max(0, Math.min(from, to - options.crop));
    // Never split a surrogate pair at the edges.
    if (from > 0 && /[\uDC00-\uDFFF]/.test(text[from])) from--;
    if (to < text.length && /[\uDC00-\uDFFF]/.test(text[to])) to++;
  }
  let html = from > 0 ? '…' : '';
  let at = from;
  for (const [s0, e0] of marks) {
    const s = Math.max(s0, from);
    const e = Math.min(e0, to);
    if (e <= s || s < at) continue;
    html += escapeHtml(text.slice(at, s)) + '<mark>' + escapeHtml(text.slice(s, e)) + '</mark>';
    at = e;
  }
  html += escapeHtml(text.slice(at, to));
  if (to < text.length) html += '…';
  return html;
}

/** Plain crop without marks, escaped. */
export function crop(text: string, length: number): string {
  return highlight(text, { terms: new Set(), prefixes: [] }, { crop: length, pinyin: false });
}
