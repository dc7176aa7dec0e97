import { allowedTypos, type AnalyzedQuery, type HighlightTerms, type QueryWord, type Vocabulary, words as foldedWords } from '../text';
import { mixedParts, wordKind } from '../text/tokens';

/**
 * One query word (or a phrase that has synonyms), as FTS5 alternatives. `exact` alternatives count
 * as zero typos (the word, its n-grams, its synonyms, its prefix); `typo` ones are vocabulary words
 * within Meilisearch's typo budget.
 */
export interface Slot {
  readonly exact: readonly string[];
  readonly typo: readonly string[];
}

export interface QueryPlan {
  readonly slots: readonly Slot[];
  readonly highlight: HighlightTerms;
}

export interface SynonymIndex {
  /** Folded words joined by one space → the alternatives, each a list of folded words. */
  readonly byPhrase: ReadonlyMap<string, readonly (readonly string[])[]>;
  readonly longest: number;
}

const MAX_TYPO_ALTERNATIVES = 8;

export function buildSynonymIndex(groups: readonly (readonly string[])[]): SynonymIndex {
  const byPhrase = new Map<string, string[][]>();
  let longest = 1;
  for (const group of groups) {
    const phrases = group.map((g) => foldedWords(g)).filter((w) => w.length > 0);
    for (const p of phrases) {
      const key = p.join(' ');
      longest = Math.max(longest, p.length);
      const list = byPhrase.get(key) ?? [];
      for (const other of phrases) if (other.join(' ') !== key && !list.some((l) => l.join(' ') === other.join(' '))) list.push(other);
      byPhrase.set(key, list);
    }
  }
  return { byPhrase, longest };
}

/** Every FTS5 string is built here from our own tokens and always quoted: no query syntax reaches FTS5. */
export function quote(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

function anyOf(exprs: readonly string[]): string {
  return exprs.length === 1 ? exprs[0] : `(${exprs.join(' OR ')})`;
}

function allOf(exprs: readonly string[]): string {
  return exprs.length === 1 ? exprs[0] : `(${exprs.join(' AND ')})`;
}

function bigrams(word: string): string[] {
  const chars = Array.from(word);
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

interface Collector {
  terms: Set<string>;
  prefixes: string[];
}

/** Zero-typo alternatives of one folded word. */
function exactAlternatives(word: QueryWord, prefix: boolean, c: Collector): string[] {
  const alts = [quote(word.text)];
  c.terms.add(word.text);
  if (word.kind === 'han' && Array.from(word.text).length >= 3) {
    // Titles index every bigram, so the bigrams find the word wherever jieba split the title differently.
    const grams = bigrams(word.text);
    grams.forEach((g) => c.terms.add(g));
    alts.push(allOf(grams.map(quote)));
  }
  if (word.kind === 'mixed' && word.parts.length > 0) {
    const parts = word.parts.filter((p) => p.length > 1 || /\p{Script=Han}/u.test(p));
    if (parts.length > 0) {
      parts.forEach((p) => c.terms.add(p));
      alts.push(allOf(parts.map(quote)));
    }
  }
  if (prefix && word.kind !== 'han') {
    alts.push(`${quote(word.text)}*`);
    c.prefixes.push(word.text);
  }
  return alts;
}

function phraseExpression(phrase: readonly string[], c: Collector): string {
  return allOf(phrase.map((w) => anyOf(exactAlternatives({ text: w, kind: wordKind(w), parts: wordKind(w) === 'mixed' ? mixedParts(w) : [] }, false, c))));
}

/**
 * Slots for an analysed query: longest synonym phrases first (tail light → 尾灯), then one slot per
 * word, the last one also matching as a prefix while it is being typed.
 */
export function planQuery(query: AnalyzedQuery, synonyms: SynonymIndex, vocabulary: Vocabulary): QueryPlan {
  const c: Collector = { terms: new Set(), prefixes: [] };
  const slots: Slot[] = [];
  const ws = query.words;
  let i = 0;
  while (i < ws.length) {
    let used = 0;
    for (let n = Math.min(synonyms.longest, ws.length - i); n >= 1 && used === 0; n--) {
      const phrase = ws.slice(i, i + n).map((w) => w.text);
      const alternatives = synonyms.byPhrase.get(phrase.join(' '));
      if (!alternatives) continue;
      const exact = [phraseExpression(phrase, c), ...alternatives.map((a) => phraseExpression(a, c))];
      slots.push({ exact, typo: [] });
      used = n;
    }
    if (used > 0) {
      i += used;
      continue;
    }
    const word = ws[i];
    const isLast = i === ws.length - 1;
    const exact = exactAlternatives(word, isLast && query.lastIsPrefix, c);
    const typo: string[] = [];
    const budget = word.kind === 'letters' ? allowedTypos(word.text) : 0;
    if (budget > 0) {
      for (const m of vocabulary.fuzzy(word.text, budget, MAX_TYPO_ALTERNATIVES + 1)) {
        if (m.word === word.text || typo.length === MAX_TYPO_ALTERNATIVES) continue;
        typo.push(quote(m.word));
        c.terms.add(m.word);
      }
    }
    slots.push({ exact, typo });
    i++;
  }
  return { slots, highlight: { terms: c.terms, prefixes: c.prefixes } };
}

export const COLUMNS = ['title', 'subtitle', 'vehicle', 'category', 'body'] as const;

/** FTS5 MATCH string: every slot must match; optionally with typo alternatives and within some columns. */
export function matchExpression(slots: readonly Slot[], withTypos: boolean, columns?: readonly string[]): string {
  const all = slots.map((s) => anyOf(withTypos ? [...s.exact, ...s.typo] : s.exact)).join(' AND ');
  return columns ? `{${columns.join(' ')}} : (${all})` : all;
}

export function hasTypos(slots: readonly Slot[]): boolean {
  return slots.some((s) => s.typo.length > 0);
}
