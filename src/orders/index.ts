/** Public API of the orders feature (checkout, stock, lookup, order desk, notifications). */
import type { Knex } from 'knex';
import type { CartService, ShopperGuard } from '../cart';
import type { Logger } from '../shared/logger';
import { adminOrderRoutes } from './admin-order-routes';
import { createOrderDesk } from './order-desk';
import { createLookupThrottle, signedOrderPath } from './order-lookup';
import { createNotificationWorker, type NotificationWorkerOptions } from './notifications/notification-worker';
import { logTransport, smtpTransport } from './notifications/mail-transport';
import { createPaymentRegistry } from './payment/registry';
import { shopOrderRoutes } from './shop-routes';

export { LOW_STOCK, STOCK_VERSION, reserveStock, releaseStock, OutOfStockError } from './stock';
export { ORDER_NUMBER, ORDER_ALPHABET, newOrderNumber } from './order-number';
export { resolveDivision } from './divisions';
export { placeOrder, type PlacedOrder } from './order-placement';
export { createPaymentRegistry } from './payment/registry';
export { maskPhone, maskAddress } from './privacy';
export { orderSignature, signedOrderPath, LOOKUP_LIMIT } from './order-lookup';
export { STATUS_LABELS, allowedTransitions, type OrderStatus } from './order-status';
export type { PaymentProvider, PaymentInstructions } from './payment/payment-provider';
export type { NotificationWorker } from './notifications/notification-worker';

export interface OrdersOptions {
  readonly db: Knex;
  readonly logger: Logger;
  readonly secret: string;
  /** Origin for links in e-mails (the shop's public URL). */
  readonly siteUrl: string;
  /** Unset: notifications are only logged. */
  readonly smtpUrl?: string;
  readonly worker?: Partial<NotificationWorkerOptions>;
}

/** Everything the app shell wires: payment methods, the notification worker, the routes. */
export function createOrders(opts: OrdersOptions) {
  const payments = createPaymentRegistry();
  const transport = opts.smtpUrl ? smtpTransport(opts.smtpUrl) : logTransport(opts.logger);
  const notifications = createNotificationWorker(opts.db, transport, opts.logger, opts.worker);
  const lookupUrl = (number: string) => `${opts.siteUrl}${signedOrderPath(opts.secret, number)}`;
  const desk = createOrderDesk(opts.db, payments, { lookupUrl });
  const throttle = createLookupThrottle(opts.db);
  return {
    payments,
    notifications,
    desk,
    shopRoutes: (cart: CartService, guard: ShopperGuard) =>
      shopOrderRoutes({
        placement: { db: opts.db, payments, adminOrderUrl: (n) => `${opts.siteUrl}/admin/orders/${n}` },
        cart, guard, payments, throttle, secret: opts.secret,
      }),
    adminRoutes: () => adminOrderRoutes(opts.db, desk, payments),
  };
}

export type Orders = ReturnType<typeof createOrders>;
