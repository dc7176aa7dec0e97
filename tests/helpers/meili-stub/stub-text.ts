import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

/**
 * Tokenisation close to Meilisearch's charabia: Latin words split on whitespace and punctuation,
 * script changes split words ("LED尾灯" → led, 尾灯), Chinese runs segmented with jieba (charabia
 * uses jieba for Chinese too), user `dictionary` words kept whole, NFKC + lowercase + no accents.
 */

export interface Token {
  readonly norm: string;
  /** Offsets in the original string (UTF-16 units). */
  readonly start: number;
  readonly end: number;
  readonly han: boolean;
}

let jieba: Jieba | null = null;
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
}

const WORD = /[\p{Script=Han}]+|[\p{L}\p{N}]+/gu;
const HAN = /\p{Script=Han}/u;

function segmentPlain(text: string, base: number, out: Token[]): void {
  for (const m of text.matchAll(WORD)) {
    const start = base + (m.index ?? 0);
    if (HAN.test(m[0])) {
      let offset = start;
      for (const piece of segmenter().cut(m[0], false)) {
        out.push({ norm: normalize(piece), start: offset, end: offset + piece.length, han: true });
        offset += piece.length;
      }
    } else {
      out.push({ norm: normalize(m[0]), start, end: start + m[0].length, han: false });
    }
  }
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class Tokenizer {
  private readonly dictionaryPattern: RegExp | null;

  constructor(dictionary: readonly string[] = []) {
    const words = [...new Set(dictionary.filter((w) => w.trim() !== ''))].sort((a, b) => b.length - a.length);
    this.dictionaryPattern = words.length ? new RegExp(words.map(escapeRegex).join('|'), 'giu') : null;
  }

  tokenize(text: string): Token[] {
    const out: Token[] = [];
    if (!this.dictionaryPattern) {
      segmentPlain(text, 0, out);
      return out;
    }
    let last = 0;
    for (const m of text.matchAll(this.dictionaryPattern)) {
      const at = m.index ?? 0;
      segmentPlain(text.slice(last, at), last, out);
      out.push({ norm: normalize(m[0]), start: at, end: at + m[0].length, han: HAN.test(m[0]) });
      last = at + m[0].length;
    }
    segmentPlain(text.slice(last), last, out);
    return out;
  }
}

/** Optimal-string-alignment distance (a transposition is one typo, as in Meilisearch), capped. */
export function typoDistance(a: string, b: string, cap: number): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > cap) return cap + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= x.length; i++) rows.push(new Array<number>(y.length + 1).fill(0));
  for (let i = 0; i <= x.length; i++) rows[i][0] = i;
  for (let j = 0; j <= y.length; j++) rows[0][j] = j;
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) v = Math.min(v, rows[i - 2][j - 2] + 1);
      rows[i][j] = v;
    }
  }
  return rows[x.length][y.length];
}

export interface TypoRules {
  readonly enabled: boolean;
  readonly oneTypo: number;
  readonly twoTypos: number;
  readonly disableOnWords: readonly string[];
  readonly disableOnNumbers: boolean;
}

export interface TermMatch {
  readonly typos: number;
  readonly exact: boolean;
  /** Characters of the document token covered by the match (a prefix match covers only the prefix). */
  readonly length: number;
}

/** How a query word matches a document word, or null; prefix only for the query's last word. */
export function matchWord(query: string, token: string, prefix: boolean, han: boolean, rules: TypoRules): TermMatch | null {
  if (query === token) return { typos: 0, exact: true, length: token.length };
  if (prefix && token.startsWith(query)) return { typos: 0, exact: false, length: query.length };
  const size = [...query].length;
  const noTypos =
    han || !rules.enabled || rules.disableOnWords.some((w) => normalize(w) === query) || (rules.disableOnNumbers && /^\d+$/.test(query));
  if (noTypos) return null;
  const allowed = size >= rules.twoTypos ? 2 : size >= rules.oneTypo ? 1 : 0;
  if (allowed === 0) return null;
  const whole = typoDistance(query, token, allowed);
  if (whole <= allowed) return { typos: whole, exact: false, length: token.length };
  if (prefix) {
    // A prefix with typos: compare against the document word's prefixes of nearby lengths.
    for (let len = Math.max(1, size - allowed); len <= size + allowed && len < token.length; len++) {
      const d = typoDistance(query, token.slice(0, len), allowed);
      if (d <= allowed) return { typos: d, exact: false, length: len };
    }
  }
  return null;
}
