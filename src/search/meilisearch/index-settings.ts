import type { Settings } from 'meilisearch';
import { vehicleCodes } from '../query-intent';

export interface SettingsInput {
  readonly synonyms: Record<string, string[]>;
  readonly stopWords?: readonly string[];
  readonly dictionary: readonly string[];
  readonly maxTotalHits: number;
  readonly maxValuesPerFacet: number;
}

/** Facet names in the `/api/search` response → Meilisearch attributes. */
export const FACETS = { category: 'category', make: 'makes', model: 'models', price: 'priceRange' } as const;

/** Attribute order is relevance order (the `attribute` rule): title first, long bodies last. */
export const SEARCHABLE_ATTRIBUTES = ['title', 'subtitle', 'vehicleText', 'categoryName', 'categoryPath', 'tags', 'terms', 'body'] as const;

/**
 * Dictionary words are kept whole by Meilisearch's segmenter, so a compound (后尾灯, 尾灯总成,
 * 宝骏730) would hide the word inside it: 尾灯 would neither match nor highlight in 后尾灯. Only the
 * atoms go to Meilisearch; compounds are still found as sequences of atoms.
 */
export function atomicWords(words: readonly string[]): string[] {
  const unique = [...new Set(words.map((w) => w.trim()).filter((w) => w !== ''))];
  return unique.filter((w) => !unique.some((other) => other !== w && other.length < w.length && w.includes(other)));
}

/** Settings applied at start-up and to every fresh index a reindex builds. */
export function indexSettings(input: SettingsInput): Settings {
  return {
    searchableAttributes: [...SEARCHABLE_ATTRIBUTES],
    filterableAttributes: ['type', 'category', 'makes', 'models', 'priceRange', 'fitKeys', 'universal', 'price', 'createdAt'],
    sortableAttributes: ['price', 'createdAt'],
    // `sort` first: an explicit sort (price, newest) orders all matches, as shoppers expect and as the
    // embedded engine does; with sort=relevance no sort is sent and the rule is a no-op.
    rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
    synonyms: input.synonyms,
    // The same list the embedded engine leaves out of queries (migration 0008's table).
    stopWords: [...(input.stopWords ?? [])],
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
      // Part numbers and years must match exactly: "730" is not "750".
      disableOnNumbers: true,
      // Model codes are exact too: model3 is not modely (the embedded engine allows typos in letter-only words).
      disableOnWords: vehicleCodes(),
    },
    dictionary: atomicWords(input.dictionary),
    // Chinese segmentation for the text fields; without it a short query such as 尾灯 can be
    // detected as Japanese and segmented differently from the documents.
    localizedAttributes: [{ attributePatterns: ['title', 'vehicleText', 'categoryName', 'categoryPath', 'tags', 'terms', 'body'], locales: ['cmn'] }],
    faceting: { maxValuesPerFacet: input.maxValuesPerFacet },
    pagination: { maxTotalHits: input.maxTotalHits },
  };
}
