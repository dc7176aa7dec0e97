import * as OpenCC from 'opencc-js/t2cn';
import { fold, foldWithOffsets } from '../../../src/search/text';
import { TRADITIONAL_CHARS } from '../../../src/search/text/normalize';

/** The original text each folded unit came from, per the offset map. */
function sources(text: string): string[] {
  const f = foldWithOffsets(text);
  return Array.from({ length: f.text.length }, (_, i) => text.slice(f.start(i), f.end(i)));
}

describe('folding', () => {
  it('when a character is not among those a traditional → simplified rule changes, then OpenCC leaves it as it is (so text without any skips the converter)', () => {
    const convert = OpenCC.Converter({ from: 't', to: 'cn' });
    const changed: string[] = [];
    // CJK Extension A, the Unified Ideographs, the compatibility ideographs and Extension B.
    for (const [from, to] of [[0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff], [0x20000, 0x2a6df]]) {
      for (let c = from; c <= to; c++) {
        const ch = String.fromCodePoint(c);
        if (!TRADITIONAL_CHARS.has(ch) && convert(ch) !== ch) changed.push(ch);
      }
    }
    expect(changed).toEqual([]);
    expect(TRADITIONAL_CHARS.has('燈')).toBe(true);
    expect(TRADITIONAL_CHARS.has('灯')).toBe(false);
  });

  it('when a phrase rule changes a character that is simplified on its own, then the text is still converted', () => {
    // 一坏 → 一坯 is a phrase rule: 坏 alone is already simplified.
    expect(fold('一坏')).toBe(OpenCC.Converter({ from: 't', to: 'cn' })('一坏'));
    expect(fold('尾燈總成 寶駿')).toBe('尾灯总成 宝骏');
  });

  it('when every character folds to one of the same length, then each folded unit maps back to its own character', () => {
    const text = '適用寶駿730 ＬＥＤ尾燈，Café';
    expect(fold(text)).toBe('适用宝骏730 led尾灯,cafe');
    expect(sources(text)).toEqual(Array.from(text));
  });

  it('when a character folds to several (㎏ → kg, ﬁ → fi) or is a surrogate pair, then the units map back to the character that gave them', () => {
    const text = '5㎏ 𠮷ﬁlter';
    expect(fold(text)).toBe('5kg 𠮷filter');
    expect(sources(text)).toEqual(['5', '㎏', '㎏', ' ', '𠮷', '𠮷', 'ﬁ', 'ﬁ', 'l', 't', 'e', 'r']);
    // Two units folding to two others (🄀 → "0."): each maps to the whole character, alone or first.
    expect(fold('🄀')).toBe('0.');
    expect(sources('🄀')).toEqual(['🄀', '🄀']);
    expect(sources('🄀 ㎏')).toEqual(['🄀', '🄀', ' ', '㎏', '㎏']);
  });
});
