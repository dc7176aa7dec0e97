import type { Knex } from 'knex';
import { formatFen } from '../shared/money';
import { formatShanghai } from '../shared/time';
import type { OrderStatus } from './order-status';
import { STATUS_LABELS } from './order-status';

export interface OrderRow {
  id: number;
  number: string;
  status: OrderStatus;
  payment: string;
  name: string;
  phone: string;
  email: string;
  province: string;
  city: string;
  district: string;
  address: string;
  note: string;
  items_fen: number;
  delivery_fen: number;
  total_fen: number;
  carrier: string | null;
  tracking_no: string | null;
  created_at: number | string;
  updated_at: number | string;
}

export interface OrderItemRow {
  product_id: number;
  variant_id: number;
  title: string;
  variant_label: string;
  slug: string;
  unit_fen: number;
  qty: number;
}

export interface OrderEventRow {
  from_status: OrderStatus | null;
  to_status: OrderStatus;
  admin_email: string;
  detail: string;
  at: number | string;
}

/** An order as pages show it (amounts formatted, times in Asia/Shanghai). */
export interface OrderView {
  readonly row: OrderRow;
  readonly statusLabel: string;
  readonly createdAt: string;
  readonly items: readonly (OrderItemRow & { unitPrice: string; linePrice: string; url: string })[];
  readonly events: readonly (OrderEventRow & { atText: string; label: string })[];
  readonly itemsTotal: string;
  readonly deliveryTotal: string;
  readonly total: string;
}

export async function findOrder(db: Knex | Knex.Transaction, number: string): Promise<OrderRow | undefined> {
  return db('orders').where({ number }).first();
}

export async function orderView(db: Knex, row: OrderRow): Promise<OrderView> {
  const [items, events]: [OrderItemRow[], OrderEventRow[]] = await Promise.all([
    db('order_items').where({ order_id: row.id }).orderBy('id').select('product_id', 'variant_id', 'title', 'variant_label', 'slug', 'unit_fen', 'qty'),
    db('order_events').where({ order_id: row.id }).orderBy('id').select('from_status', 'to_status', 'admin_email', 'detail', 'at'),
  ]);
  return {
    row,
    statusLabel: STATUS_LABELS[row.status],
    createdAt: formatShanghai(new Date(Number(row.created_at))),
    items: items.map((i) => ({ ...i, unitPrice: formatFen(i.unit_fen), linePrice: formatFen(i.unit_fen * i.qty), url: `/p/${i.slug}` })),
    events: events.map((e) => ({ ...e, atText: formatShanghai(new Date(Number(e.at))), label: STATUS_LABELS[e.to_status] })),
    itemsTotal: formatFen(Number(row.items_fen)),
    deliveryTotal: formatFen(Number(row.delivery_fen)),
    total: formatFen(Number(row.total_fen)),
  };
}
