import { fold } from './normalize';
import { pinyinTerms } from './pinyin-terms';
import { cutForSearch, cutWords } from './segmenter';
import { hanCodeCompounds, joinHyphenatedCodes, joinSplitCodes, occursWhole, spacedCodes } from './codes';
import { ALNUM_RUN, DIGITS_ONLY, HAN_RUN, isWordToken, mixedParts, wordKind, type WordKind } from './tokens';

/** Chinese words this long or shorter also get the pinyin of themselves joined with their neighbour. */
const MAX_PINYIN_PAIR = 8;

function lastWord(han: string): string {
  const ws = cutWords(han);
  return ws[ws.length - 1] ?? han;
}

/** A code of Latin letters around a single number (310w, h6, bz4x); 12v24v has two numbers. */
function isOneNumberCode(token: string): boolean {
  return /[a-z]/.test(token) && (token.match(/\d+/g) ?? []).length === 1;
}

/**
 * `rich` fields (title, subtitle, vehicle, category) also get CJK unigrams and bigrams, so any
 * substring is findable (尾灯 in 后尾灯, a lone 尾), and pinyin. `plain` fields (long bodies) get words
 * only, which keeps the index small; jieba's search mode still yields the words inside words.
 */
export type FieldMode = 'rich' | 'plain';

/** Index terms of one field's text; the same folding and segmentation as queries. */
export function indexTerms(text: string, mode: FieldMode): Set<string> {
  const terms = new Set<string>();
  if (!text) return terms;
  const plain = fold(text);
  const folded = joinHyphenatedCodes(plain);
  for (const token of cutForSearch(folded)) {
    if (!isWordToken(token) || !occursWhole(folded, token)) continue;
    terms.add(token);
    // A lone letter split off a code (the s of 宏光s318) would let 宏光s match 宏光S3: letters stay with their code.
    // Nor does the number of a one-number Latin code stand alone: 310 must not find 310w, nor 6 h6.
    if (wordKind(token) === 'mixed') for (const p of mixedParts(token)) if (!/^[a-z]$/.test(p) && !(DIGITS_ONLY.test(p) && isOneNumberCode(token))) terms.add(p);
  }
  // Codes stay whole (h6 in 哈弗h6, the parts cr and v of cr-v as well as crv).
  for (const code of plain.match(ALNUM_RUN) ?? []) terms.add(code);
  for (const code of folded.match(ALNUM_RUN) ?? []) terms.add(code);
  if (mode === 'rich') {
    for (const code of spacedCodes(folded)) terms.add(code);
    for (const unit of hanCodeCompounds(folded, lastWord)) {
      terms.add(unit);
      // bj730, baojun730: the model written in pinyin, as shoppers type it.
      const split = /^(\p{Script=Han}+)(.+)$/u.exec(unit);
      if (split) for (const p of pinyinTerms(split[1])) terms.add(p + split[2]);
    }
    for (const run of folded.match(HAN_RUN) ?? []) {
      const chars = Array.from(run);
      for (let i = 0; i < chars.length; i++) {
        terms.add(chars[i]);
        if (i + 1 < chars.length) terms.add(chars[i] + chars[i + 1]);
      }
    }
    for (const token of cutForSearch(folded)) {
      for (const han of token.match(HAN_RUN) ?? []) for (const p of pinyinTerms(han)) terms.add(p);
    }
    // Pinyin across two neighbouring words: run-on spellings and initials (五菱宏光 → wulinghongguang, wlhg).
    for (const run of folded.match(HAN_RUN) ?? []) {
      const ws = cutWords(run);
      for (let i = 0; i + 1 < ws.length; i++) {
        const pair = ws[i] + ws[i + 1];
        if (Array.from(pair).length <= MAX_PINYIN_PAIR) for (const p of pinyinTerms(pair)) terms.add(p);
      }
    }
  }
  return terms;
}

export interface QueryWord {
  /** Folded word as typed (after segmentation). */
  readonly text: string;
  readonly kind: WordKind;
  /** For mixed words: parts that together also match (12v24v → 12v, 24v). */
  readonly parts: readonly string[];
}

export interface AnalyzedQuery {
  readonly words: readonly QueryWord[];
  /** The last word may still be being typed: no separator after it. */
  readonly lastIsPrefix: boolean;
}

/** Meilisearch also ignores query words past the tenth. */
export const MAX_QUERY_WORDS = 10;
const MAX_QUERY_CHARS = 256;

/** Query words: folded and segmented like the index; anything that is not a letter or digit is a separator. */
export function analyzeQuery(q: string, maxWords = MAX_QUERY_WORDS): AnalyzedQuery {
  const folded = joinHyphenatedCodes(fold(q.slice(0, MAX_QUERY_CHARS)));
  const words: QueryWord[] = [];
  for (const token of joinSplitCodes(cutWords(folded))) {
    if (!isWordToken(token)) continue;
    const kind = wordKind(token);
    words.push({ text: token, kind, parts: kind === 'mixed' ? mixedParts(token) : [] });
    if (words.length === maxWords) break;
  }
  const lastIsPrefix = words.length > 0 && /[\p{L}\p{N}]$/u.test(folded);
  return { words, lastIsPrefix };
}

/** Folded words of a short text (synonyms, vehicle names), in order. */
export function words(text: string): string[] {
  return joinSplitCodes(cutWords(fold(text))).filter(isWordToken);
}
