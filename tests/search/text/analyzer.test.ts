import { analyzeQuery, fold, indexTerms, pinyinTerms } from '../../../src/search/text';

describe('text analysis', () => {
  it('when text is full-width, upper-case or traditional, then it folds to half-width lower-case simplified', () => {
    expect(fold('１２Ｖ ＡＢＣ')).toBe('12v abc');
    expect(fold('尾燈總成 寶駿')).toBe('尾灯总成 宝骏');
    expect(fold('Café')).toBe('cafe');
  });

  it('when a title is indexed, then domain words, sub-words, n-grams and pinyin are terms', () => {
    const terms = indexTerms('适用于宝骏730后尾灯总成14-21款', 'rich');
    for (const t of ['宝骏', '730', '尾灯', '总成', '后尾', '尾', 'baojun', 'bj', 'weideng']) expect(terms).toContain(t);
  });

  it('when a word mixes digits and units, then each part is a term', () => {
    const terms = indexTerms('汽车电瓶充电器12v24v伏', 'rich');
    for (const t of ['12v24v', '12v', '24v', '12', '24', '充电', '充电器']) expect(terms).toContain(t);
  });

  it('when a body is indexed plainly, then words are terms but n-grams and pinyin are not', () => {
    const terms = indexTerms('后尾灯总成', 'plain');
    expect(terms).toContain('尾灯');
    expect(terms).not.toContain('weideng');
  });

  it('when a single character word is spelled, then it gets no initials', () => {
    expect(pinyinTerms('灯')).toEqual(['deng']);
    expect(pinyinTerms('宝骏')).toEqual(['baojun', 'bj']);
    expect(pinyinTerms('abc')).toEqual([]);
  });

  it('when a query holds syntax characters and emoji, then only words remain', () => {
    const q = analyzeQuery('"尾灯" -(AND) * 😀 ');
    expect(q.words.map((w) => w.text)).toEqual(['尾灯', 'and']);
    expect(q.lastIsPrefix).toBe(false);
  });

  it('when a query is very long, then at most ten words are kept', () => {
    const q = analyzeQuery('宝骏 '.repeat(100) + 'x'.repeat(200));
    expect(q.words.length).toBe(10);
  });

  it('when the query ends inside a word, then the last word is a prefix', () => {
    expect(analyzeQuery('vladi').lastIsPrefix).toBe(true);
    expect(analyzeQuery('１２ｖ').words[0]).toEqual({ text: '12v', kind: 'mixed', parts: expect.arrayContaining(['12', 'v']) });
  });
});
