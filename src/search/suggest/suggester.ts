import { hitSuggestion, type SearchEngine, type Suggestion } from '../search-engine';
import type { QueryCount } from '../query-stats';
import { compact, markTyped, PrefixIndex, type IndexItem } from './prefix-index';

export const MAX_COMPLETIONS = 5;
export const MAX_PRODUCTS = 5;
export const MAX_CATEGORIES = 3;

/** Catalogue vocabulary with how many published products each entry finds. */
export interface VocabularyInput {
  readonly makes: readonly { name: string; aliases: readonly string[]; products: number }[];
  readonly models: readonly { make: string; name: string; aliases: readonly string[]; products: number }[];
  readonly categories: readonly { slug: string; name: string; nameEn: string; products: number }[];
  /** Vehicle + part pairs that have products, e.g. 宝骏730 + 尾灯. */
  readonly pairs: readonly { make: string; model: string; category: string; products: number }[];
  /** What shoppers searched that found something (see query-stats.ts). */
  readonly queries: readonly QueryCount[];
}

export interface SuggestVocabulary {
  readonly completions: PrefixIndex<null>;
  readonly categories: PrefixIndex<{ slug: string }>;
}

/** 宝骏 + 730 → 宝骏730; Latin meets Latin with a space (Tesla Model 3 stays readable). */
export function vehicleText(make: string, model: string): string {
  if (!model) return make;
  if (model.startsWith(make)) return model;
  return /[a-z0-9]$/i.test(make) && /^[a-z0-9]/i.test(model) ? `${make} ${model}` : `${make}${model}`;
}

/** A shopper's real query is worth more than a catalogue count of the same size. */
const QUERY_WEIGHT = 20;
/**
 * A category is offered again as a category link below the products, and its count sums many
 * vehicles' parts: as a completion it counts for less than a vehicle of the same size, so that
 * "bao" completes to 宝骏 before 保养养护.
 */
const CATEGORY_WEIGHT = 0.25;

/** "门槛条/踏板" is two part words; completions and searches use them one by one. */
export function partWords(categoryName: string): string[] {
  return categoryName.split(/[/／、|]+/).map((w) => w.trim()).filter((w) => w !== '');
}

export function buildVocabulary(input: VocabularyInput): SuggestVocabulary {
  const items: IndexItem<null>[] = [];
  for (const m of input.makes) if (m.products > 0) items.push({ text: m.name, aliases: m.aliases, weight: m.products, payload: null });
  for (const m of input.models) {
    if (m.products > 0) items.push({ text: vehicleText(m.make, m.name), aliases: [m.name, ...m.aliases], weight: m.products, payload: null });
  }
  for (const c of input.categories) {
    if (c.products > 0) for (const word of partWords(c.name)) items.push({ text: word, aliases: [c.nameEn], weight: c.products * CATEGORY_WEIGHT, payload: null });
  }
  for (const p of input.pairs) {
    const part = partWords(p.category)[0];
    if (p.products > 0 && part) items.push({ text: `${vehicleText(p.make, p.model)} ${part}`, weight: p.products, payload: null });
  }
  for (const q of input.queries) items.push({ text: q.query, weight: (q.searches - q.zeroResults) * QUERY_WEIGHT, payload: null });
  return {
    completions: new PrefixIndex(items),
    categories: new PrefixIndex(input.categories.map((c) => ({ text: c.name, aliases: [c.nameEn], weight: c.products, payload: { slug: c.slug } }))),
  };
}

/** One Latin letter (or digit, or sign) says nothing yet: no suggestions. A single Han character does. */
function tooShort(q: string): boolean {
  const chars = Array.from(compact(q));
  return chars.length === 0 || (chars.length === 1 && !/\p{Script=Han}/u.test(chars[0]));
}

/**
 * Nothing in the vocabulary starts like 五菱宏光P: the P is a model code still being typed, and as
 * a one-letter prefix it would make the engines expand every indexed word starting with p. The
 * products are those of the text before it, which is what the shopper has typed in full so far.
 */
function withoutLoneTail(typed: string): string {
  const m = /^(.*\p{Script=Han})\s*[a-z0-9]$/iu.exec(typed);
  return m ? `${m[1]} ` : typed;
}

/** Every keystroke asks for products: an engine that can find them without a full ranked search does. */
async function productsFor(engine: SearchEngine, text: string): Promise<Suggestion[]> {
  if (engine.suggestProducts) return engine.suggestProducts(text, MAX_PRODUCTS);
  const { hits } = await engine.search({ q: text, type: 'product', sort: 'relevance', page: 1, perPage: MAX_PRODUCTS });
  return hits.map(hitSuggestion);
}

/**
 * As-you-type suggestions, Dawn's predictive search order: query completions (catalogue
 * vocabulary, then what shoppers searched with results), up to five products, and categories by
 * their Chinese names. Products are those of the first completion while a word is still being
 * typed (bao → 宝骏), so they agree with the completion the shopper is most likely to pick.
 */
export function createSuggester(engine: SearchEngine, vocabulary: () => Promise<SuggestVocabulary>) {
  return async (q: string): Promise<Suggestion[]> => {
    const typed = q.trim();
    if (tooShort(typed)) return [];
    const vocab = await vocabulary();
    const completions = vocab.completions.match(typed, MAX_COMPLETIONS);
    const top = completions[0]?.item.text;
    const productQuery = top && compact(top) !== compact(typed) ? top : top ? typed : withoutLoneTail(typed);
    // A completion is whole words: the trailing space tells both engines not to expand its last
    // word as a prefix ("Model Y" must not become every word starting with y).
    let products = await productsFor(engine, productQuery === typed || productQuery.endsWith(' ') ? productQuery : `${productQuery} `);
    // A completion that finds nothing on this engine (words it cannot drop) must not hide what the typed text finds.
    if (products.length === 0 && top && productQuery !== typed) products = await productsFor(engine, typed);
    const categories = vocab.categories.match(typed, MAX_CATEGORIES);
    return [
      ...completions.map(({ item }): Suggestion => ({ type: 'query', title: item.text, url: `/search?q=${encodeURIComponent(item.text)}`, _formatted: { title: markTyped(item.text, typed) } })),
      ...products,
      ...categories.map(({ item }): Suggestion => ({ type: 'category', title: item.text, url: `/c/${item.payload.slug}`, _formatted: { title: markTyped(item.text, typed) } })),
    ];
  };
}
