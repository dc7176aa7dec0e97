import { pinyin } from 'pinyin-pro';
import { boundedMemo } from '../../shared/bounded-memo';

const HAN_ONLY = /^\p{Script=Han}+$/u;
const remembered = boundedMemo<readonly string[]>(50_000);

/**
 * Pinyin forms of one Chinese word: the full spelling without tones (宝骏 → baojun) and, for words of
 * two characters or more, the initials (bj). Single characters get no initials: "b" would match half
 * the catalogue. ü is written v, as on a pinyin keyboard.
 */
export function pinyinTerms(word: string): readonly string[] {
  if (!HAN_ONLY.test(word)) return [];
  return remembered(word, () => {
    const syllables = pinyin(word, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase());
    const full = syllables.join('');
    return word.length >= 2 ? [full, syllables.map((s) => s[0]).join('')] : [full];
  });
}
