/** Classification of folded text, shared by the analyzer and the highlighter. */
export const HAN = /\p{Script=Han}/u;
export const HAN_RUN = /\p{Script=Han}+/gu;
/** Letters and digits of every script but Han: Latin words, numbers, model codes (12v, rs-3 → rs, 3). */
export const ALNUM_RUN = /(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;
export const LETTERS_ONLY = /^\p{L}+$/u;
export const DIGITS_ONLY = /^\p{N}+$/u;

export type WordKind = 'han' | 'letters' | 'digits' | 'mixed';

export function wordKind(word: string): WordKind {
  let han = false;
  let letter = false;
  let digit = false;
  for (const ch of word) {
    if (HAN.test(ch)) han = true;
    else if (/\p{N}/u.test(ch)) digit = true;
    else letter = true;
  }
  if (han && !letter && !digit) return 'han';
  if (!han && letter && !digit) return 'letters';
  if (!han && !letter && digit) return 'digits';
  return 'mixed';
}

/** True for a jieba token that carries meaning (not whitespace or punctuation). */
export function isWordToken(token: string): boolean {
  return /^[\p{L}\p{N}]+$/u.test(token);
}

/**
 * Parts of a word mixing scripts or letters and digits, so `12v24v` is found by 12v, 24v, 12 and 24,
 * and 宏光s by 宏光. Number+unit pairs stay together (12v) because that is how people type them.
 */
export function mixedParts(word: string): string[] {
  const runs = word.match(/\p{Script=Han}+|\p{N}+|[^\p{Script=Han}\p{N}]+/gu) ?? [];
  const parts = new Set<string>(runs);
  for (let i = 0; i + 1 < runs.length; i++) {
    if (DIGITS_ONLY.test(runs[i]) && LETTERS_ONLY.test(runs[i + 1]) && !HAN.test(runs[i + 1])) parts.add(runs[i] + runs[i + 1]);
  }
  parts.delete(word);
  return [...parts];
}

/**
 * Index terms a typed prefix is completed to (the query plan's last word): every term that does not
 * start with a Han character, except bare numbers (document numbers, years and prices would be most
 * of them; a number is still completed by FTS5's own prefix scan).
 */
export function isPrefixTerm(term: string): boolean {
  return term.length > 0 && !HAN.test(String.fromCodePoint(term.codePointAt(0) as number)) && !DIGITS_ONLY.test(term);
}
