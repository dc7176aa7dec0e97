import fc from 'fast-check';
import { decodeGarage, encodeGarage, GARAGE_MAX_VEHICLES, safeReturnPath } from '../../../src/fitment';

// Pure pieces behind the garage routes; the HTTP behaviour is in picker-and-garage.test.ts.
describe('garage cookie and return paths', () => {
  it('when any string is read as a garage cookie, then it never throws and never exceeds the limit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (raw) => {
        const g = decodeGarage(raw);
        expect(g.entries.length).toBeLessThanOrEqual(GARAGE_MAX_VEHICLES);
        expect(g.active === 0 || g.active < g.entries.length).toBe(true);
      }),
    );
  });

  it('when a garage is encoded, then decoding gives it back', () => {
    const entry = fc.record({ make: fc.constantFrom('baojun', 'honda'), model: fc.constantFrom('730', 'civic', 'model-3'), year: fc.option(fc.integer({ min: 1990, max: 2030 }), { nil: null }) });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: GARAGE_MAX_VEHICLES }), fc.nat(), (entries, a) => {
        const garage = { entries, active: entries.length ? a % entries.length : 0 };
        expect(decodeGarage(encodeGarage(garage))).toEqual(garage);
      }),
    );
  });

  it('when any string is offered as a return path, then the result is a path on this site', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.string().map((s) => `/${s}`), fc.string().map((s) => `//${s}`)), (raw) => {
        const out = safeReturnPath(raw);
        expect(out.startsWith('/')).toBe(true);
        expect(out.startsWith('//')).toBe(false);
        expect(out).not.toContain('\\');
        expect(new URL(out, 'http://shop.test').host).toBe('shop.test');
      }),
    );
  });
});
