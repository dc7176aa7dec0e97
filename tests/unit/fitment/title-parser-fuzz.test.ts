import fc from 'fast-check';
import { FITMENT_KINDS } from '../../../src/fitment';
import { parseTitleUnchecked } from '../../../src/fitment/title-parser';

const POSITIONS = [null, '前', '后', '左', '右'];

/** Pieces of real titles mixed with noise, so the fuzzer reaches the year and name paths. */
const titleish = fc
  .array(
    fc.oneof(
      fc.constantFrom('宝骏', '730', '14-21款', '十代', '思域', 'Model 3/Y', '通用', '后尾灯', '左右', '19款以后', '１２ｖ', '寶駿', '-', '~', '/', ' ', '款', '代', '年'),
      fc.string({ unit: 'binary', maxLength: 6 }),
      fc.integer({ min: 0, max: 3000 }).map(String),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('parseTitle under fuzzing', () => {
  it('when given arbitrary strings and title-like noise, then it never throws and returns a well-formed result', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), titleish), (title) => {
        const p = parseTitleUnchecked(title);
        expect(POSITIONS).toContain(p.position);
        expect(FITMENT_KINDS).toContain(p.kind);
        expect(typeof p.universal).toBe('boolean');
        if (p.universal) expect(p.vehicles).toEqual([]);
        for (const v of p.vehicles) {
          expect(v.make.length).toBeGreaterThan(0);
          expect(v.model.length).toBeGreaterThan(0);
          for (const y of [v.yearFrom, v.yearTo]) if (y !== null) expect(Number.isInteger(y) && y >= 1980 && y <= 2035).toBe(true);
          if (v.yearFrom !== null && v.yearTo !== null) expect(v.yearFrom).toBeLessThanOrEqual(v.yearTo);
        }
        expect(p.specs.voltages.every((n) => Number.isInteger(n))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
