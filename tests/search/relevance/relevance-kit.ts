import { PARTS, rng, syntheticProduct, VEHICLES, type SyntheticProduct } from '../../../src/cli/synthetic-catalog';
import type { SearchDocument, SearchEngine } from '../../../src/search/search-engine';

/** Chinese category names of the generator's categories, as the demo catalogue names them. */
export const CATEGORY_NAMES: Readonly<Record<string, string>> = {
  stickers: '车贴', grilles: '中网', 'sill-strips': '门槛条', 'car-covers': '车衣', headlights: '大灯', 'tail-lights': '尾灯',
  chargers: '充电器', 'dash-cams': '行车记录仪', 'phone-holders': '手机支架', 'floor-mats': '脚垫', 'seat-covers': '座套',
  'steering-wheel-covers': '方向盘套', 'car-perfume': '香水', 'car-wash': '洗车用品', wipers: '雨刮',
};

export interface RelevanceCase {
  readonly q: string;
  readonly make?: string;
  readonly model?: string;
  readonly category: string;
  /** The expected part fits a vehicle in this year. */
  readonly year?: number;
}

export interface Catalogue {
  readonly docs: readonly SearchDocument[];
  readonly meta: ReadonlyMap<number, SyntheticProduct>;
}

/** `n` listings from the bulk seeder's generator: thousands of near duplicates for sibling models of each make. */
export function syntheticCatalogue(n: number, seed = 7): Catalogue {
  const rand = rng(seed);
  const docs: SearchDocument[] = [];
  const meta = new Map<number, SyntheticProduct>();
  for (let i = 0; i < n; i++) {
    const p = syntheticProduct(i, rand);
    const id = i + 1;
    meta.set(id, p);
    docs.push({
      type: 'product', id, title: p.title, subtitle: p.nameEn, body: [p.description, ...p.specs.map(([k, v]) => `${k} ${v}`)].join('\n'),
      url: `/p/${p.slug}`, price: p.priceFen / 100, image: null, category: p.category, categoryName: CATEGORY_NAMES[p.category] ?? null,
      tags: [], vehicles: p.vehicle ? [p.vehicle] : [], universal: p.vehicle === null, publishedAt: null,
      createdAt: Date.UTC(2024, 0, 1) - p.ageDays * 86_400_000,
    });
  }
  return { docs, meta };
}

function satisfies(c: RelevanceCase, p: SyntheticProduct | undefined): boolean {
  if (!p || p.category !== c.category) return false;
  if (c.model === undefined) return true;
  const v = p.vehicle;
  if (!v || v.model !== c.model || (c.make !== undefined && v.make !== c.make)) return false;
  return c.year === undefined || (v.yearFrom <= c.year && v.yearTo >= c.year);
}

export interface RelevanceReport {
  readonly cases: number;
  /** Cases with an expected part anywhere in the catalogue (the others cannot pass and are not counted). */
  readonly answerable: number;
  readonly top3: number;
  /** Vehicle cases whose top 5 show the fitting parts before any other part. */
  readonly pureTop5: number;
  readonly vehicleCases: number;
  readonly misses: readonly string[];
}

export async function evaluate(engine: SearchEngine, catalogue: Catalogue, cases: readonly RelevanceCase[]): Promise<RelevanceReport> {
  let answerable = 0, top3 = 0, pureTop5 = 0, vehicleCases = 0;
  const misses: string[] = [];
  const counts = new Map<RelevanceCase, number>();
  for (const c of cases) counts.set(c, [...catalogue.meta.values()].filter((p) => satisfies(c, p)).length);
  for (const c of cases) {
    const n = counts.get(c) ?? 0;
    if (n === 0) continue;
    answerable++;
    const r = await engine.search({ q: c.q, type: 'product', sort: 'relevance', page: 1, perPage: 5 });
    const ok = r.hits.map((h) => satisfies(c, catalogue.meta.get(h.id)));
    if (ok.slice(0, 3).some(Boolean)) top3++;
    else misses.push(`${c.q} → ${r.hits.slice(0, 3).map((h) => h.title).join(' | ')}`);
    if (c.model !== undefined) {
      // Only that vehicle's parts in the top 5 while it has any: no other part ranks above one of them.
      vehicleCases++;
      const firstOther = ok.indexOf(false);
      if (firstOther === -1 || !ok.slice(firstOther).some(Boolean)) pureTop5++;
      else misses.push(`(top 5) ${c.q} → ${r.hits.filter((_, k) => !ok[k]).map((h) => h.title).join(' | ')}`);
    }
  }
  return { cases: cases.length, answerable, top3, pureTop5, vehicleCases, misses };
}

/** Makes and their sibling models as the generator uses them, and its part names per category. */
export const MAKE_MODELS = VEHICLES;
export const PART_NAMES: ReadonlyMap<string, readonly string[]> = new Map(PARTS.map((p) => [p.category, p.names]));
