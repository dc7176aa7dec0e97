/**
 * The small list syntaxes of the spreadsheet cells (`名称:值;名称:值`, `名称:价格:库存:SKU;…`,
 * `a|b`). A backslash escapes a separator or itself, so any stored text survives an export and
 * re-import; sellers' sheets rarely need it.
 */

/** Splits on unescaped separators; escape sequences stay as they are, for a nested split. */
export function splitRaw(text: string, separators: string): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      cur += c + text[++i];
    } else if (separators.includes(c)) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  return parts;
}

export function unescapeCell(text: string): string {
  return text.replace(/\\(.)/gs, '$1');
}

export function splitEscaped(text: string, separators: string): string[] {
  return splitRaw(text, separators).map(unescapeCell);
}

export function escapeParts(parts: readonly string[], separators: string): string[] {
  return parts.map((p) => [...p].map((c) => (c === '\\' || separators.includes(c) ? `\\${c}` : c)).join(''));
}

/** Items of a list cell, still escaped (for a nested split): trimmed, empty items dropped (a trailing `;` is common). */
export function listItems(text: string, separators: string): string[] {
  return splitRaw(text, separators).map((s) => s.trim()).filter((s) => s !== '');
}

/** Items of a one-level list cell (tags, image names), unescaped. */
export function plainItems(text: string, separators: string): string[] {
  return listItems(text, separators).map((s) => unescapeCell(s).trim()).filter((s) => s !== '');
}

export const LIST_SEPARATORS = ';；';
export const FIELD_SEPARATORS = ':：';
export const TAG_SEPARATORS = ',，、';
export const IMAGE_SEPARATORS = '|';
/** 车灯照明/尾灯; a name that itself holds a slash (车贴/贴纸) is written 车贴\\/贴纸. */
export const CATEGORY_SEPARATORS = '/>';

export function fenToYuanText(fen: number): string {
  return String(fen / 100);
}

const PRICE = /^\d{1,8}(\.\d{1,2})?$/;

/** Yuan as a sheet holds it (`168`, `168.5`, `¥168.00`, `1,680`) → fen, or null when it is not a price. */
export function parsePrice(text: string): number | null {
  const t = text.trim().replace(/^[¥￥]\s*/, '').replace(/,(?=\d{3}(\D|$))/g, '');
  if (!PRICE.test(t)) return null;
  return Math.round(Number(t) * 100);
}
