import { randomBytes } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import type { CartService, ShopperGuard } from '../cart';
import { BadRequestError, NotFoundError } from '../shared/errors';
import { parseCheckout, LIMITS } from './checkout-form';
import { citiesOf, districtsOf, provinceNames } from './divisions';
import { ORDER_NUMBER } from './order-number';
import { placeOrder, type PlacementDeps } from './order-placement';
import { findOrder, orderView } from './order-repository';
import { signedOrderPath, verifySignature, type LookupThrottle } from './order-lookup';
import { maskPhone } from './privacy';
import { deliveryFee, readSettings } from './shop-settings';
import type { PaymentRegistry } from './payment/registry';
import { formatFen } from '../shared/money';

export interface ShopRouteDeps {
  readonly placement: PlacementDeps;
  readonly cart: CartService;
  readonly guard: ShopperGuard;
  readonly payments: PaymentRegistry;
  readonly throttle: LookupThrottle;
  readonly secret: string;
}

type FormValues = Record<string, string>;

const FIELDS = ['name', 'phone', 'email', 'province', 'city', 'district', 'address', 'note', 'payment'] as const;

function formValues(body: unknown): FormValues {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  return Object.fromEntries(FIELDS.map((k) => [k, typeof b[k] === 'string' ? (b[k] as string).slice(0, 1000) : ''])) as FormValues;
}

/** The shopper's side of orders: checkout, the confirmation page and the order lookup. */
export function shopOrderRoutes(deps: ShopRouteDeps): Router {
  const { guard, cart, payments } = deps;
  const router = Router();
  router.use(['/checkout', '/orders', '/orders/*path'], guard.base);

  async function renderCheckout(req: Request, res: Response, status: number, values: FormValues, error: { code: string; message: string; field?: string } | null) {
    const view = await cart.view(guard.cookie.read(req));
    const settings = await readSettings(deps.placement.db);
    const fee = deliveryFee(settings, view.itemsFen);
    res.status(status).render('orders/checkout', {
      title: '结算', cart: view, values, error, cartCount: view.count,
      idempotencyKey: typeof (req.body as Record<string, unknown> | undefined)?.idempotency_key === 'string' && status !== 200
        ? String((req.body as Record<string, unknown>).idempotency_key).slice(0, 64) : randomBytes(18).toString('base64url'),
      payments: payments.all.map((p) => ({ code: p.code, label: p.label, hint: p.hint })),
      provinces: provinceNames(), cities: values.province ? citiesOf(values.province) : [],
      districts: values.province && values.city ? districtsOf(values.province, values.city) : [],
      limits: LIMITS,
      delivery: fee === 0 ? '包邮' : formatFen(fee),
      total: formatFen(view.itemsFen + fee),
      freeShipping: settings.freeShippingFen > 0 ? formatFen(settings.freeShippingFen) : null,
    });
  }

  router.get('/checkout', guard.token, async (req, res) => {
    const view = await cart.view(guard.cookie.read(req));
    if (view.count === 0 || view.blocked) return res.redirect(303, '/cart');
    await renderCheckout(req, res, 200, { payment: payments.all[0]?.code ?? '' }, null);
  });

  router.post('/checkout', guard.requireToken, guard.token, async (req, res) => {
    const token = guard.cookie.read(req);
    const values = formValues(req.body);
    try {
      const input = parseCheckout(req.body, payments);
      if (!token) throw new BadRequestError('购物车是空的', 'cart_empty');
      const placed = await placeOrder(deps.placement, token, input);
      res.redirect(303, `${signedOrderPath(deps.secret, placed.number)}&placed=1`);
    } catch (err) {
      const e = err as { status?: number; code?: string; message?: string; details?: { parameter?: string } };
      if (!(err instanceof Error) || !e.status || e.status >= 500 || !req.accepts('html')) throw err;
      await renderCheckout(req, res, e.status, values, { code: e.code ?? 'bad_request', message: e.message ?? '', field: e.details?.parameter });
    }
  });

  router.get('/orders', guard.token, (_req, res) => {
    res.render('orders/lookup', { title: '查询订单', values: { number: '', phone4: '' }, error: null });
  });

  const notFound = () => new NotFoundError('未找到订单：请核对订单号和手机号后四位', 'unknown_order');

  router.post('/orders/lookup', guard.requireToken, guard.token, async (req, res) => {
    await deps.throttle(`lookup:${req.ip ?? ''}`);
    const b = req.body as Record<string, unknown>;
    const number = typeof b.number === 'string' ? b.number.trim().toUpperCase() : '';
    const phone4 = typeof b.phone4 === 'string' ? b.phone4.trim() : '';
    const order = ORDER_NUMBER.test(number) && /^\d{4}$/.test(phone4) ? await findOrder(deps.placement.db, number) : undefined;
    if (!order || order.phone.slice(-4) !== phone4) {
      const err = notFound();
      return void res.status(404).render('orders/lookup', { title: '查询订单', values: { number: number.slice(0, 20), phone4: '' }, error: { code: err.code, message: err.message } });
    }
    res.redirect(303, signedOrderPath(deps.secret, order.number));
  });

  router.get('/orders/:number', async (req, res) => {
    const number = String(req.params.number);
    if (!ORDER_NUMBER.test(number)) throw notFound();
    if (!verifySignature(deps.secret, number, req.query.sig)) {
      await deps.throttle(`lookup:${req.ip ?? ''}`);
      throw notFound();
    }
    const row = await findOrder(deps.placement.db, number);
    if (!row) throw notFound();
    const view = await orderView(deps.placement.db, row);
    const provider = payments.get(row.payment);
    const settings = await readSettings(deps.placement.db);
    res.set('X-Robots-Tag', 'noindex, nofollow');
    res.render('orders/order', {
      title: `订单 ${row.number}`, order: view, placed: req.query.placed === '1',
      payment: provider ? { label: provider.label, instructions: row.status === 'pending' ? provider.instructions({ orderNumber: row.number, totalText: view.total, settings: settings.raw }) : null } : null,
      maskedPhone: maskPhone(row.phone),
      signedPath: signedOrderPath(deps.secret, row.number),
    });
  });

  return router;
}
