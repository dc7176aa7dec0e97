import { CATEGORY_NAMES, MAKE_MODELS, PART_NAMES, type Catalogue, type RelevanceCase } from './relevance-kit';

/**
 * Two relevance sets over the bulk seeder's catalogue. The TUNING set (odd-numbered sibling models,
 * make+model+part written together) is the one the engine may be tuned on. The HELD-OUT set
 * (even-numbered models; part first, seller noise, model years, category names) was written before
 * it was first measured and is never tuned on: its figure is the honest one.
 */
function categoriesOf(catalogue: Catalogue, make: string, model: string): string[] {
  const counts = new Map<string, number>();
  for (const p of catalogue.meta.values()) if (p.vehicle?.make === make && p.vehicle.model === model) counts.set(p.category, (counts.get(p.category) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
}

/** Part names of the category that this model's listings really use (a shopper names the part they see). */
function namesOf(catalogue: Catalogue, make: string, model: string, category: string): string[] {
  const names = PART_NAMES.get(category) ?? [];
  const used = names.filter((n) => [...catalogue.meta.values()].some((p) => p.vehicle?.make === make && p.vehicle.model === model && p.category === category && p.title.includes(n)));
  return used.length > 0 ? used : [...names];
}

function models(parity: 0 | 1): { make: string; model: string; k: number }[] {
  return MAKE_MODELS.flatMap(([make, list], m) => list.map((model, i) => ({ make, model, k: m * 8 + i })).filter((x, i) => i % 2 === parity));
}

export function tuningSet(catalogue: Catalogue): RelevanceCase[] {
  const out: RelevanceCase[] = [];
  for (const { make, model, k } of models(1)) {
    const cats = categoriesOf(catalogue, make, model);
    if (cats.length === 0) continue;
    const c1 = cats[0];
    const c2 = cats[1 % cats.length];
    const names1 = namesOf(catalogue, make, model, c1);
    const names2 = namesOf(catalogue, make, model, c2);
    const n1 = names1[0];
    const n2 = names2[k % names2.length];
    out.push({ q: `${make}${model}${n1}`, make, model, category: c1 });
    out.push({ q: `${model}${n2}`, make, model, category: c2 });
    out.push({ q: `${make} ${model} ${n2}`, make, model, category: c2 });
  }
  return out;
}

export function heldOutSet(catalogue: Catalogue): RelevanceCase[] {
  const out: RelevanceCase[] = [];
  for (const { make, model, k } of models(0)) {
    const cats = categoriesOf(catalogue, make, model);
    if (cats.length === 0) continue;
    const c1 = cats[0];
    const c2 = cats[cats.length - 1];
    const names1 = namesOf(catalogue, make, model, c1);
    const names2 = namesOf(catalogue, make, model, c2);
    out.push({ q: `${names1[(k + 1) % names1.length]} ${model}`, make, model, category: c1 });
    out.push({ q: `【包邮】${make}${model}专用${names2[k % names2.length]} 改装 正品`, make, model, category: c2 });
    out.push({ q: `2020款${model}${CATEGORY_NAMES[c1]}`, make, model, category: c1, year: 2020 });
  }
  return out;
}

const ENGLISH: Readonly<Record<string, string>> = {
  grilles: 'grille', 'floor-mats': 'floor mat', 'tail-lights': 'tail light', 'dash-cams': 'dash cam', 'seat-covers': 'seat cover',
  'phone-holders': 'phone holder', wipers: 'wiper', chargers: 'charger', 'car-perfume': 'air freshener', stickers: 'sticker',
};

/**
 * A second held-out set, written after the first one had been looked at and measured once: English
 * part names and part-first listings with a year range. Never tuned on.
 */
export function heldOutSet2(catalogue: Catalogue): RelevanceCase[] {
  const out: RelevanceCase[] = [];
  for (const { make, model, k } of [...models(0), ...models(1)]) {
    const cats = categoriesOf(catalogue, make, model);
    const english = cats.find((c) => ENGLISH[c] !== undefined);
    if (english) out.push({ q: `${model} ${ENGLISH[english]}`, make, model, category: english });
    const c = cats[k % Math.max(1, cats.length)];
    if (c) {
      const names = namesOf(catalogue, make, model, c);
      const yy = 16 + (k % 6);
      out.push({ q: `${names[0]} 适用${make}${model} ${yy}-${yy + 2}款`, make, model, category: c, year: 2000 + yy + 1 });
    }
  }
  return out;
}
