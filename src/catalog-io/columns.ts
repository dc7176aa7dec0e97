/** The spreadsheet's columns: English name, the Chinese header Taobao-style sheets use. Order = export order. */
export const COLUMNS = [
  ['sku', '商家编码'],
  ['title', '宝贝名称'],
  ['title_en', '英文名'],
  ['category', '分类'],
  ['price', '价格'],
  ['compare_at_price', '原价'],
  ['stock', '库存'],
  ['status', '状态'],
  ['tags', '标签'],
  ['specs', '参数'],
  ['variants', '规格'],
  ['description', '宝贝描述'],
  ['fitment', '适用车型'],
  ['images', '图片'],
] as const;

export type Column = (typeof COLUMNS)[number][0];
export type RawRow = Partial<Record<Column, string>>;

const BY_HEADER = new Map<string, Column>(COLUMNS.flatMap(([en, zh]) => [[en, en], [zh, en]] as [string, Column][]));

export interface HeaderMap {
  /** Column of each cell position; null for unknown or repeated headers. */
  readonly positions: readonly (Column | null)[];
  readonly unknown: readonly string[];
  readonly missing: readonly Column[];
}

/** Headers match exactly (after trimming and case-folding the English names); anything else is reported. */
export function mapHeader(cells: readonly string[]): HeaderMap {
  const seen = new Set<Column>();
  const unknown: string[] = [];
  const positions = cells.map((raw) => {
    const text = raw.replace(/^\uFEFF/, '').trim();
    const col = BY_HEADER.get(text) ?? BY_HEADER.get(text.toLowerCase()) ?? null;
    if (col === null || seen.has(col)) {
      if (text !== '') unknown.push(text);
      return null;
    }
    seen.add(col);
    return col;
  });
  const missing = (['sku', 'title', 'price'] as const).filter((c) => !seen.has(c));
  return { positions, unknown, missing };
}

export function toRawRow(map: HeaderMap, cells: readonly string[]): RawRow {
  const row: RawRow = {};
  map.positions.forEach((col, i) => {
    if (col !== null) row[col] = cells[i] ?? '';
  });
  return row;
}

export function headerCells(language: 'zh' | 'en'): string[] {
  return COLUMNS.map(([en, zh]) => (language === 'zh' ? zh : en));
}
