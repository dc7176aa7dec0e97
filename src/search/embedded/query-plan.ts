import { allowedTypos, fold, soundalikeSpan, type AnalyzedQuery, type HighlightTerms, type QueryWord, type Vocabulary, words as foldedWords } from '../text';
import { splitHanCode } from '../text/codes';
import { isPrefixTerm, mixedParts, wordKind } from '../text/tokens';
import { isCodeWord, meaningfulWords, queryIntent } from '../query-intent';

/**
 * One query word (or a phrase that has synonyms), as FTS5 alternatives. `exact` alternatives count
 * as zero typos (the word, its n-grams, its synonyms, its prefix); `typo` ones are vocabulary words
 * within Meilisearch's typo budget, or a Chinese word sounding the same (尾登 → 尾灯).
 */
export interface Slot {
  readonly exact: readonly string[];
  readonly typo: readonly string[];
  /** The words as typed, for proximity and for choosing which word to drop. */
  readonly text: string;
  /** A vehicle or part word: never dropped. */
  readonly keep: boolean;
  readonly vehicle: boolean;
  /** Spellings of the vehicle this slot names, compact (model3, 宏光s, h6): a fitment row with this exact model fits best. */
  readonly models?: readonly string[];
  /** For a model: its make, matched instead when nothing fits the model (model3车衣 → 特斯拉 车衣). */
  readonly broader?: string;
  /** What to highlight when this slot is part of the search. */
  readonly terms: readonly string[];
  readonly prefixes: readonly string[];
}

export interface QueryPlan {
  readonly slots: readonly Slot[];
  readonly yearFrom: number | null;
  readonly yearTo: number | null;
}

export interface SynonymIndex {
  /** Folded words joined by one space → the alternatives, each a list of folded words. */
  readonly byPhrase: ReadonlyMap<string, readonly (readonly string[])[]>;
  readonly longest: number;
}

/** What the plan reads besides the query: synonyms, stop words, the Latin vocabulary, part names. */
export interface PlanContext {
  readonly synonyms: SynonymIndex;
  readonly stopWords: ReadonlySet<string>;
  readonly vocabulary: Vocabulary;
  /**
   * The index terms a word being typed stands for (see isPrefixTerm), read before planning; null or
   * absent: FTS5 scans for the prefix.
   */
  readonly complete?: Completer;
  readonly partNames?: ReadonlySet<string>;
}

const MAX_TYPO_ALTERNATIVES = 8;
/** A prefix with more completions than this is left to FTS5's prefix scan. */
export const MAX_PREFIX_TERMS = 64;

/**
 * The index terms a prefix word stands for, or null to let FTS5 scan for the prefix. Naming them
 * is the same match, and each named term is one b-tree lookup, where FTS5 merges the terms under a
 * prefix into a new list on every evaluation (a third of a broad search's time).
 */
export type Completer = (word: string) => readonly string[] | null;

/**
 * The words of an analysed query that the plan may complete as prefixes: the last one, and the code
 * it makes with the word before (model 3 → model3). Other words are never completed.
 */
export function prefixWords(query: AnalyzedQuery): string[] {
  if (!query.lastIsPrefix || query.words.length === 0) return [];
  const last = query.words[query.words.length - 1].text;
  const before = query.words[query.words.length - 2]?.text;
  return [...new Set([last, ...(before ? [before + last] : [])])].filter(isPrefixTerm);
}

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

function startsSynonymPhrase(rest: readonly QueryWord[], synonyms: SynonymIndex): boolean {
  for (let n = Math.min(synonyms.longest, rest.length); n >= 2; n--) {
    if (synonyms.byPhrase.has(rest.slice(0, n).map((w) => w.text).join(' '))) return true;
  }
  return false;
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

function collector(): Collector {
  return { terms: new Set(), prefixes: [] };
}

function queryWord(text: string): QueryWord {
  const kind = wordKind(text);
  return { text, kind, parts: kind === 'mixed' ? mixedParts(text) : [] };
}

/** Zero-typo alternatives of one folded word; `prefix` completes it when it is being typed. */
function exactAlternatives(word: QueryWord, prefix: Completer | false, c: Collector): string[] {
  const alts = [quote(word.text)];
  c.terms.add(word.text);
  if (word.kind === 'han' && Array.from(word.text).length >= 3) {
    // Titles index every bigram, so the bigrams find the word wherever jieba split the title differently.
    const grams = bigrams(word.text);
    grams.forEach((g) => c.terms.add(g));
    alts.push(allOf(grams.map(quote)));
  }
  if (word.kind === 'mixed') {
    const unit = splitHanCode(word.text);
    if (unit) {
      // 哈弗h6 is found as the unit or as 哈弗 next to h6; the code alone never stands for it.
      const han = exactAlternatives(queryWord(unit.han), false, c);
      c.terms.add(unit.code);
      alts.push(allOf([anyOf(han), quote(unit.code)]));
    } else {
      // 12v24v: both number+unit codes; a code is never split into single letters or pinyin initials.
      const units = word.parts.filter((p) => /^\d+[a-z]+$/.test(p));
      if (units.length > 1) {
        units.forEach((p) => c.terms.add(p));
        alts.push(allOf(units.map(quote)));
      }
    }
  }
  if (prefix && word.kind !== 'han') {
    const named = prefix(word.text);
    // No term named (none known to start it): FTS5's own scan, which costs nothing for a prefix nothing starts.
    if (named && named.length > 0) alts.push(...named.filter((t) => t !== word.text).map(quote));
    else alts.push(`${quote(word.text)}*`);
    c.prefixes.push(word.text);
  }
  return alts;
}

function phraseExpression(phrase: readonly string[], c: Collector): string {
  return allOf(phrase.map((w) => anyOf(exactAlternatives(queryWord(w), false, c))));
}

function latinTypos(word: QueryWord, vocabulary: Vocabulary, c: Collector): string[] {
  const typo: string[] = [];
  const budget = word.kind === 'letters' ? allowedTypos(word.text) : 0;
  if (budget > 0) {
    for (const m of vocabulary.fuzzy(word.text, budget, MAX_TYPO_ALTERNATIVES + 1)) {
      if (m.word === word.text || typo.length === MAX_TYPO_ALTERNATIVES) continue;
      typo.push(quote(m.word));
      c.terms.add(m.word);
    }
  }
  return typo;
}

/** baojunweideng → baojun + weideng, when both halves are catalogue words and the whole is not. */
function runOnSplit(word: QueryWord, vocabulary: Vocabulary, c: Collector): string | null {
  if (word.kind !== 'letters' || word.text.length < 8 || vocabulary.has(word.text)) return null;
  for (let i = 4; i <= word.text.length - 4; i++) {
    const a = word.text.slice(0, i);
    const b = word.text.slice(i);
    if (vocabulary.has(a) && vocabulary.has(b)) {
      c.terms.add(a);
      c.terms.add(b);
      return allOf([quote(a), quote(b)]);
    }
  }
  return null;
}

/**
 * Slots for an analysed query: stop words and year words left out (while other words remain),
 * longest synonym phrases first (tail light → 尾灯), neighbouring codes joined (model 3 → model3),
 * Chinese words that sound like a catalogue word (尾登 → 尾灯), then one slot per word, the last one
 * also matching as a prefix while it is being typed.
 */
export function planQuery(query: AnalyzedQuery, ctx: PlanContext): QueryPlan {
  const intent = queryIntent(query.words, ctx.partNames);
  const chosen = meaningfulWords(query.words, intent, ctx.stopWords);
  const ws = chosen.map((x) => x.w);
  const idx = chosen.map((x) => x.i);
  const lastTyped = query.lastIsPrefix && idx[idx.length - 1] === query.words.length - 1;
  const complete: Completer = (word) => (isPrefixTerm(word) ? ctx.complete?.(word) ?? null : null);
  const slots: Slot[] = [];
  const push = (from: number, to: number, exact: string[], typo: string[], c: Collector) => {
    const covered = idx.slice(from, to);
    const vehicle = covered.some((k) => intent.vehicleWords.has(k));
    const make = covered.map((k) => intent.makeOf.get(k)).find((m) => m !== undefined);
    const broader = make && !covered.some((k) => query.words[k].text === fold(make)) ? phraseExpression(foldedWords(make), collector()) : undefined;
    const text = ws.slice(from, to).map((w) => w.text).join('');
    const models = vehicle ? [text, ...covered.flatMap((k) => { const u = splitHanCode(query.words[k].text); return u ? [u.code, u.han + u.code] : [query.words[k].text]; })] : undefined;
    slots.push({
      exact, typo, text, vehicle, broader, models: models ? [...new Set(models)] : undefined,
      keep: vehicle || covered.some((k) => intent.partWords.has(k)), terms: [...c.terms], prefixes: c.prefixes,
    });
  };
  let i = 0;
  while (i < ws.length) {
    let used = 0;
    for (let n = Math.min(ctx.synonyms.longest, ws.length - i); n >= 1 && used === 0; n--) {
      const phrase = ws.slice(i, i + n).map((w) => w.text);
      const alternatives = ctx.synonyms.byPhrase.get(phrase.join(' '));
      if (!alternatives) continue;
      const c = collector();
      const exact = [phraseExpression(phrase, c), ...alternatives.map((a) => phraseExpression(a, c))];
      push(i, i + n, exact, [], c);
      used = n;
    }
    if (used > 0) {
      i += used;
      continue;
    }
    const word = ws[i];
    const next = ws[i + 1];
    // A synonym phrase starting at the next word (h6 air freshener) is not broken up into a code.
    const nextStartsPhrase = next !== undefined && startsSynonymPhrase(ws.slice(i + 1), ctx.synonyms);
    if (next && isCodeWord(word) && isCodeWord(next) && !nextStartsPhrase && word.text.length + next.text.length <= 16) {
      // model 3, cr v, bao jun: the two words, or the code written as one.
      const c = collector();
      const isLast = i + 2 === ws.length && lastTyped;
      const joined = queryWord(word.text + next.text);
      // A number after the first word (model 3) is not read as a prefix of its own: the joined code
      // (model3*) already continues it, and "3"* would merge every term starting with 3 in the index.
      const nextIsPrefix = isLast && !/^\d+$/.test(next.text);
      const exact = [allOf([anyOf(exactAlternatives(word, false, c)), anyOf(exactAlternatives(next, nextIsPrefix && complete, c))]), ...exactAlternatives(joined, isLast && complete, c)];
      push(i, i + 2, exact, [], c);
      i += 2;
      continue;
    }
    if (word.kind === 'han') {
      const soundalike = soundalikeSpan(ws, i);
      if (soundalike) {
        const c = collector();
        const exact = [allOf(ws.slice(i, i + soundalike.length).map((w) => anyOf(exactAlternatives(w, false, c))))];
        const typo = [phraseExpression([soundalike.word], c)];
        push(i, i + soundalike.length, exact, typo, c);
        i += soundalike.length;
        continue;
      }
    }
    const c = collector();
    const isLast = i === ws.length - 1 && lastTyped;
    const exact = exactAlternatives(word, isLast && complete, c);
    const split = runOnSplit(word, ctx.vocabulary, c);
    if (split) exact.push(split);
    push(i, i + 1, exact, latinTypos(word, ctx.vocabulary, c), c);
    i++;
  }
  return { slots, yearFrom: intent.yearFrom, yearTo: intent.yearTo };
}

/** Highlight terms of the slots a search used. */
const highlights = new WeakMap<readonly Slot[], HighlightTerms>();

/** The terms to highlight; one object per slots array, so the highlighter's per-terms memo lasts as long as the plan. */
export function highlightOf(slots: readonly Slot[]): HighlightTerms {
  let terms = highlights.get(slots);
  if (!terms) {
    terms = { terms: new Set(slots.flatMap((s) => s.terms)), prefixes: slots.flatMap((s) => s.prefixes) };
    highlights.set(slots, terms);
  }
  return terms;
}

/** FTS5 MATCH string: every slot must match; optionally with typo alternatives and within some columns. */
export function matchExpression(slots: readonly Slot[], withTypos: boolean, columns?: readonly string[]): string {
  const all = slots.map((s) => anyOf(withTypos ? [...s.exact, ...s.typo] : s.exact)).join(' AND ');
  return columns ? `{${columns.join(' ')}} : (${all})` : all;
}

export function hasTypos(slots: readonly Slot[]): boolean {
  return slots.some((s) => s.typo.length > 0);
}
