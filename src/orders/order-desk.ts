import type { Knex } from 'knex';
import { stringify } from 'csv-stringify/sync';
import { escapeLike, likeOperator } from '../db/knex';
import { BadRequestError, ConflictError, NotFoundError } from '../shared/errors';
import { formatFen } from '../shared/money';
import { formatShanghai } from '../shared/time';
import { enqueueMail } from './notifications/notification-outbox';
import { shippedMail } from './notifications/messages';
import { findOrder, type OrderRow } from './order-repository';
import { allowedTransitions, isOrderStatus, STATUS_LABELS, type OrderStatus } from './order-status';
import type { PaymentRegistry } from './payment/registry';
import { maskAddress, maskName, maskPhone } from './privacy';
import { releaseStock } from './stock';

export const DESK_PER_PAGE = 30;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

export interface DeskFilter {
  readonly status?: OrderStatus;
  readonly from?: string;
  readonly to?: string;
  readonly q?: string;
  readonly page: number;
}

function startOfShanghaiDay(date: string, parameter: string): number {
  const t = DATE.test(date) ? Date.parse(`${date}T00:00:00+08:00`) : NaN;
  if (Number.isNaN(t)) throw new BadRequestError('日期格式应为 YYYY-MM-DD', 'invalid_parameter', { parameter });
  return t;
}

/** The list's query string, validated: unknown statuses and malformed dates are a 400. */
export function parseDeskFilter(query: Record<string, unknown>): DeskFilter {
  const str = (k: string) => (typeof query[k] === 'string' && query[k] !== '' ? (query[k] as string).trim() : undefined);
  const status = str('status');
  if (status !== undefined && !isOrderStatus(status)) throw new BadRequestError('订单状态无效', 'invalid_parameter', { parameter: 'status' });
  const from = str('from');
  const to = str('to');
  if (from) startOfShanghaiDay(from, 'from');
  if (to) startOfShanghaiDay(to, 'to');
  const q = str('q');
  if (q && q.length > 60) throw new BadRequestError('搜索词过长', 'invalid_parameter', { parameter: 'q' });
  const page = str('page');
  if (page !== undefined && !/^[1-9]\d{0,4}$/.test(page)) throw new BadRequestError('页码无效', 'invalid_parameter', { parameter: 'page' });
  return { status: status as OrderStatus | undefined, from, to, q, page: page ? Number(page) : 1 };
}

function filtered(db: Knex, f: DeskFilter): Knex.QueryBuilder {
  const qb = db('orders');
  if (f.status) qb.where('status', f.status);
  if (f.from) qb.where('created_at', '>=', startOfShanghaiDay(f.from, 'from'));
  if (f.to) qb.where('created_at', '<', startOfShanghaiDay(f.to, 'to') + DAY_MS);
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    const op = likeOperator(db);
    qb.where((w) => {
      w.whereRaw(`number ${op} ? escape ?`, [like, '\\']).orWhereRaw(`phone ${op} ? escape ?`, [like, '\\']).orWhereRaw(`name ${op} ? escape ?`, [like, '\\']);
    });
  }
  return qb;
}

export interface DeskListItem {
  number: string;
  status: OrderStatus;
  statusLabel: string;
  createdAt: string;
  name: string;
  phone: string;
  address: string;
  total: string;
  payment: string;
}

export function createOrderDesk(db: Knex, payments: PaymentRegistry, opts: { lookupUrl: (number: string) => string; now?: () => number }) {
  const now = opts.now ?? Date.now;

  /** Lists show masked contact details; the order page shows them in full to the admin. */
  async function list(f: DeskFilter): Promise<{ items: DeskListItem[]; total: number; pages: number }> {
    const [{ n }] = await filtered(db, f).count({ n: '*' });
    const rows: OrderRow[] = await filtered(db, f).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(DESK_PER_PAGE).offset((f.page - 1) * DESK_PER_PAGE);
    const total = Number(n);
    return {
      total,
      pages: Math.max(1, Math.ceil(total / DESK_PER_PAGE)),
      items: rows.map((r) => ({
        number: r.number, status: r.status, statusLabel: STATUS_LABELS[r.status], createdAt: formatShanghai(new Date(Number(r.created_at))),
        name: maskName(r.name), phone: maskPhone(r.phone), address: maskAddress(r), total: formatFen(Number(r.total_fen)),
        payment: payments.get(r.payment)?.label ?? r.payment,
      })),
    };
  }

  async function csv(f: DeskFilter): Promise<string> {
    const rows: OrderRow[] = await filtered(db, f).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(50_000);
    const header = ['订单号', '下单时间', '状态', '付款方式', '收货人', '手机', '省', '市', '区县', '地址', '商品金额', '运费', '合计', '快递公司', '运单号', '备注'];
    const body = rows.map((r) => [
      r.number, formatShanghai(new Date(Number(r.created_at))), STATUS_LABELS[r.status], payments.get(r.payment)?.label ?? r.payment,
      r.name, r.phone, r.province, r.city, r.district, r.address,
      (Number(r.items_fen) / 100).toFixed(2), (Number(r.delivery_fen) / 100).toFixed(2), (Number(r.total_fen) / 100).toFixed(2),
      r.carrier ?? '', r.tracking_no ?? '', r.note,
    ].map(spreadsheetSafe));
    // BOM: Excel opens UTF-8 CSV as GBK without it.
    return `\ufeff${stringify([header, ...body])}`;
  }

  /**
   * One status change: a conditional update on the current status (two admins clicking at once
   * cannot both move it), the event with time and admin, and what the change implies — stock
   * back on cancel, the customer's message on shipping — all in one transaction.
   */
  async function transition(number: string, to: string, admin: { id: number; email: string }, extra: { carrier?: string; trackingNo?: string }): Promise<void> {
    if (!isOrderStatus(to)) throw new BadRequestError('目标状态无效', 'invalid_transition', { parameter: 'to' });
    await db.transaction(async (trx) => {
      const order = await findOrder(trx, number);
      if (!order) throw new NotFoundError('订单不存在', 'unknown_order');
      const allowed = allowedTransitions(order.status, payments.get(order.payment));
      if (!allowed.includes(to)) throw new ConflictError(`不能从「${STATUS_LABELS[order.status]}」改为「${STATUS_LABELS[to]}」`, 'illegal_transition');
      const carrier = extra.carrier?.trim() ?? '';
      const trackingNo = extra.trackingNo?.trim() ?? '';
      if (to === 'shipped') {
        if (!carrier || carrier.length > 40) throw new BadRequestError('请填写快递公司（最多 40 字）', 'carrier_required', { parameter: 'carrier' });
        if (!/^[A-Za-z0-9-]{6,40}$/.test(trackingNo)) throw new BadRequestError('请填写运单号（6–40 位字母或数字）', 'tracking_required', { parameter: 'tracking_no' });
      }
      const t = now();
      const changes: Record<string, unknown> = { status: to, updated_at: t, ...(to === 'shipped' ? { carrier, tracking_no: trackingNo } : {}) };
      const moved = await trx('orders').where({ id: order.id, status: order.status }).update(changes);
      if (moved !== 1) throw new ConflictError('订单状态已被他人修改，请刷新后重试', 'illegal_transition');
      await trx('order_events').insert({
        order_id: order.id, from_status: order.status, to_status: to, admin_id: admin.id, admin_email: admin.email,
        detail: to === 'shipped' ? `${carrier} ${trackingNo}` : '', at: t,
      });
      if (to === 'cancelled') {
        const items: { product_id: number; variant_id: number; qty: number; title: string }[] = await trx('order_items').where({ order_id: order.id }).select('product_id', 'variant_id', 'qty', 'title');
        await releaseStock(trx, items.map((i) => ({ productId: Number(i.product_id), variantId: Number(i.variant_id), qty: Number(i.qty), title: i.title })));
      }
      if (to === 'shipped') {
        const mail = shippedMail({ ...order, id: order.id, paymentLabel: '', totalFen: Number(order.total_fen), items: [] }, carrier, trackingNo, opts.lookupUrl(number));
        await enqueueMail(trx, mail, t);
      }
    });
  }

  return { list, csv, transition };
}

/** A cell starting with = + - @ would run as a formula in Excel: prefix it so it stays text. */
function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export type OrderDesk = ReturnType<typeof createOrderDesk>;
