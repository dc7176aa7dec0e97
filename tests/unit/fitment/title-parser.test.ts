import { parseTitle } from '../../../src/fitment';
import type { ParsedFitment } from '../../../src/fitment';
import { HELD_OUT_CASES } from '../../fixtures/fitment/held-out-cases';
import { SEED_CASES, TITLE_CASES, type TitleCase } from '../../fixtures/fitment/title-cases';

function vehicleKeys(p: ParsedFitment): string[] {
  return p.vehicles.map((v) => `${v.make}|${v.model}|${v.yearFrom ?? '-'}|${v.yearTo ?? '-'}`);
}

function summary(p: ParsedFitment): { vehicles: string[]; position: string | null; universal: boolean } {
  return { vehicles: vehicleKeys(p), position: p.position, universal: p.universal };
}

function expected(c: TitleCase): { vehicles: string[]; position: string | null; universal: boolean } {
  return { vehicles: [...c.vehicles], position: c.position ?? null, universal: c.universal ?? false };
}

describe('parseTitle on the seed listings', () => {
  it.each(SEED_CASES.map((c) => [c.title, c]))('when the title is %s, then the fitment is as a reader takes it', (_t, c) => {
    expect(summary(parseTitle(c.title))).toEqual(expected(c));
  });

  it('when the title is the 12v24v charger, then the kind is spec with both voltages', () => {
    const p = parseTitle(SEED_CASES[3].title);
    expect(p.kind).toBe('spec');
    expect(p.specs.voltages).toEqual([12, 24]);
  });

  it('when the title is the generic decal, then the kind is unknown rather than universal', () => {
    expect(parseTitle(SEED_CASES[4].title).kind).toBe('unknown');
  });
});

describe('parseTitle on hand-written listings', () => {
  it.each(TITLE_CASES.map((c) => [c.title, c]))('when the title is "%s", then vehicles, position and universal match', (_t, c) => {
    expect(summary(parseTitle(c.title))).toEqual(expected(c));
  });
});

describe('parseTitle details', () => {
  it('when a generation is named, then it is reported and never read as a year', () => {
    const p = parseTitle('十代思域前唇');
    expect(p.vehicles).toEqual([{ make: '本田', model: '思域', yearFrom: 2016, yearTo: 2021, generation: 10 }]);
    expect(parseTitle('轩逸14代 脚垫').vehicles[0].yearFrom).not.toBe(2014);
  });

  it('when a title says a make fits entirely, then the make is listed as make-wide with the kind vehicle', () => {
    const p = parseTitle('适用于大众 本田 丰田 车系通用 钥匙包');
    expect(p.makeWide).toEqual(['大众', '本田', '丰田']);
    expect(p.kind).toBe('vehicle');
  });

  it('when the side and the end are both given, then position is the side and placement keeps both', () => {
    const p = parseTitle('适用于哈弗H6 右后尾灯');
    expect(p.position).toBe('右');
    expect(p.placement).toEqual({ end: '后', side: '右' });
  });

  it('when a two-digit year is above the pivot, then it is read as 19xx', () => {
    expect(vehicleKeys(parseTitle('适用于98款大众捷达 门把手'))).toEqual(['大众|捷达|1998|1998']);
  });

  it('when a year is written with a newer-model marker, then it is not taken as fitment', () => {
    expect(parseTitle('2023年新款 思域 脚垫').vehicles).toEqual([{ make: '本田', model: '思域', yearFrom: null, yearTo: null }]);
  });

  it('when an open-ended year contradicts production years, then the range stays ordered and open', () => {
    expect(vehicleKeys(parseTitle('宝骏730 25款以后 脚垫'))).toEqual(['宝骏|730|2025|-']);
    expect(vehicleKeys(parseTitle('宝骏730 10款以前 脚垫'))).toEqual(['宝骏|730|-|2010']);
  });

  it('when siblings are written as a suffix, then each named model is listed but a seat count is not', () => {
    expect(vehicleKeys(parseTitle('五菱宏光S1 S3 V 前杠'))).toEqual(['五菱|宏光S1|-|-', '五菱|宏光S3|-|-', '五菱|宏光V|-|-']);
    expect(vehicleKeys(parseTitle('奇瑞瑞虎8 7座 座套'))).toEqual(['奇瑞|瑞虎8|-|-']);
  });

  it('when the same model is listed with adjacent year ranges, then they merge into one span', () => {
    expect(vehicleKeys(parseTitle('16款17款18款 思域 脚垫'))).toEqual(['本田|思域|2016|2018']);
    expect(vehicleKeys(parseTitle('本田思域十代十一代 脚垫'))).toEqual(['本田|思域|2016|2021', '本田|思域|2022|-']);
  });

  it('when the input is not a string at all, then the result is empty rather than an exception', () => {
    expect(parseTitle(undefined as unknown as string).kind).toBe('unknown');
    expect(parseTitle(42 as unknown as string).vehicles).toEqual([]);
  });

  it('when the title is 2,000 characters of listing text, then it still parses every model in it', () => {
    const long = '适用于宝骏730后尾灯总成14-21款'.repeat(100).slice(0, 2000);
    const p = parseTitle(long);
    expect(vehicleKeys(p)).toEqual(['宝骏|730|2014|2021']);
  });
});

describe('parseTitle on held-out titles', () => {
  it('when titles the parser was not tuned on are parsed, then at least 80% come out exactly right', () => {
    const misses = HELD_OUT_CASES.filter((c) => JSON.stringify(summary(parseTitle(c.title))) !== JSON.stringify(expected(c)));
    const accuracy = (HELD_OUT_CASES.length - misses.length) / HELD_OUT_CASES.length;
    expect({ accuracy: accuracy >= 0.8, misses: misses.map((m) => m.title) }).toEqual({ accuracy: true, misses: expect.any(Array) });
  });
});
