/** In-memory indexes and their settings, shaped like Meilisearch's (defaults from the OpenAPI document). */

export interface StubSettings {
  displayedAttributes: string[];
  searchableAttributes: string[];
  filterableAttributes: string[];
  sortableAttributes: string[];
  rankingRules: string[];
  stopWords: string[];
  nonSeparatorTokens: string[];
  separatorTokens: string[];
  dictionary: string[];
  synonyms: Record<string, string[]>;
  distinctAttribute: string | null;
  proximityPrecision: string;
  typoTolerance: {
    enabled: boolean;
    minWordSizeForTypos: { oneTypo: number; twoTypos: number };
    disableOnWords: string[];
    disableOnAttributes: string[];
    disableOnNumbers: boolean;
  };
  faceting: { maxValuesPerFacet: number; sortFacetValuesBy: Record<string, string> };
  pagination: { maxTotalHits: number };
  searchCutoffMs: number | null;
  localizedAttributes: { attributePatterns: string[]; locales: string[] }[] | null;
  facetSearch: boolean;
  prefixSearch: string;
}

export function defaultSettings(): StubSettings {
  return {
    displayedAttributes: ['*'],
    searchableAttributes: ['*'],
    filterableAttributes: [],
    sortableAttributes: [],
    rankingRules: ['words', 'typo', 'proximity', 'attributeRank', 'sort', 'wordPosition', 'exactness'],
    stopWords: [],
    nonSeparatorTokens: [],
    separatorTokens: [],
    dictionary: [],
    synonyms: {},
    distinctAttribute: null,
    proximityPrecision: 'byWord',
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
      disableOnWords: [],
      disableOnAttributes: [],
      disableOnNumbers: false,
    },
    faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'alpha' } },
    pagination: { maxTotalHits: 1000 },
    searchCutoffMs: null,
    localizedAttributes: null,
    facetSearch: true,
    prefixSearch: 'indexingTime',
  };
}

type Patch = Partial<Record<keyof StubSettings, unknown>>;

/** PATCH semantics: absent = unchanged, null = reset to default, nested objects merge one level. */
export function applySettingsPatch(current: StubSettings, patch: Patch): StubSettings {
  const defaults = defaultSettings();
  const next = structuredClone(current) as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (!(key in defaults)) continue; // embedders, chat…: accepted by the contract, not simulated
    const k = key as keyof StubSettings;
    if (value === null) {
      next[k] = structuredClone(defaults[k]);
    } else if (k === 'typoTolerance') {
      const v = value as Record<string, unknown>;
      const base = next.typoTolerance as StubSettings['typoTolerance'];
      const mw = (v.minWordSizeForTypos ?? {}) as Record<string, number | null>;
      next.typoTolerance = {
        enabled: (v.enabled as boolean | null) ?? base.enabled,
        minWordSizeForTypos: {
          oneTypo: mw.oneTypo ?? base.minWordSizeForTypos.oneTypo,
          twoTypos: mw.twoTypos ?? base.minWordSizeForTypos.twoTypos,
        },
        disableOnWords: (v.disableOnWords as string[] | null) ?? base.disableOnWords,
        disableOnAttributes: (v.disableOnAttributes as string[] | null) ?? base.disableOnAttributes,
        disableOnNumbers: (v.disableOnNumbers as boolean | null) ?? base.disableOnNumbers,
      };
    } else if (k === 'faceting' || k === 'pagination') {
      const merged: Record<string, unknown> = { ...(next[k] as object) };
      for (const [sub, subValue] of Object.entries(value as object)) {
        merged[sub] = subValue ?? (defaults[k] as Record<string, unknown>)[sub];
      }
      next[k] = merged;
    } else {
      next[k] = structuredClone(value);
    }
  }
  return next as unknown as StubSettings;
}

/** Settings problems Meilisearch reports when the task runs (the shape was checked on receipt). */
export function settingsProblem(s: StubSettings): { code: string; message: string } | null {
  const builtIn = ['words', 'typo', 'proximity', 'attribute', 'attributeRank', 'wordPosition', 'sort', 'exactness'];
  for (const rule of s.rankingRules) {
    if (!builtIn.includes(rule) && !/^[^:\s]+:(asc|desc)$/.test(rule)) {
      return { code: 'invalid_settings_ranking_rules', message: `Invalid value at \`.rankingRules[${s.rankingRules.indexOf(rule)}]\`: \`${rule}\` ranking rule is invalid.` };
    }
  }
  const { oneTypo, twoTypos } = s.typoTolerance.minWordSizeForTypos;
  if (oneTypo > twoTypos) {
    return { code: 'invalid_settings_typo_tolerance', message: '`minWordSizeForTypos` setting is invalid. `oneTypo` and `twoTypos` fields should be between `0` and `255`, and `twoTypos` should be greater or equals to `oneTypo`' };
  }
  return null;
}

export interface IndexState {
  uid: string;
  primaryKey: string | null;
  createdAt: string;
  updatedAt: string;
  settings: StubSettings;
  /** Insertion order is the internal document id order, the final tie-breaker. */
  docs: Map<string, Record<string, unknown>>;
}

export function newIndex(uid: string, primaryKey: string | null): IndexState {
  const now = new Date().toISOString();
  return { uid, primaryKey, createdAt: now, updatedAt: now, settings: defaultSettings(), docs: new Map() };
}

export function indexView(ix: IndexState): Record<string, unknown> {
  return { uid: ix.uid, createdAt: ix.createdAt, updatedAt: ix.updatedAt, primaryKey: ix.primaryKey };
}
