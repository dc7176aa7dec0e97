const cny = new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY' });

/** Prices are stored as integer fen; shown as ¥12.34. */
export function formatFen(fen: number): string {
  return cny.format(fen / 100);
}

export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

export function fenToYuan(fen: number): number {
  return fen / 100;
}
