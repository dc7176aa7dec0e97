import { evaluate, filterAttributes, FilterError, parseFilter, valuesAt } from './stub-filter';
import { matchWord, normalize, Tokenizer, type TermMatch, type Token, type TypoRules } from './stub-text';
import type { IndexState, StubSettings } from './stub-state';
import { formatHit } from './stub-format';

/** A search failure Meilisearch reports as a 400 with this code. */
export class SearchError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

export interface SearchBody {
  q?: string | null;
  offset?: number;
  limit?: number;
  page?: number | null;
  hitsPerPage?: number | null;
  attributesToRetrieve?: string[] | null;
  attributesToHighlight?: string[] | null;
  attributesToCrop?: string[] | null;
  cropLength?: number;
  cropMarker?: string;
  highlightPreTag?: string;
  highlightPostTag?: string;
  filter?: unknown;
  sort?: string[] | null;
  facets?: string[] | null;
  matchingStrategy?: 'last' | 'all' | 'frequency';
  locales?: string[] | null;
}

/** One query word (or phrase from a multi-word synonym key) and the word sequences that satisfy it. */
export interface Term {
  readonly alternatives: readonly (readonly string[])[];
  readonly prefix: boolean;
  /** Meilisearch also reads this word and the next one written together (sun flower → sunflower). */
  readonly concat?: string;
}

interface FieldTokens {
  readonly rank: number;
  readonly tokens: Token[];
}

interface Hit {
  readonly id: string;
  readonly doc: Record<string, unknown>;
  readonly order: number;
  readonly words: number;
  readonly typos: number;
  readonly proximity: number;
  readonly attribute: number;
  readonly position: number;
  readonly exactness: number;
}

function typoRules(s: StubSettings): TypoRules {
  const t = s.typoTolerance;
  return { enabled: t.enabled, oneTypo: t.minWordSizeForTypos.oneTypo, twoTypos: t.minWordSizeForTypos.twoTypos, disableOnWords: t.disableOnWords, disableOnNumbers: t.disableOnNumbers };
}

/** Text of a field: strings, numbers and nested values, flattened in document order. */
export function fieldTexts(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') return [value];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(fieldTexts);
  if (typeof value === 'object') return Object.values(value).flatMap(fieldTexts);
  return [];
}

function searchableFields(ix: IndexState, doc: Record<string, unknown>): string[] {
  const listed = ix.settings.searchableAttributes;
  return listed.includes('*') ? Object.keys(doc) : listed;
}

export function buildTerms(q: string, settings: StubSettings, tokenizer: Tokenizer): Term[] {
  // Stop words are left out of the query, as Meilisearch does; a query made only of stop words keeps them.
  const stop = new Set(settings.stopWords.map((w) => normalize(w)));
  const all = tokenizer.tokenize(q).map((t) => t.norm);
  const meaningful = all.filter((w) => !stop.has(w));
  const words = (meaningful.length > 0 ? meaningful : all).slice(0, 10);
  const endsInWord = /[\p{L}\p{N}]$/u.test(q);
  const synonyms = new Map<string, string[][]>();
  for (const [key, alts] of Object.entries(settings.synonyms)) {
    const k = tokenizer.tokenize(key).map((t) => t.norm).join(' ');
    const list = synonyms.get(k) ?? [];
    for (const alt of alts) list.push(tokenizer.tokenize(alt).map((t) => t.norm));
    synonyms.set(k, list);
  }
  const terms: Term[] = [];
  for (let i = 0; i < words.length; ) {
    // Longest multi-word synonym key starting here wins, as Meilisearch's query graph does.
    let taken = 1;
    let alternatives: string[][] = [[words[i]], ...(synonyms.get(words[i]) ?? [])];
    for (let len = Math.min(3, words.length - i); len > 1; len--) {
      const key = words.slice(i, i + len).join(' ');
      if (synonyms.has(key)) {
        taken = len;
        alternatives = [words.slice(i, i + len), ...(synonyms.get(key) ?? [])];
        break;
      }
    }
    i += taken;
    const concat = taken === 1 && i < words.length ? words[i - 1] + words[i] : undefined;
    terms.push({ alternatives, prefix: i === words.length && endsInWord && taken === 1, concat });
  }
  return terms;
}

interface TermHit { match: TermMatch; rank: number; position: number; }

/** Best place a term matches in a document: fewest typos, then most important attribute. */
function matchTerm(term: Term, fields: FieldTokens[], rules: TypoRules, typoOffAttrs: Set<number>): TermHit | null {
  let best: TermHit | null = null;
  for (const field of fields) {
    const t = field.tokens;
    for (const alt of term.alternatives) {
      for (let p = 0; p + alt.length <= t.length; p++) {
        let typos = 0;
        let exact = true;
        let ok = true;
        for (let k = 0; k < alt.length && ok; k++) {
          const isLast = k === alt.length - 1;
          const m = matchWord(alt[k], t[p + k].norm, term.prefix && isLast && alt.length === 1, t[p + k].han, typoOffAttrs.has(field.rank) ? { ...rules, enabled: false } : rules);
          if (!m) ok = false;
          else { typos += m.typos; exact = exact && m.exact; }
        }
        if (!ok) continue;
        const cand: TermHit = { match: { typos, exact, length: 0 }, rank: field.rank, position: p };
        if (!best || cand.match.typos < best.match.typos || (cand.match.typos === best.match.typos && cand.rank < best.rank)) best = cand;
      }
    }
  }
  return best;
}

function compareValues(a: unknown, b: unknown, desc: boolean): number {
  const missingA = a === undefined || a === null;
  const missingB = b === undefined || b === null;
  if (missingA || missingB) return missingA === missingB ? 0 : missingA ? 1 : -1; // missing always last
  let c = 0;
  if (typeof a === 'number' && typeof b === 'number') c = a - b;
  else if (typeof a === 'number') c = -1; // numbers before strings, as Meilisearch sorts
  else if (typeof b === 'number') c = 1;
  else c = String(a).localeCompare(String(b));
  return desc ? -c : c;
}

function sortKeyValue(doc: Record<string, unknown>, attr: string, desc: boolean): unknown {
  const values = valuesAt(doc, attr).filter((v) => typeof v === 'number' || typeof v === 'string');
  if (!values.length) return undefined;
  return values.reduce((m, v) => (compareValues(v, m, desc) < 0 ? v : m));
}

export function executeSearch(ix: IndexState, body: SearchBody, started: number): Record<string, unknown> {
  const s = ix.settings;
  const tokenizer = new Tokenizer(s.dictionary);
  const q = body.q ?? '';
  let filter;
  try {
    filter = parseFilter(body.filter);
  } catch (e) {
    throw new SearchError('invalid_search_filter', (e as Error).message);
  }
  for (const attr of filterAttributes(filter)) {
    if (!s.filterableAttributes.includes(attr)) {
      throw new SearchError('invalid_search_filter', `Attribute \`${attr}\` is not filterable. Available filterable attributes are: \`${s.filterableAttributes.join(', ')}\`.`);
    }
  }
  const sort = (body.sort ?? []).map((rule) => {
    const m = /^([^:]+):(asc|desc)$/.exec(rule.trim());
    if (!m) throw new SearchError('invalid_search_sort', `Invalid syntax for the sort parameter: expected expression ending by \`:asc\` or \`:desc\`, found \`${rule}\`.`);
    if (!s.sortableAttributes.includes(m[1])) {
      throw new SearchError('invalid_search_sort', `Attribute \`${m[1]}\` is not sortable. Available sortable attributes are: \`${s.sortableAttributes.join(', ')}\`.`);
    }
    return { attr: m[1], desc: m[2] === 'desc' };
  });
  if (sort.length && !s.rankingRules.includes('sort')) {
    throw new SearchError('invalid_search_sort', 'You must specify where `sort` is listed in the rankingRules setting to use the sort parameter at search time.');
  }
  for (const f of body.facets ?? []) {
    if (!s.filterableAttributes.includes(f)) {
      throw new SearchError('invalid_search_facets', `Attribute \`${f}\` is not filterable. Available filterable attributes are: \`${s.filterableAttributes.join(', ')}\`.`);
    }
  }

  const terms = buildTerms(q, s, tokenizer);
  const rules = typoRules(s);
  const strategy = body.matchingStrategy ?? 'last';
  const hits: Hit[] = [];
  let order = 0;
  for (const [id, doc] of ix.docs) {
    order++;
    if (filter && !evaluate(filter, doc)) continue;
    if (!terms.length) {
      hits.push({ id, doc, order, words: 0, typos: 0, proximity: 0, attribute: 0, position: 0, exactness: 0 });
      continue;
    }
    const names = searchableFields(ix, doc);
    const fields: FieldTokens[] = names.map((name, rank) => ({ rank, tokens: fieldTexts(doc[name]).flatMap((t) => tokenizer.tokenize(t)) }));
    const typoOff = new Set(names.flatMap((n, i) => (s.typoTolerance.disableOnAttributes.includes(n) ? [i] : [])));
    const matches = terms.map((t) => matchTerm(t, fields, rules, typoOff));
    for (let k = 0; k + 1 < terms.length; k++) {
      const joined = terms[k].concat;
      if (!joined || (matches[k] && matches[k + 1])) continue;
      const hit = matchTerm({ alternatives: [[joined]], prefix: k + 2 === terms.length && terms[k + 1].prefix }, fields, rules, typoOff);
      if (hit) matches[k] = matches[k + 1] = hit;
    }
    let words = 0;
    while (words < matches.length && matches[words]) words++;
    if (words === 0 || (strategy === 'all' && words < terms.length)) continue;
    const used = matches.slice(0, words) as TermHit[];
    let proximity = 0;
    for (let i = 1; i < used.length; i++) {
      const a = used[i - 1];
      const b = used[i];
      proximity += a.rank === b.rank ? Math.min(7, Math.abs(b.position - a.position)) : 7;
    }
    hits.push({
      id, doc, order, words,
      typos: used.reduce((n, m) => n + m.match.typos, 0),
      proximity,
      attribute: used.reduce((n, m) => n + m.rank, 0),
      position: used.reduce((n, m) => n + m.position, 0),
      exactness: used.filter((m) => m.match.exact).length,
    });
  }

  const byRule = (rule: string, a: Hit, b: Hit): number => {
    switch (rule) {
      case 'words': return b.words - a.words;
      case 'typo': return a.typos - b.typos;
      case 'proximity': return a.proximity - b.proximity;
      case 'attribute': return a.attribute - b.attribute || a.position - b.position;
      case 'attributeRank': return a.attribute - b.attribute;
      case 'wordPosition': return a.position - b.position;
      case 'exactness': return b.exactness - a.exactness;
      case 'sort':
        for (const k of sort) {
          const c = compareValues(sortKeyValue(a.doc, k.attr, k.desc), sortKeyValue(b.doc, k.attr, k.desc), k.desc);
          if (c) return c;
        }
        return 0;
      default: {
        const m = /^([^:]+):(asc|desc)$/.exec(rule);
        if (!m) return 0;
        const desc = m[2] === 'desc';
        return compareValues(sortKeyValue(a.doc, m[1], desc), sortKeyValue(b.doc, m[1], desc), desc);
      }
    }
  };
  hits.sort((a, b) => {
    for (const rule of s.rankingRules) {
      const c = byRule(rule, a, b);
      if (c) return c;
    }
    return a.order - b.order;
  });

  const maxTotal = s.pagination.maxTotalHits;
  const capped = hits.slice(0, maxTotal);
  const out: Record<string, unknown> = {};
  let pageHits: Hit[];
  if (body.page != null || body.hitsPerPage != null) {
    const page = body.page ?? 1;
    const perPage = body.hitsPerPage ?? 20;
    pageHits = page === 0 || perPage === 0 ? [] : capped.slice((page - 1) * perPage, page * perPage);
    Object.assign(out, { hitsPerPage: perPage, page, totalPages: perPage === 0 ? 0 : Math.ceil(capped.length / perPage), totalHits: capped.length });
  } else {
    const offset = body.offset ?? 0;
    const limit = body.limit ?? 20;
    pageHits = capped.slice(offset, offset + limit);
    Object.assign(out, { limit, offset, estimatedTotalHits: capped.length });
  }
  const result: Record<string, unknown> = {
    hits: pageHits.map((h) => formatHit(h.doc, body, terms, s, tokenizer)),
    query: q,
    processingTimeMs: Math.max(0, Math.round(performance.now() - started)),
    ...out,
  };
  if (body.facets && body.facets.length) Object.assign(result, facets(hits, body.facets, s));
  return result;
}

function facets(hits: Hit[], names: string[], s: StubSettings): Record<string, unknown> {
  const facetDistribution: Record<string, Record<string, number>> = {};
  const facetStats: Record<string, { min: number; max: number }> = {};
  for (const name of names) {
    const counts = new Map<string, { label: string; n: number }>();
    let min = Infinity;
    let max = -Infinity;
    for (const h of hits) {
      const seen = new Set<string>();
      for (const v of valuesAt(h.doc, name)) {
        if (typeof v === 'number') { min = Math.min(min, v); max = Math.max(max, v); }
        if (v === null || typeof v === 'object') continue;
        const label = String(v);
        const key = typeof v === 'string' ? normalize(v) : label;
        if (seen.has(key)) continue;
        seen.add(key);
        const entry = counts.get(key) ?? { label, n: 0 };
        entry.n++;
        counts.set(key, entry);
      }
    }
    const byCount = (s.faceting.sortFacetValuesBy[name] ?? s.faceting.sortFacetValuesBy['*']) === 'count';
    const entries = [...counts.values()].sort((a, b) => (byCount ? b.n - a.n : 0) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
    facetDistribution[name] = Object.fromEntries(entries.slice(0, s.faceting.maxValuesPerFacet).map((e) => [e.label, e.n]));
    if (min !== Infinity) facetStats[name] = { min, max };
  }
  return { facetDistribution, facetStats };
}

export { FilterError };
