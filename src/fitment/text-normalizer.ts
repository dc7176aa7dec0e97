import { Converter } from 'opencc-js/t2cn';

let toSimplified: ((text: string) => string) | undefined;

/**
 * One canonical form for matching: NFKC folds full-width digits and letters, OpenCC folds
 * Taiwan/traditional characters to mainland simplified, and Latin is upper-cased so model
 * codes (cs75plus, Model y) compare equal. Dashes and wave dashes that NFKC keeps become
 * '-' and '~' so year ranges read the same however they were typed.
 * All later offsets refer to this normalised string, never to the raw title.
 */
export function normalizeTitle(raw: string): string {
  const convert = (toSimplified ??= Converter({ from: 'tw', to: 'cn' }));
  const folded = convert(raw.normalize('NFKC'));
  return folded.toUpperCase().replace(/[—–―‐‑−]/g, '-').replace(/[〜～]/g, '~');
}
