import { HAN_RUN } from './tokens';

/**
 * Model and spec codes (CR-V, DM-i, RS-5, e:NS1, Model 3, CS75 PLUS, 12V) are words in their own right:
 * shoppers type them with or without the hyphen, colon or space. Both sides fold them the same way, so
 * crv = cr-v = CR-V, ens1 = e:NS1 and model3 = Model 3, while a number range such as 14-21 (or a
 * time, 12:30) stays two numbers.
 */
const HYPHENATED = /(?<![a-z0-9])[a-z0-9]+(?:[-:][a-z0-9]+)+(?![a-z0-9])/g;

/** Joins hyphenated Latin codes (cr-v → crv, e:ns1 → ens1); ranges of bare numbers are left alone. */
export function joinHyphenatedCodes(folded: string): string {
  return folded.replace(HYPHENATED, (m) => (/[a-z]/.test(m) ? m.replace(/[-:]/g, '') : m));
}

const TRAILING_RUN = /[a-z0-9]+$/;
const LEADING_RUN = /^[a-z0-9]+/;

/**
 * True when a cut between two Latin/number runs falls inside one model code: letters meet digits
 * (310|w, 宏光s|1), digits meet digits, or one side is a lone letter. Two letter words (plus|led)
 * are two words that were simply typed together.
 */
function cutsCode(before: string, after: string): boolean {
  if (!before || !after) return false;
  const a = before.slice(-1);
  const b = after.charAt(0);
  const letters = /[a-z]/.test(a) && /[a-z]/.test(b);
  return !letters || before.length === 1 || after.length === 1;
}

/**
 * The segmenter's dictionary holds model names such as 宝骏310 and 宏光s, so it cuts 宝骏310w into
 * 宝骏310|w and 宏光s1 into 宏光s|1. A model code is a whole word (310 is not 310w, 宏光s is not
 * 宏光s1): neighbouring tokens that split one code are joined again.
 */
export function joinSplitCodes(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    const prev = out[out.length - 1];
    if (prev !== undefined && cutsCode(TRAILING_RUN.exec(prev)?.[0] ?? '', LEADING_RUN.exec(t)?.[0] ?? '')) out[out.length - 1] = prev + t;
    else out.push(t);
  }
  return out;
}

/**
 * True when `token` occurs in `text` somewhere without cutting a code at either end: search-mode
 * tokens such as 宝骏310 inside 宝骏310w are not words of that text.
 */
export function occursWhole(text: string, token: string): boolean {
  const head = LEADING_RUN.exec(token)?.[0] ?? '';
  const tail = TRAILING_RUN.exec(token)?.[0] ?? '';
  if (!head && !tail) return true;
  for (let at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
    const before = TRAILING_RUN.exec(text.slice(Math.max(0, at - 16), at))?.[0] ?? '';
    const after = LEADING_RUN.exec(text.slice(at + token.length, at + token.length + 16))?.[0] ?? '';
    if (!cutsCode(before, head) && !cutsCode(tail, after)) return true;
  }
  return false;
}

const CODE_PAIR = /([a-z0-9]+)\s+(?=([a-z0-9]+))/g;
const MAX_CODE = 16;

/**
 * Concatenations of neighbouring Latin/number words separated by spaces (model 3 → model3,
 * cs75 plus → cs75plus, bao jun → baojun), as Meilisearch concatenates neighbouring query words.
 */
export function spacedCodes(folded: string): string[] {
  const out: string[] = [];
  for (const m of folded.matchAll(CODE_PAIR)) {
    const joined = m[1] + m[2];
    if (joined.length <= MAX_CODE) out.push(joined);
  }
  return out;
}

const HAN_THEN_CODE = /(\p{Script=Han}+)([a-z0-9]+)/gu;

/**
 * A Chinese model name carrying a letter or number (宏光S, 哈弗H6, 宝骏730) as one unit, so 宏光s is
 * distinct from 宏光mini. `lastWord` gives the word of the Han run that the code belongs to.
 */
export function hanCodeCompounds(folded: string, lastWord: (han: string) => string): string[] {
  const out: string[] = [];
  for (const m of folded.matchAll(HAN_THEN_CODE)) {
    if (m[2].length > MAX_CODE) continue;
    out.push(lastWord(m[1]) + m[2]);
  }
  return out;
}

/** Splits a mixed query word into its Han words' text and its trailing code: 哈弗h6 → [哈弗, h6]. */
export function splitHanCode(word: string): { han: string; code: string } | null {
  const m = /^(\p{Script=Han}+)([a-z0-9]+)$/u.exec(word);
  return m ? { han: m[1], code: m[2] } : null;
}

export { HAN_RUN };
