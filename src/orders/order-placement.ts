import type { Knex } from 'knex';
import { loadCartLines, cartIdOf } from '../cart';
import { BadRequestError, ConflictError } from '../shared/errors';
import type { CheckoutInput } from './checkout-form';
import { enqueueMail } from './notifications/notification-outbox';
import { newOrderMail } from './notifications/messages';
import { newOrderNumber } from './order-number';
import type { PaymentRegistry } from './payment/registry';
import { deliveryFee, readSettings } from './shop-settings';
import { OutOfStockError, reserveStock } from './stock';

export interface PlacedOrder {
  readonly number: string;
  /** False when the idempotency key had already made this order (a double submit or a retry). */
  readonly created: boolean;
}

const NUMBER_ATTEMPTS = 8;

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT' || /UNIQUE constraint failed/.test(e?.message ?? '');
}

class DuplicateSubmit extends Error {}

export interface PlacementDeps {
  readonly db: Knex;
  readonly payments: PaymentRegistry;
  /** The shop's URL for an order in the admin desk (goes in the shop's e-mail). */
  readonly adminOrderUrl: (number: string) => string;
  readonly now?: () => number;
}

/**
 * Turns the shopper's cart into an order in one transaction: prices and stock come from the
 * database as it stands inside the transaction, stock is reserved with conditional updates, the
 * shop's e-mail goes into the outbox, the cart is emptied. The idempotency key is unique, so a
 * second submit of the same form finds the first order instead of making another.
 */
export async function placeOrder(deps: PlacementDeps, cartToken: string, input: CheckoutInput): Promise<PlacedOrder> {
  const { db } = deps;
  const cartId = cartIdOf(cartToken);
  const existing = async (): Promise<PlacedOrder | null> => {
    const row = await db('orders').where({ idempotency_key: input.idempotencyKey }).first('number', 'cart_id');
    if (!row) return null;
    if (row.cart_id !== cartId) throw new ConflictError('表单已失效，请刷新页面后重新提交', 'idempotency_key_reused');
    return { number: row.number, created: false };
  };
  const earlier = await existing();
  if (earlier) return earlier;
  try {
    return await db.transaction((trx) => insertOrder(deps, trx, cartId, input));
  } catch (err) {
    // The other submit committed first: its order is the answer to this one too.
    if (err instanceof DuplicateSubmit || isUniqueViolation(err)) {
      const first = await existing();
      if (first) return first;
    }
    throw err;
  }
}

async function insertOrder(deps: PlacementDeps, trx: Knex.Transaction, cartId: string, input: CheckoutInput): Promise<PlacedOrder> {
  const t = (deps.now ?? Date.now)();
  // A twin submit that committed while this one waited: its order (and emptied cart) is the answer.
  if (await trx('orders').where({ idempotency_key: input.idempotencyKey }).first('id')) throw new DuplicateSubmit();
  const lines = await loadCartLines(trx, cartId);
  if (lines.length === 0) throw new BadRequestError('购物车是空的', 'cart_empty');
  const broken = lines.find((l) => l.problem);
  if (broken) {
    if (broken.problem === 'out_of_stock' || broken.problem === 'insufficient') throw new OutOfStockError(broken.title);
    throw new ConflictError(`${broken.title}：${broken.problemText}`, 'cart_has_problems');
  }
  const payment = deps.payments.get(input.payment);
  if (!payment) throw new BadRequestError('请选择付款方式', 'invalid_payment', { parameter: 'payment' });
  const settings = await readSettings(trx);
  const itemsFen = lines.reduce((sum, l) => sum + l.lineFen, 0);
  const deliveryFen = deliveryFee(settings, itemsFen);
  const totalFen = itemsFen + deliveryFen;

  let number = '';
  let orderId = 0;
  for (let attempt = 1; !orderId; attempt++) {
    number = newOrderNumber(new Date(t));
    try {
      // A savepoint, so a colliding number (or a racing duplicate key) does not abort the order's transaction.
      orderId = await trx.transaction(async (sp) => {
        const [row] = await sp('orders').insert({
          number, idempotency_key: input.idempotencyKey, cart_id: cartId, status: 'pending', payment: payment.code,
          name: input.name, phone: input.phone, email: input.email, province: input.province, city: input.city,
          district: input.district, address: input.address, note: input.note,
          items_fen: itemsFen, delivery_fen: deliveryFen, total_fen: totalFen, created_at: t, updated_at: t,
        }).returning('id');
        return Number(typeof row === 'object' ? (row as { id: number }).id : row);
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      if (await trx('orders').where({ idempotency_key: input.idempotencyKey }).first('id')) throw new DuplicateSubmit();
      if (attempt >= NUMBER_ATTEMPTS) throw err;
    }
  }

  await reserveStock(trx, lines.map((l) => ({ productId: l.productId, variantId: l.variantId, qty: l.qty, title: l.title })));
  const items = lines.map((l) => ({ title: l.title, variantLabel: l.variantLabel, qty: l.qty, unitFen: l.unitFen }));
  await trx('order_items').insert(lines.map((l) => ({
    order_id: orderId, product_id: l.productId, variant_id: l.variantId, title: l.title, variant_label: l.variantLabel,
    slug: l.slug, unit_fen: l.unitFen, qty: l.qty,
  })));
  await trx('order_events').insert({ order_id: orderId, from_status: null, to_status: 'pending', admin_id: null, admin_email: '', detail: payment.label, at: t });
  const mail = newOrderMail(
    { id: orderId, number, name: input.name, phone: input.phone, email: input.email, province: input.province, city: input.city,
      district: input.district, address: input.address, note: input.note, paymentLabel: payment.label, totalFen, items },
    settings.notifyEmail, deps.adminOrderUrl(number),
  );
  await enqueueMail(trx, mail, t);
  await trx('cart_items').where({ cart_id: cartId }).del();
  return { number, created: true };
}

