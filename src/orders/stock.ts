import type { Knex } from 'knex';
import { bumpContentVersion } from '../shared/content-version';
import { ConflictError } from '../shared/errors';

/** At or below this many, pages say 仅剩 N 件 instead of 现货 (see views/partials/stock-state.ejs). */
export const LOW_STOCK = 5;

/** The page-cache topic for stock: bumped only when what a page shows about stock changes. */
export const STOCK_VERSION = 'stock';

export interface StockLine {
  readonly productId: number;
  readonly variantId: number; // 0 = the product itself
  readonly qty: number;
  readonly title: string;
}

export class OutOfStockError extends ConflictError {
  constructor(title: string) {
    super(`库存不足：${title} 已缺货或数量不够，请调整购物车`, 'out_of_stock');
  }
}

/** Pages show 现货 above LOW_STOCK and the exact count at or below it: only that band is visible. */
const visible = (before: number, after: number) => Math.min(before, after) <= LOW_STOCK;

/** Same rows, same order, in every transaction: concurrent orders queue on a row instead of deadlocking. */
function lockOrder(lines: readonly StockLine[]): StockLine[] {
  const merged = new Map<string, StockLine>();
  for (const l of lines) {
    const key = `${l.productId}:${l.variantId}`;
    const seen = merged.get(key);
    merged.set(key, seen ? { ...seen, qty: seen.qty + l.qty } : l);
  }
  return [...merged.values()].sort((a, b) => a.productId - b.productId || a.variantId - b.variantId);
}

async function stockOf(trx: Knex.Transaction, table: string, id: number): Promise<number> {
  const row = await trx(table).where({ id }).first('stock');
  return Number(row?.stock ?? 0);
}

/**
 * Takes the lines' stock inside the order's transaction. Each decrement is one conditional UPDATE
 * (`stock >= qty`), so the row lock (PostgreSQL) or the single writer (SQLite) decides who gets
 * the last item; nothing is read first and written later. A variant product's own `stock` is the
 * listing's total: it follows the variants down but never below zero.
 */
export async function reserveStock(trx: Knex.Transaction, lines: readonly StockLine[]): Promise<void> {
  let bump = false;
  const byProduct = new Map<number, number>();
  for (const l of lockOrder(lines)) {
    if (l.variantId !== 0) {
      const taken = await trx('product_variants')
        .where({ id: l.variantId, product_id: l.productId })
        .andWhere('stock', '>=', l.qty)
        .update({ stock: trx.raw('stock - ?', [l.qty]) });
      if (taken !== 1) throw new OutOfStockError(l.title);
      const after = await stockOf(trx, 'product_variants', l.variantId);
      bump ||= visible(after + l.qty, after);
      byProduct.set(l.productId, (byProduct.get(l.productId) ?? 0) + l.qty);
      continue;
    }
    const taken = await trx('products')
      .where({ id: l.productId, status: 'published' })
      .andWhere('stock', '>=', l.qty)
      .update({ stock: trx.raw('stock - ?', [l.qty]) });
    if (taken !== 1) throw new OutOfStockError(l.title);
    const after = await stockOf(trx, 'products', l.productId);
    bump ||= visible(after + l.qty, after);
  }
  for (const [productId, qty] of [...byProduct].sort((a, b) => a[0] - b[0])) {
    const before = await stockOf(trx, 'products', productId);
    await trx('products').where({ id: productId }).update({ stock: trx.raw('case when stock >= ? then stock - ? else 0 end', [qty, qty]) });
    bump ||= visible(before, Math.max(0, before - qty));
  }
  if (bump) await bumpContentVersion(trx, STOCK_VERSION);
}

/** Puts a cancelled order's stock back (rows that were deleted since are skipped). */
export async function releaseStock(trx: Knex.Transaction, lines: readonly StockLine[]): Promise<void> {
  let bump = false;
  const byProduct = new Map<number, number>();
  for (const l of lockOrder(lines)) {
    byProduct.set(l.productId, (byProduct.get(l.productId) ?? 0) + l.qty);
    if (l.variantId === 0) continue;
    const n = await trx('product_variants').where({ id: l.variantId, product_id: l.productId }).update({ stock: trx.raw('stock + ?', [l.qty]) });
    if (n) {
      const after = await stockOf(trx, 'product_variants', l.variantId);
      bump ||= visible(after - l.qty, after);
    }
  }
  for (const [productId, qty] of [...byProduct].sort((a, b) => a[0] - b[0])) {
    const n = await trx('products').where({ id: productId }).update({ stock: trx.raw('stock + ?', [qty]) });
    if (n) {
      const after = await stockOf(trx, 'products', productId);
      bump ||= visible(after - qty, after);
    }
  }
  if (bump) await bumpContentVersion(trx, STOCK_VERSION);
}
