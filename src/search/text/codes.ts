import { HAN_RUN } from './tokens';

/**
 * Model and spec codes (CR-V, DM-i, RS-5, Model 3, CS75 PLUS, 12V) are words in their own right:
 * shoppers type them with or without the hyphen or space. Both sides fold them the same way, so
 * crv = cr-v = CR-V and model3 = Model 3, while a number range such as 14-21 stays two numbers.
 */
const HYPHENATED = /(?<![a-z0-9])[a-z0-9]+(?:-[a-z0-9]+)+(?![a-z0-9])/g;

/** Joins hyphenated Latin codes (cr-v → crv); ranges of bare numbers are left alone. */
export function joinHyphenatedCodes(folded: string): string {
  return folded.replace(HYPHENATED, (m) => (/[a-z]/.test(m) ? m.replace(/-/g, '') : m));
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
