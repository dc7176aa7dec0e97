import { formatFitment, parseFitmentCell } from '../../../src/catalog-io/fitment-column';
import { escapeParts, parsePrice, plainItems, splitEscaped, listItems } from '../../../src/catalog-io/field-syntax';
import { mapHeader } from '../../../src/catalog-io/columns';

const MAKES = [
  { id: 1, name: '宝骏', models: [{ id: 10, name: '730' }, { id: 11, name: '560' }, { id: 12, name: 'KiWi EV' }] },
  { id: 2, name: '五菱', models: [{ id: 20, name: '宏光' }, { id: 21, name: '宏光MINI EV' }] },
];

describe('the 适用车型 cell', () => {
  it.each([
    ['宝骏 730 2014-2021 后; 宝骏 560', '宝骏 730 2014-2021 后; 宝骏 560'],
    ['宝骏730 2019-；五菱 宏光MINI EV -2022 左', '宝骏 730 2019-; 五菱 宏光MINI EV -2022 左'],
    ['宝骏 KiWi EV 2021', '宝骏 KiWi EV 2021'],
    ['五菱 宏光 2014-2021后', '五菱 宏光 2014-2021 后'],
    ['宝骏', '宝骏'],
    ['通用', '通用'],
    ['未知', '未知'],
    ['12V/24V', '12V/24V'],
    ['宝骏 560; 24v; 12V', '宝骏 560; 12V/24V'],
  ])('when it says %s, then it reads back as %s', (text, canonical) => {
    const r = parseFitmentCell(text, MAKES);
    if (!r.ok) throw new Error(r.message);
    expect(formatFitment(r.value)).toBe(canonical);
    const again = parseFitmentCell(canonical, MAKES);
    expect(again.ok && formatFitment(again.value)).toBe(canonical);
  });

  it('when the longest model name matches, then the longer one wins (宏光MINI EV is not 宏光)', () => {
    const r = parseFitmentCell('五菱 宏光MINI EV', MAKES);
    expect(r.ok && r.value.kind === 'stated' && r.value.vehicles[0].modelId).toBe(21);
  });

  it.each([
    ['火星 X1', /未知品牌/],
    ['宝骏 999', /宝骏没有这个车型/],
    ['宝骏 730 2021-2014', /起始年份晚于结束年份/],
    ['宝骏 730 1890', /年份超出范围/],
    ['宝骏 730 2014-2021 上面', /无法识别/],
    ['通用; 宝骏 730', /只能单独使用/],
  ])('when it says %s, then it is refused with a reason', (text, reason) => {
    const r = parseFitmentCell(text, MAKES);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(reason);
  });
});

describe('list cells and prices', () => {
  it('when a part holds a separator or a backslash, then escaping round-trips it through a nested split', () => {
    const parts = ['尺寸', '10:20;30\\40'];
    const cell = escapeParts(parts, ':：;；').join(':');
    expect(listItems(`${cell};颜色:红`, ';；').map((i) => splitEscaped(i, ':：'))).toEqual([parts, ['颜色', '红']]);
    expect(plainItems('a\\,b，c、 ,d', ',，、')).toEqual(['a,b', 'c', 'd']);
  });

  it.each([['168', 16800], ['¥1,280.50', 128050], ['￥ 9.9', 990], ['0', 0], ['1.234', null], ['-5', null], ['十块', null], ['1e3', null]])('when the price cell is %s, then it is %s fen', (text, fen) => {
    expect(parsePrice(text)).toBe(fen);
  });

  it('when headers mix languages, repeat or are unknown, then known ones map, repeats and unknown ones are reported', () => {
    const h = mapHeader(['\uFEFF商家编码', 'Title', '价格', '价格', '备注', '']);
    expect(h.positions).toEqual(['sku', 'title', 'price', null, null, null]);
    expect(h.unknown).toEqual(['价格', '备注']);
    expect(h.missing).toEqual([]);
    expect(mapHeader(['sku']).missing).toEqual(['title', 'price']);
  });
});
