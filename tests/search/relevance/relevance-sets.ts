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
    const n1 = PART_NAMES.get(c1)![0];
    const n2 = PART_NAMES.get(c2)![k % PART_NAMES.get(c2)!.length];
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
    const names1 = PART_NAMES.get(c1)!;
    const names2 = PART_NAMES.get(c2)!;
    out.push({ q: `${names1[(k + 1) % names1.length]} ${model}`, make, model, category: c1 });
    out.push({ q: `【包邮】${make}${model}专用${names2[k % names2.length]} 改装 正品`, make, model, category: c2 });
    out.push({ q: `2020款${model}${CATEGORY_NAMES[c1]}`, make, model, category: c1, year: 2020 });
  }
  return out;
}
