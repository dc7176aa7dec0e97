import { parseLines } from '../../../src/cli/fitment-parse';

describe('fitment-parse CLI', () => {
  it('when given titles one per line, then it prints one JSON object per title in the documented shape', () => {
    const out = parseLines('适用于宝骏730后尾灯总成14-21款转向刹车灯后组合灯倒车灯罩改装\n汽车通用型座套\n').map((l) => JSON.parse(l));
    expect(out).toEqual([
      {
        title: '适用于宝骏730后尾灯总成14-21款转向刹车灯后组合灯倒车灯罩改装',
        vehicles: [{ make: '宝骏', model: '730', yearFrom: 2014, yearTo: 2021 }],
        position: '后',
        universal: false,
      },
      { title: '汽车通用型座套', vehicles: [], position: null, universal: true },
    ]);
  });

  it('when lines are blank, use CRLF or the last line has no newline, then blank lines are skipped and the rest parsed', () => {
    const out = parseLines('\r\n东风本田享域中网\r\n\r\n   \n十代思域前唇').map((l) => JSON.parse(l) as { title: string; vehicles: { model: string }[] });
    expect(out.map((o) => [o.title, o.vehicles.map((v) => v.model)])).toEqual([
      ['东风本田享域中网', ['享域']],
      ['十代思域前唇', ['思域']],
    ]);
  });

  it('when a line holds characters JSON must escape, then each output line is still one valid JSON object', () => {
    const lines = parseLines('引号"反斜杠\\制表\t符');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    expect((JSON.parse(lines[0]) as { title: string }).title).toBe('引号"反斜杠\\制表\t符');
  });
});
