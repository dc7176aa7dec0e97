import * as OpenCC from 'opencc-js/t2cn';

/**
 * Traditional → simplified. OpenCC's generic `t` (plus its phrase tables) covers Taiwan and
 * Hong Kong spellings of part names (尾燈, 車貼, 寶駿); `tw`/`hk` only add regional idioms.
 */
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

const LATIN_WITH_MARKS = /[\u00C0-\u024F\u1E00-\u1EFF]/;

function foldChar(ch: string): string {
  // ASCII and the CJK Unified Ideographs block are already NFKC and caseless but for A–Z: most of
  // every title and body, folded without the normaliser.
  const c = ch.charCodeAt(0);
  if (ch.length === 1 && (c < 0x80 || (c >= 0x4e00 && c <= 0x9fff))) return c >= 0x41 && c <= 0x5a ? String.fromCharCode(c + 32) : ch;
  let out = ch.normalize('NFKC').toLowerCase();
  // Meilisearch folds Latin diacritics too; keep "café" findable as "cafe".
  if (LATIN_WITH_MARKS.test(out)) out = out.normalize('NFD').replace(/\p{M}/gu, '');
  return out;
}

/** A folded string and, for every UTF-16 unit of it, the [start, end) range it came from in the original. */
export interface FoldedText {
  readonly text: string;
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

/**
 * The one normalisation used by indexing, querying and highlighting: NFKC (full-width → half-width),
 * lowercase, Latin diacritics removed, traditional → simplified. Keeps an offset map so highlights
 * can be placed on the original text.
 */
export function foldWithOffsets(original: string): FoldedText {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  for (const ch of original) {
    const f = foldChar(ch);
    for (let k = 0; k < f.length; k++) {
      starts.push(i);
      ends.push(i + ch.length);
    }
    folded += f;
    i += ch.length;
  }
  let converted = toSimplified(folded);
  // OpenCC maps character for character almost always; when a phrase rule changes the length,
  // fall back to per-character conversion so the offset map stays valid.
  if (converted.length !== folded.length) {
    converted = Array.from(folded, (c) => {
      const s = toSimplified(c);
      return s.length === c.length ? s : c;
    }).join('');
  }
  return { text: converted, starts, ends };
}

export function fold(text: string): string {
  return foldWithOffsets(text).text;
}
