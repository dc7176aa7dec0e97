import { Router } from 'express';
import { sessionOf } from '../admin';
import { NotFoundError } from '../shared/errors';
import type { OrderDesk } from './order-desk';
import { parseDeskFilter } from './order-desk';
import { ORDER_NUMBER } from './order-number';
import { findOrder, orderView } from './order-repository';
import { allowedTransitions, ORDER_STATUSES, STATUS_LABELS } from './order-status';
import type { PaymentRegistry } from './payment/registry';
import { readSettings, saveSettings, settingsToForm } from './shop-settings';
import type { Knex } from 'knex';

const NOTICES: Record<string, string> = { moved: '订单状态已更新', saved: '店铺设置已保存' };
const noticeOf = (v: unknown) => (typeof v === 'string' && Object.hasOwn(NOTICES, v) ? NOTICES[v] : null);

/**
 * The order desk, mounted inside the admin router: its session guard, cross-site check, body
 * parser and CSRF check have run before any of these handlers.
 */
export function adminOrderRoutes(db: Knex, desk: OrderDesk, payments: PaymentRegistry): Router {
  const router = Router();

  router.get('/orders', async (req, res) => {
    const filter = parseDeskFilter(req.query as Record<string, unknown>);
    const list = await desk.list(filter);
    const qs = new URLSearchParams(Object.entries({ status: filter.status, from: filter.from, to: filter.to, q: filter.q }).filter((e): e is [string, string] => !!e[1]));
    res.render('admin/orders', {
      title: '订单管理', ...list, filter, statuses: ORDER_STATUSES, statusLabels: STATUS_LABELS,
      exportHref: `/admin/orders.csv${qs.size ? `?${qs}` : ''}`,
      pageHref: (p: number) => `/admin/orders?${new URLSearchParams([...qs, ['page', String(p)]])}`,
    });
  });

  router.get('/orders.csv', async (req, res) => {
    const csv = await desk.csv(parseDeskFilter(req.query as Record<string, unknown>));
    res.set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="orders.csv"' });
    res.send(csv);
  });

  router.get('/orders/:number', async (req, res) => {
    const number = String(req.params.number);
    const row = ORDER_NUMBER.test(number) ? await findOrder(db, number) : undefined;
    if (!row) throw new NotFoundError('订单不存在', 'unknown_order');
    const order = await orderView(db, row);
    const provider = payments.get(row.payment);
    res.render('admin/order', {
      title: `订单 ${row.number}`, order, paymentLabel: provider?.label ?? row.payment,
      next: allowedTransitions(row.status, provider).map((s) => ({ status: s, label: STATUS_LABELS[s] })),
      notice: noticeOf(req.query.notice),
    });
  });

  router.post('/orders/:number/status', async (req, res) => {
    const number = String(req.params.number);
    if (!ORDER_NUMBER.test(number)) throw new NotFoundError('订单不存在', 'unknown_order');
    const b = req.body as Record<string, unknown>;
    const session = sessionOf(req);
    const str = (k: string) => (typeof b[k] === 'string' ? (b[k] as string) : undefined);
    await desk.transition(number, str('to') ?? '', { id: session.adminId ?? 0, email: session.email ?? '' }, { carrier: str('carrier'), trackingNo: str('tracking_no') });
    res.redirect(303, `/admin/orders/${number}?notice=moved`);
  });

  router.get('/settings', async (req, res) => {
    res.render('admin/shop-settings', { title: '店铺设置', values: settingsToForm(await readSettings(db)), error: null, notice: noticeOf(req.query.notice) });
  });

  router.post('/settings', async (req, res) => {
    try {
      await saveSettings(db, req.body);
    } catch (err) {
      const e = err as { status?: number; code?: string; message?: string; details?: { parameter?: string } };
      if (e.status !== 400) throw err;
      const b = req.body as Record<string, unknown>;
      const values = Object.fromEntries(['delivery_fee', 'free_shipping', 'bank_name', 'bank_account_name', 'bank_account_no', 'notify_email'].map((k) => [k, typeof b[k] === 'string' ? (b[k] as string).slice(0, 300) : '']));
      return void res.status(400).render('admin/shop-settings', { title: '店铺设置', values, error: { code: e.code, message: e.message, field: e.details?.parameter }, notice: null });
    }
    res.redirect(303, '/admin/settings?notice=saved');
  });

  return router;
}
