/**
 * Model-year (款/年) and generation (代) expressions in a normalised, masked title.
 * Only unambiguous shapes count: a bare two-digit number is a size or a count far more
 * often than a year, so two-digit years need 款 or 年款 next to them.
 */

export type YearKind = 'range' | 'from' | 'until' | 'single';

export interface YearExpr {
  readonly start: number;
  readonly end: number;
  readonly kind: YearKind;
  /** For 'from' the open end is filled in later from the model's production years. */
  readonly from: number | null;
  readonly to: number | null;
}

export interface GenerationExpr {
  readonly start: number;
  readonly end: number;
  readonly n: number;
}

export const MIN_YEAR = 1980;
export const MAX_YEAR = 2035;
/** Two-digit years up to this pivot are 20xx, above it 19xx (98款 = 1998). Fixed, so parsing never depends on the clock. */
const PIVOT = 40;

const Y = '(\\d{4}|\\d{2})';
const SUFFIX = '(年款|款|年)';
const NOT_AFTER_NUMBER = '(?<![\\d.])';

const RANGE = new RegExp(`${NOT_AFTER_NUMBER}${Y}\\s{0,2}${SUFFIX}?\\s{0,2}[-~至到]\\s{0,2}${Y}\\s{0,2}${SUFFIX}?(?![\\d.])`, 'g');
const LIST = new RegExp(`${NOT_AFTER_NUMBER}(?:\\d{4}|\\d{2})(?:(?:\\s{0,2}[/、,，]\\s{0,2}|\\s{1,2})(?:\\d{4}|\\d{2})){1,8}\\s{0,2}(?:年款|款)`, 'g');
const FROM = new RegExp(`${NOT_AFTER_NUMBER}${Y}\\s{0,2}${SUFFIX}?\\s{0,2}(?:及以后|以后|之后|往后|及以上|以上|至今|起)`, 'g');
const UNTIL = new RegExp(`${NOT_AFTER_NUMBER}${Y}\\s{0,2}${SUFFIX}?\\s{0,2}(?:及以前|以前|之前|及以下|以下)`, 'g');
const SINGLE = new RegExp(`${NOT_AFTER_NUMBER}(?:${Y}\\s{0,2}(?:年款|款)|(\\d{4})\\s{0,2}年(?!\\s{0,2}(?:新|最新|质保|保修)))`, 'g');
/** 第十代 / 十一代 / 14代, but not 代理, 代购, 代替… and not 新一代 ("new generation"). */
const GENERATION = /(?<!新)(?:第)?([一二三四五六七八九十]{1,3}|(?<![\d.])\d{1,2})\s?代(?![码理替购发驾工言表])/g;

function toYear(digits: string): number | null {
  const n = Number(digits);
  const year = digits.length === 2 ? (n <= PIVOT ? 2000 + n : 1900 + n) : n;
  return year >= MIN_YEAR && year <= MAX_YEAR ? year : null;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一…九十九 in the few shapes generations use (十, 十一, 二十). */
export function chineseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (text.length === 1) return text === '十' ? 10 : (CN_DIGITS[text] ?? null);
  const ten = text.indexOf('十');
  if (ten < 0 || text.indexOf('十', ten + 1) >= 0) return null;
  const tens = ten === 0 ? 1 : CN_DIGITS[text[0]];
  const ones = ten === text.length - 1 ? 0 : CN_DIGITS[text[ten + 1]];
  if (tens === undefined || ones === undefined || text.length > ten + 2) return null;
  return tens * 10 + ones;
}

/** Replaces a matched span with a filler so later patterns cannot reuse its digits. */
function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + '\u0002'.repeat(end - start) + text.slice(end);
}

export interface TemporalParse {
  readonly years: YearExpr[];
  readonly generations: GenerationExpr[];
  /** The input with every consumed span blanked, for later passes (position words). */
  readonly rest: string;
}

export function parseTemporal(masked: string): TemporalParse {
  let text = masked;
  const generations: GenerationExpr[] = [];
  const years: YearExpr[] = [];

  for (const m of masked.matchAll(GENERATION)) {
    const n = chineseNumber(m[1]);
    if (n === null || n < 1 || n > 20) continue;
    const start = m.index ?? 0;
    generations.push({ start, end: start + m[0].length, n });
    text = blank(text, start, start + m[0].length);
  }

  const take = (re: RegExp, read: (m: RegExpMatchArray) => Omit<YearExpr, 'start' | 'end'> | null): void => {
    const source = text;
    for (const m of source.matchAll(re)) {
      const expr = read(m);
      const start = m.index ?? 0;
      if (!expr) continue;
      years.push({ ...expr, start, end: start + m[0].length });
      text = blank(text, start, start + m[0].length);
    }
  };

  take(RANGE, (m) => {
    const [, a, sa, b, sb] = m;
    if (!(a.length === 4 && b.length === 4) && !sa && !sb) return null;
    const x = toYear(a);
    const y = toYear(b);
    if (x === null || y === null) return null;
    return { kind: 'range', from: Math.min(x, y), to: Math.max(x, y) };
  });
  take(LIST, (m) => {
    const ys = (m[0].match(/\d+/g) ?? []).map(toYear);
    if (ys.some((v) => v === null)) return null;
    const nums = ys as number[];
    return { kind: 'range', from: Math.min(...nums), to: Math.max(...nums) };
  });
  take(FROM, (m) => {
    if (m[1].length === 2 && !m[2]) return null;
    const y = toYear(m[1]);
    return y === null ? null : { kind: 'from', from: y, to: null };
  });
  take(UNTIL, (m) => {
    if (m[1].length === 2 && !m[2]) return null;
    const y = toYear(m[1]);
    return y === null ? null : { kind: 'until', from: null, to: y };
  });
  take(SINGLE, (m) => {
    const y = toYear(m[1] ?? m[2]);
    return y === null ? null : { kind: 'single', from: y, to: y };
  });

  years.sort((a, b) => a.start - b.start);
  return { years, generations, rest: text };
}
