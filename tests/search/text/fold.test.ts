import * as OpenCC from 'opencc-js/t2cn';
import { fold, foldWithOffsets } from '../../../src/search/text';
import { foldByCharacter, TRADITIONAL_CHARS } from '../../../src/search/text/normalize';

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

  it('when text takes a quick path (ASCII and ideographs only, or characters folding unit for unit), then it folds exactly as the character walk does', () => {
    // Seeded pseudo-random texts from pools that reach every path: upper and lower ASCII, simplified and
    // traditional ideographs, full-width forms, accented letters, CJK punctuation, ligatures, surrogate pairs.
    const pools = ['AbcXYZ 12v-', '灯尾宝骏汽车', '燈寶駿車總', 'ＬＥＤ１２，。', 'éÀü', '、「」・', 'ﬁ㎏', '𠮷🄀'];
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const texts: string[] = ['', '一坏', 'LED 宝骏730 尾灯'];
    for (let n = 0; n < 3000; n++) {
      const allowed = pools.filter((_, i) => (n >> i) & 1 || i < 2);
      let text = '';
      for (let k = next() % 24; k > 0; k--) {
        const pool = Array.from(allowed[next() % allowed.length]);
        text += pool[next() % pool.length];
      }
      texts.push(text);
    }
    const differing = texts.filter((t) => {
      const quick = foldWithOffsets(t);
      const walk = foldByCharacter(t);
      return quick.text !== walk.text || Array.from(quick.text, (_, i) => `${quick.start(i)}:${quick.end(i)}`).join() !== Array.from(walk.text, (_, i) => `${walk.start(i)}:${walk.end(i)}`).join();
    });
    expect(differing).toEqual([]);
  });
});
