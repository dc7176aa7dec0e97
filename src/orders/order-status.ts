import type { PaymentProvider } from './payment/payment-provider';

export const ORDER_STATUSES = ['pending', 'paid', 'shipped', 'completed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const STATUS_LABELS: Record<OrderStatus, string> = {
  pending: '待付款', paid: '已付款', shipped: '已发货', completed: '已完成', cancelled: '已取消',
};

/**
 * 待付款 → 已付款 → 已发货 → 已完成, and 已取消 from any state before 已发货. Cash on delivery is
 * paid on arrival, so its provider lets the desk ship an unpaid order.
 */
export function allowedTransitions(from: OrderStatus, payment: PaymentProvider | undefined): OrderStatus[] {
  switch (from) {
    case 'pending':
      return payment?.shipsBeforePayment ? ['paid', 'shipped', 'cancelled'] : ['paid', 'cancelled'];
    case 'paid':
      return ['shipped', 'cancelled'];
    case 'shipped':
      return ['completed'];
    default:
      return [];
  }
}

export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === 'string' && (ORDER_STATUSES as readonly string[]).includes(value);
}
