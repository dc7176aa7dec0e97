import type { Knex } from 'knex';
import { BadRequestError, ConflictError, NotFoundError } from '../shared/errors';
import { formatFen } from '../shared/money';
import { cartIdOf } from './cart-cookie';
import { loadCartLines, type CartLine } from './cart-lines';
import { CART_TEXT as T } from './cart-strings';

export const MAX_LINE_QTY = 99;
const QTY = /^[1-9]\d?$/;
const ID = /^[1-9]\d{0,9}$/;

/** A quantity as the form sends it: a whole number 1–99, nothing else (0, −1, 1e9, 2.5 are refused). */
export function parseQty(raw: unknown): number {
  if (typeof raw !== 'string' || !QTY.test(raw.trim())) throw new BadRequestError(T.qtyInvalid, 'invalid_quantity', { parameter: 'qty' });
  return Number(raw.trim());
}

export function parseId(raw: unknown, parameter: string, message: string, code: string): number {
  if (typeof raw !== 'string' || !ID.test(raw.trim())) throw new BadRequestError(message, code, { parameter });
  return Number(raw.trim());
}

export interface CartView {
  readonly lines: readonly CartLine[];
  readonly count: number;
  readonly itemsFen: number;
  readonly itemsTotal: string;
  /** True when any line has a problem: checkout refuses the cart until it is fixed. */
  readonly blocked: boolean;
}

export function cartView(lines: readonly CartLine[]): CartView {
  const itemsFen = lines.filter((l) => !l.problem).reduce((sum, l) => sum + l.lineFen, 0);
  return {
    lines,
    count: lines.reduce((n, l) => n + l.qty, 0),
    itemsFen,
    itemsTotal: formatFen(itemsFen),
    blocked: lines.some((l) => l.problem !== null),
  };
}

export function createCartService(db: Knex, now: () => number = Date.now) {
  async function view(token: string | null): Promise<CartView> {
    return cartView(token ? await loadCartLines(db, cartIdOf(token)) : []);
  }

  async function count(token: string | null): Promise<number> {
    if (!token) return 0;
    const row = await db('cart_items').where({ cart_id: cartIdOf(token) }).sum({ n: 'qty' }).first();
    return Number(row?.n ?? 0);
  }

  /** Adds a product (and variant) to the cart; a second add of the same line raises its quantity. */
  async function add(token: string, input: { product: number; variant: number | null; qty: number }): Promise<number> {
    const product = await db('products').where({ id: input.product }).first('id', 'status', 'stock');
    if (!product || product.status !== 'published') throw new NotFoundError(T.productUnknown, 'unknown_product');
    const variants: { id: number; stock: number }[] = await db('product_variants').where({ product_id: input.product }).select('id', 'stock');
    let variantId = 0;
    let stock = Number(product.stock);
    if (variants.length) {
      if (input.variant === null) throw new BadRequestError(T.variantRequired, 'variant_required', { parameter: 'variant' });
      const v = variants.find((x) => Number(x.id) === input.variant);
      if (!v) throw new BadRequestError(T.variantUnknown, 'unknown_variant', { parameter: 'variant' });
      variantId = Number(v.id);
      stock = Number(v.stock);
    } else if (input.variant !== null) {
      throw new BadRequestError(T.variantNotExpected, 'unknown_variant', { parameter: 'variant' });
    }
    const cartId = cartIdOf(token);
    const t = now();
    await db.transaction(async (trx) => {
      await trx('carts').insert({ id: cartId, created_at: t, updated_at: t }).onConflict('id').merge({ updated_at: t });
      const line = await trx('cart_items').where({ cart_id: cartId, product_id: input.product, variant_id: variantId }).first('qty');
      const qty = Number(line?.qty ?? 0) + input.qty;
      if (qty > MAX_LINE_QTY) throw new BadRequestError(T.qtyTooMany, 'invalid_quantity', { parameter: 'qty' });
      // Only a hint here: the stock is reserved (atomically) when the order is placed.
      if (stock <= 0) throw new ConflictError(T.outOfStock, 'out_of_stock');
      if (qty > stock) throw new ConflictError(T.notEnough(stock), 'out_of_stock');
      await trx('cart_items')
        .insert({ cart_id: cartId, product_id: input.product, variant_id: variantId, qty, added_at: t })
        .onConflict(['cart_id', 'product_id', 'variant_id'])
        .merge({ qty });
    });
    return count(token);
  }

  async function setQty(token: string, itemId: number, qty: number): Promise<void> {
    const updated = await db('cart_items').where({ id: itemId, cart_id: cartIdOf(token) }).update({ qty });
    if (!updated) throw new NotFoundError(T.lineUnknown, 'unknown_line');
  }

  async function remove(token: string, itemId: number): Promise<void> {
    const removed = await db('cart_items').where({ id: itemId, cart_id: cartIdOf(token) }).del();
    if (!removed) throw new NotFoundError(T.lineUnknown, 'unknown_line');
  }

  return { view, count, add, setQty, remove };
}

export type CartService = ReturnType<typeof createCartService>;
