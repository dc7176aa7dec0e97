import type { DocumentKey, SearchDocument } from '../search-engine';
import { priceBucket } from '../price-buckets';
import { fold, indexTerms } from '../text';

/** The document as Meilisearch stores it: display fields plus helper fields for matching and filtering. */
export interface MeiliDocument extends SearchDocument {
  readonly uid: string;
  /** "宝骏 730" per vehicle: a searchable field ranked right after the title. */
  readonly vehicleText: readonly string[];
  readonly makes: readonly string[];
  readonly models: readonly string[];
  /** Facet bucket of src/search/price-buckets.ts, exposed as `price` in facetDistribution. */
  readonly priceRange: string | null;
  readonly fitKeys: readonly string[];
  /**
   * The embedded engine's index terms of the short fields (folded words, CJK unigrams and bigrams,
   * pinyin and initials), so Meilisearch finds what the embedded engine finds: 尾 in 尾灯, weideng, bj.
   */
  readonly terms: string;
}

export const PRIMARY_KEY = 'uid';

/** Years a fitment key is spelled out for; a query outside this range cannot be expressed. */
export const FIT_YEAR_MIN = 1980;
export const FIT_YEAR_MAX = 2045;
const ANY = '*';
const OPEN = '~';

/** Meilisearch ids allow [A-Za-z0-9_-]: "product-5". */
export function documentUid(key: DocumentKey): string {
  return `${key.type}-${key.id}`;
}

// The highlighter uses \u0001 and \u0002 as tags; they must never come from the content itself.
function clean(text: string): string {
  return text.replaceAll('\u0001', '').replaceAll('\u0002', '');
}

export function fitPart(value: string): string {
  return fold(value.trim()).replace(/\|/g, ' ');
}

/**
 * Fitment as plain filter keys `make|model|year`, each part possibly `*` (not asked). A vehicle with
 * no year limits gets the year `~`, which every year query also accepts. Meilisearch compares array
 * elements one by one, so `vehicles.make = A AND vehicles.model = B` could pair A with another
 * vehicle's B; precomputed keys keep make, model and year on the same vehicle.
 */
export function fitKeys(vehicles: SearchDocument['vehicles']): string[] {
  const keys = new Set<string>();
  for (const v of vehicles) {
    const makes = [fitPart(v.make), ANY];
    const models = [fitPart(v.model), ANY];
    const years: string[] = [ANY];
    if (v.yearFrom === null && v.yearTo === null) years.push(OPEN);
    else {
      const from = Math.max(FIT_YEAR_MIN, v.yearFrom ?? FIT_YEAR_MIN);
      const to = Math.min(FIT_YEAR_MAX, v.yearTo ?? FIT_YEAR_MAX);
      for (let y = from; y <= to; y++) years.push(String(y));
    }
    for (const mk of makes) for (const md of models) for (const y of years) keys.add(`${mk}|${md}|${y}`);
  }
  return [...keys];
}

/** The keys a fitment query accepts: its exact year, or vehicles without year limits. */
export function fitQueryKeys(make: string | undefined, model: string | undefined, year: number | undefined): string[] {
  const mk = make ? fitPart(make) : ANY;
  const md = model ? fitPart(model) : ANY;
  if (year === undefined) return [`${mk}|${md}|${ANY}`];
  return [`${mk}|${md}|${year}`, `${mk}|${md}|${OPEN}`];
}

export function toMeiliDocument(doc: SearchDocument): MeiliDocument {
  const vehicleText = doc.vehicles.map((v) => clean(`${v.make} ${v.model}`.trim()));
  const shortFields = [doc.title, doc.subtitle, ...vehicleText, doc.categoryName ?? '', ...(doc.categoryPath ?? []), ...doc.tags];
  const terms = new Set<string>();
  for (const field of shortFields) for (const t of indexTerms(field, 'rich')) terms.add(t);
  return {
    uid: documentUid(doc),
    type: doc.type,
    id: doc.id,
    title: clean(doc.title),
    subtitle: clean(doc.subtitle),
    body: clean(doc.body),
    url: doc.url,
    price: doc.price,
    image: doc.image,
    category: doc.category,
    categoryName: doc.categoryName === null ? null : clean(doc.categoryName),
    tags: doc.tags.map(clean),
    categoryPath: (doc.categoryPath ?? []).map(clean),
    vehicles: doc.vehicles,
    vehicleText,
    makes: [...new Set(doc.vehicles.map((v) => v.make.trim()).filter((m) => m !== ''))],
    models: [...new Set(doc.vehicles.map((v) => v.model.trim()).filter((m) => m !== ''))],
    priceRange: doc.price === null ? null : priceBucket(doc.price),
    fitKeys: fitKeys(doc.vehicles),
    universal: doc.universal,
    publishedAt: doc.publishedAt,
    createdAt: doc.createdAt,
    terms: [...terms].join(' '),
  };
}
