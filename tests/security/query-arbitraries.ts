import fc from 'fast-check';

/** Keys that smuggle options into template engines or prototypes when a parser nests them. */
export const HOSTILE_KEYS = [
  'settings[view options][client]', 'settings[view options][escapeFunction]', 'settings[view options][outputFunctionName]',
  '__proto__', '__proto__[x]', 'constructor[prototype][x]', 'q[]', 'q[0]', 'page[]', 'sort[$ne]', 'toString', 'hasOwnProperty', 'layout', 'cache', 'filename',
];

/** Raw sequences put into a URL as they are: malformed, overlong, surrogate and NUL escapes. */
export const RAW_PERCENT = ['%', '%E0%A4%A', '%ZZ', '%00', '%C0%AF', '%ED%A0%80', '%FF', '%2', '%%', '%u0041', '+', '%2B', '%0A', '%0D%0A', '%25', '%EF%BC%9C'];

/** encodeURIComponent, except a lone surrogate becomes its raw WTF-8 bytes (also hostile). */
export function encode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return [...s].map((ch) => {
      try {
        return encodeURIComponent(ch);
      } catch {
        return '%ED%A0%80';
      }
    }).join('');
  }
}

const numberish = fc.oneof(
  fc.integer().map(String),
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.double().map(String),
  fc.bigInt().map(String),
  fc.constantFrom('0', '-0', '-1', '1e5', '1e308', '0x10', '1.000', '99.999', 'NaN', 'Infinity', '١٢٣', '１２３', ' 1', '1 ', '01', '9'.repeat(400)),
);

/** A parameter value: unicode, huge, numeric, enum-adjacent or empty. */
export const valueArb = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 150, maxLength: 6000 }) },
  { weight: 3, arbitrary: numberish },
  { weight: 2, arbitrary: fc.constantFrom('', 'all', 'product', 'article', 'newest', 'price_asc', 'price_desc', 'relevance', '1', 'only', 'tail-lights', '宝骏', '730', '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "' OR 1=1 --", '../../etc/passwd', '\u0000', '\u202e') },
);

const keyArb = (params: readonly string[]) =>
  fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...params) }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_KEYS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) });

/** One encoded `k=v` pair, sometimes with a raw percent sequence spliced into key or value. */
const pairArb = (params: readonly string[]) =>
  fc.tuple(keyArb(params), valueArb, fc.option(fc.tuple(fc.constantFrom(...RAW_PERCENT), fc.boolean()), { freq: 4 })).map(([k, v, raw]) => {
    let key = encode(k);
    let value = encode(v);
    if (raw) {
      if (raw[1]) value += raw[0];
      else key = raw[0] + key;
    }
    return `${key}=${value}`;
  });

/** A whole query string: 0–6 pairs, repeats included (arrays via repeated parameters). */
export const queryArb = (params: readonly string[]) =>
  fc.oneof(
    fc.array(pairArb(params), { maxLength: 6 }),
    fc.tuple(fc.constantFrom(...params), fc.array(valueArb, { minLength: 2, maxLength: 4 })).map(([k, vs]) => vs.map((v) => `${k}=${encode(v)}`)),
  ).map((pairs) => pairs.join('&'));

/** A path segment: valid slug, random text, or malformed percent-encoding. */
export const segmentArb = (valid: string) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant(valid) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }).map(encode) },
    { weight: 1, arbitrary: fc.string({ minLength: 161, maxLength: 3000 }).map(encode) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...RAW_PERCENT), fc.constantFrom(valid, '', 'x')).map(([raw, s]) => s + raw) },
    { weight: 1, arbitrary: fc.constantFrom('..', '.', '%2e%2e', '%2F', 'a%2Fb', valid.toUpperCase(), `${valid}-`, `-${valid}`, `${valid}%20`) },
  );
