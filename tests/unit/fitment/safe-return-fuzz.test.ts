import fc from 'fast-check';
import { safeReturnPath } from '../../../src/fitment';

const OUR_ORIGIN = 'https://shop.example';

/** What a browser does with a Location header or an href: resolve it against our page. */
function resolvesToUs(path: string): boolean {
  return new URL(path, `${OUR_ORIGIN}/c/tail-lights`).origin === OUR_ORIGIN;
}

/** Fragments that make paths escape their origin, mixed with ordinary path text. */
const pathish = fc
  .array(
    fc.oneof(
      fc.constantFrom('/', '//', '\\', '.', '..', './', '../', '%2e', '%2E', '%2e%2e', '%2f', '%2F', '%5c', '%5C', '%252f', '%09', '%0a', '%0d', '%00',
        '\t', '\n', '\r', ' ', '\u00a0', '\u3000', '／', '＼', '@', ':', '?', '#', ';', 'evil.example', 'http:', 'https:', 'javascript:', 'x', 'c', 'garage', 'return=', '&'),
      fc.string({ maxLength: 4 }),
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.join(''));

describe('safeReturnPath under fuzzing', () => {
  it('when the known escapes are given (dot segments, encoded dots, backslashes, tabs, newlines), then each falls back to a path on this site', () => {
    const escapes = [
      '/.//evil.example/phish', '/%2e//evil.example/phish', '/%2E//evil.example/phish', '/x/..//evil.example/phish', '/x/%2e%2e//evil.example',
      '/./\\evil.example', '/\t/evil.example', '/\n/evil.example', '/\r//evil.example', '/..//evil.example', '/x/../..//evil.example',
      '//evil.example', '/\\evil.example', '/%5c%5cevil.example', '/%2f%2fevil.example', 'https://evil.example', ' //evil.example',
    ];
    for (const raw of escapes) {
      const out = safeReturnPath(raw);
      expect({ raw, out, ours: resolvesToUs(out), protocolRelative: out.startsWith('//') }).toEqual({ raw, out, ours: true, protocolRelative: false });
    }
  });

  it('when given arbitrary and path-like strings, then the result is always a same-origin path that resolves to our origin and is stable', () => {
    fc.assert(
      fc.property(fc.oneof(pathish, pathish.map((p) => `/${p}`), fc.string({ unit: 'binary', maxLength: 40 })), (raw) => {
        const out = safeReturnPath(raw);
        expect(out.startsWith('/')).toBe(true);
        expect(out.startsWith('//')).toBe(false);
        expect([...out].some((ch) => ch === '\\' || ch.charCodeAt(0) <= 0x20 || ch.charCodeAt(0) === 0x7f)).toBe(false);
        expect(resolvesToUs(out)).toBe(true);
        expect(new URL(out, OUR_ORIGIN).host).toBe('shop.example');
        // A second pass changes nothing: the path cannot be a different URL once normalised again.
        expect(safeReturnPath(out)).toBe(out);
      }),
      { numRuns: 20_000 },
    );
  });

  it('when the path is an ordinary page of the site, then it is kept with the parameters the site understands', () => {
    expect(safeReturnPath('/c/tail-lights?sort=price_asc&utm_source=x')).toBe('/c/tail-lights?sort=price_asc');
    expect(safeReturnPath('/x/../products')).toBe('/products');
  });
});
