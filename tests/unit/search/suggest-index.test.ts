import { compact, markTyped, pinyinKeys, PrefixIndex } from '../../../src/search/suggest/prefix-index';
import { buildVocabulary, partWords, vehicleText } from '../../../src/search/suggest/suggester';

describe('suggest prefix index', () => {
  const index = new PrefixIndex([
    { text: '外观改装', aliases: ['Exterior Styling'], weight: 50, payload: 'exterior' },
    { text: '特斯拉', aliases: ['Tesla'], weight: 10, payload: 'tesla' },
    { text: '尾灯', aliases: ['Tail Lights'], weight: 30, payload: 'tail' },
    { text: '宝骏730 尾灯', weight: 5, payload: 'pair' },
  ]);
  const found = (q: string) => index.match(q, 10).map((m) => m.item.payload);

  it('when "te" is typed, then pinyin finds 特斯拉 and the English "Exterior" is not matched inside the word', () => {
    expect(found('te')).toEqual(['tesla']);
    expect(found('ext')).toEqual(['exterior']);
    expect(found('styl')).toEqual(['exterior']);
  });

  it('when Chinese is typed, then prefixes come before words found inside a phrase', () => {
    expect(index.match('尾', 10).map((m) => [m.item.payload, m.tier])).toEqual([['tail', 0], ['pair', 2]]);
    expect(found('宝骏7')).toEqual(['pair']);
    expect(found('bj730')).toEqual(['pair']);
  });

  it('when separators differ, then the same entries are found', () => {
    expect(compact('CR-V  Plus·2')).toBe('crvplus2');
    expect(pinyinKeys('宝骏730')).toEqual({ full: 'baojun730', initials: 'bj730' });
    expect(found('tail light')).toEqual(['tail']);
  });

  it('when the typed text is marked, then only escaped text and marks come out', () => {
    expect(markTyped('宝骏730 尾灯', '730')).toBe('宝骏<mark>730</mark> 尾灯');
    expect(markTyped('<b>尾灯</b>', '尾')).toBe('&lt;b&gt;<mark>尾</mark>灯&lt;/b&gt;');
    expect(markTyped('宝骏', 'bao')).toBe('宝骏');
  });

  it('when the vocabulary is built, then empty entries are left out and vehicle names read naturally', () => {
    expect(vehicleText('宝骏', '730')).toBe('宝骏730');
    expect(vehicleText('Jeep', 'Wrangler')).toBe('Jeep Wrangler');
    expect(vehicleText('哈弗', '哈弗H6')).toBe('哈弗H6');
    expect(partWords('门槛条/踏板')).toEqual(['门槛条', '踏板']);
    const vocab = buildVocabulary({
      makes: [{ name: '宝骏', aliases: ['Baojun'], products: 3 }, { name: '宝马', aliases: ['BMW'], products: 0 }],
      models: [],
      categories: [{ slug: 'maintenance', name: '保养养护', nameEn: 'Maintenance', products: 8 }],
      pairs: [],
      queries: [],
    });
    expect(vocab.completions.match('bao', 5).map((m) => m.item.text)).toEqual(['宝骏', '保养养护']);
    expect(vocab.categories.match('main', 5).map((m) => m.item.payload.slug)).toEqual(['maintenance']);
  });
});
