import { analyzeQuery, indexTerms, joinHyphenatedCodes, soundalike } from '../../../src/search/text';
import { queryIntent } from '../../../src/search/query-intent';
import { queryAttempts } from '../../../src/search/meilisearch/query-rewrite';

describe('model and spec codes', () => {
  it('when a code is hyphenated, then it is joined, but a number range stays two numbers', () => {
    expect(joinHyphenatedCodes('cr-v dm-i rs-5 14-21款')).toBe('crv dmi rs5 14-21款');
  });

  it('when a title carries codes, then they are whole terms and never single letters of a code', () => {
    const terms = indexTerms('哈弗H6三代中网 特斯拉Model 3 本田CR-V 五菱宏光S318-23款', 'rich');
    for (const t of ['h6', '哈弗h6', 'model3', 'crv', 'cr', 'v']) expect(terms).toContain(t);
    expect(terms).not.toContain('s');
  });

  it('when a Chinese model with a number is indexed, then its pinyin spelling with the number is a term', () => {
    const terms = indexTerms('宝骏730尾灯', 'rich');
    expect(terms).toContain('bj730');
    expect(terms).toContain('baojun730');
  });

  it('when two Chinese words stand together, then their joint pinyin and initials are terms', () => {
    const terms = indexTerms('五菱宏光座套', 'rich');
    expect(terms).toContain('wlhg');
    expect(terms).toContain('wulinghongguang');
  });

  it('when a query has codes, then they stay whole', () => {
    expect(analyzeQuery('gl8 12v 1080P cr-v').words.map((w) => w.text)).toEqual(['gl8', '12v', '1080p', 'crv']);
  });

  it('when a code has a colon, then it joins like a hyphen, but a time stays two numbers', () => {
    expect(joinHyphenatedCodes('e:ns1 12:30')).toBe('ens1 12:30');
    expect(analyzeQuery('本田e:NS1车贴').words.map((w) => w.text)).toEqual(['本田', 'ens1', '车贴']);
    expect(indexTerms('本田e:NS1车贴', 'rich')).toContain('ens1');
  });

  it('when a model code carries a trailing letter or digit, then the shorter model is not a term of it', () => {
    const w = indexTerms('原厂款宝骏310W中网', 'rich');
    for (const t of ['310w', '宝骏310w', 'bj310w']) expect(w).toContain(t);
    for (const t of ['宝骏310', '310']) expect(w).not.toContain(t);
    expect(indexTerms('五菱宏光S1座套', 'rich')).not.toContain('宏光s');
    expect(indexTerms('宝骏310中网', 'rich')).toContain('310');
  });

  it('when a query names a model with a trailing letter or digit, then the code stays one word', () => {
    expect(analyzeQuery('宝骏310W中网').words.map((w) => w.text)).toEqual(['宝骏310w', '中网']);
    expect(analyzeQuery('宏光S1座套').words.map((w) => w.text)).toEqual(['宏光s1', '座套']);
    expect(analyzeQuery('昂科威PLUSLED').words.map((w) => w.text)).toEqual(['昂科威plus', 'led']);
  });

  it('when a short code stands before English part words, then Meilisearch is not sent a joined code', () => {
    expect(queryAttempts('H6 air freshener', new Set())[0]).toBe('h6 air freshener');
    expect(queryAttempts('宋L air freshener', new Set())[0]).toBe('宋l air freshener');
    expect(queryAttempts('特斯拉 model 3 车衣', new Set())[0]).toBe('特斯拉 model3 车衣');
    expect(queryAttempts('本田 cr v', new Set())[0]).toBe('本田 crv');
  });
});

describe('query intent', () => {
  it('when a query names a model year and a vehicle, then the year is context and the vehicle and part are kept', () => {
    const words = analyzeQuery('2020款卡罗拉脚垫', 24).words;
    const intent = queryIntent(words);
    expect(intent.yearFrom).toBe(2020);
    expect(words.filter((_, i) => intent.vehicleWords.has(i)).map((w) => w.text)).toEqual(['卡罗拉']);
    expect(words.filter((_, i) => intent.partWords.has(i)).map((w) => w.text)).toEqual(['脚垫']);
  });

  it('when a year range with 款 is given, then both ends are read', () => {
    const intent = queryIntent(analyzeQuery('哈弗h6 21-23款 中网', 24).words);
    expect([intent.yearFrom, intent.yearTo]).toEqual([2021, 2023]);
  });

  it('when a Chinese model with a code is followed by English words, then only the model is a vehicle word', () => {
    const words = analyzeQuery('宋PLUS air freshener', 24).words;
    const intent = queryIntent(words);
    expect(words.filter((_, i) => intent.vehicleWords.has(i)).map((w) => w.text)).toEqual(['宋plus']);
  });

  it('when a model is named with its make and code, then the make comes from the code only if the Chinese names that make', () => {
    expect([...queryIntent(analyzeQuery('宝骏310 中网', 24).words).makeOf.values()]).toEqual(['宝骏']);
    expect([...queryIntent(analyzeQuery('宏光S 手机支架', 24).words).makeOf.values()]).not.toContain('埃安');
  });

  it('when a model is named without its make, then the make is known for falling back', () => {
    const words = analyzeQuery('model3车衣', 24).words;
    expect([...queryIntent(words).makeOf.values()]).toEqual(['特斯拉']);
  });
});

describe('homophones', () => {
  it.each([['尾登', '尾灯'], ['门坎条', '门槛条'], ['电平', '电瓶'], ['行车记录议', '行车记录仪'], ['香熏', '香薰']])('when %s is typed, then it sounds like %s', (typed, meant) => {
    expect(soundalike(typed)).toBe(meant);
  });

  it('when the word is spelled right or is not Chinese, then there is no correction', () => {
    expect(soundalike('尾灯')).toBeNull();
    expect(soundalike('abc')).toBeNull();
  });
});
