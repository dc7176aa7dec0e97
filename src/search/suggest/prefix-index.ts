import { pinyin } from 'pinyin-pro';
import { escapeHtml, fold } from '../text';
import { boundedMemo } from '../../shared/bounded-memo';

/** Folded, without the separators people type or leave out: "CR-V" = "cr v" = "crv". */
export function compact(text: string): string {
  return fold(text).replace(/[\s\-_.·/|,，、]+/g, '');
}

const HAN_RUN = /(\p{Script=Han}+)|([^\p{Script=Han}]+)/gu;

const pinyinMemo = boundedMemo<{ full: string; initials: string }>(20_000);

/**
 * Full pinyin and initials of the Han runs, other runs kept: 宝骏730 → baojun730 / bj730.
 * Memoised: a vocabulary rebuild sees mostly the same words again, and pinyin is its main cost.
 */
export function pinyinKeys(text: string): { full: string; initials: string } {
  return pinyinMemo(text, () => computePinyinKeys(text));
}

function computePinyinKeys(text: string): { full: string; initials: string } {
  let full = '';
  let initials = '';
  for (const m of compact(text).matchAll(HAN_RUN)) {
    if (m[1]) {
      const syllables = pinyin(m[1], { toneType: 'none', type: 'array' }).map((s) => s.toLowerCase());
      full += syllables.join('');
      initials += syllables.map((s) => s[0] ?? '').join('');
    } else {
      full += m[2];
      initials += m[2];
    }
  }
  return { full, initials };
}

export interface IndexItem<P> {
  /** What is shown (and, for completions, searched). */
  readonly text: string;
  /** Other spellings: English names, aliases. Matched as a whole and word by word, never inside a word. */
  readonly aliases?: readonly string[];
  readonly weight: number;
  readonly payload: P;
}

export interface IndexMatch<P> {
  readonly item: IndexItem<P>;
  /** 0: the text itself starts with the query; 1: pinyin, initials or an alias does; 2: the text contains a Han query. */
  readonly tier: 0 | 1 | 2;
}

interface Entry<P> {
  readonly item: IndexItem<P>;
  readonly own: string;
  readonly other: readonly string[];
}

const HAN = /\p{Script=Han}/u;

/**
 * Prefix matching over a small in-memory vocabulary (makes, models, part names, popular
 * queries): a scan of a few thousand strings is far below a millisecond, and keeps matching
 * rules plain. English is matched at word starts only, so "te" never finds "Exterior".
 */
export class PrefixIndex<P> {
  private readonly entries: Entry<P>[];

  constructor(items: readonly IndexItem<P>[]) {
    const seen = new Set<string>();
    this.entries = [];
    for (const item of [...items].sort((a, b) => b.weight - a.weight)) {
      const own = compact(item.text);
      if (!own || seen.has(own)) continue;
      seen.add(own);
      const keys = new Set<string>();
      const py = pinyinKeys(item.text);
      if (py.full !== own) keys.add(py.full);
      if (py.initials.length > 1 && py.initials !== own) keys.add(py.initials);
      for (const alias of item.aliases ?? []) {
        const whole = compact(alias);
        if (whole) keys.add(whole);
        for (const word of fold(alias).split(/[^\p{L}\p{N}]+/u)) if (word) keys.add(word);
      }
      this.entries.push({ item, own, other: [...keys] });
    }
  }

  get size(): number {
    return this.entries.length;
  }

  match(query: string, limit: number): IndexMatch<P>[] {
    const q = compact(query);
    if (!q || limit < 1) return [];
    const han = HAN.test(q);
    const found: IndexMatch<P>[] = [];
    for (const e of this.entries) {
      if (e.own.startsWith(q)) found.push({ item: e.item, tier: 0 });
      else if (e.other.some((k) => k.startsWith(q))) found.push({ item: e.item, tier: 1 });
      else if (han && e.own.includes(q)) found.push({ item: e.item, tier: 2 });
    }
    // Entries are already by weight; a stable sort by tier keeps that order inside each tier.
    return found.sort((a, b) => a.tier - b.tier).slice(0, limit);
  }
}

/** Escaped text with the typed part marked where the text literally contains it. */
export function markTyped(text: string, query: string): string {
  const q = fold(query).trim();
  const at = q ? fold(text).indexOf(q) : -1;
  // fold() keeps lengths for the scripts we mark (CJK, ASCII, full-width forms); anything else is left unmarked.
  if (at < 0 || fold(text).length !== text.length) return escapeHtml(text);
  return `${escapeHtml(text.slice(0, at))}<mark>${escapeHtml(text.slice(at, at + q.length))}</mark>${escapeHtml(text.slice(at + q.length))}`;
}
