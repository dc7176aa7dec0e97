import request from 'supertest';
import { parse } from 'csv-parse/sync';
import { signedOrderPath } from '../../../src/orders';
import type { TestApp } from '../../helpers/test-app';
import { testDialect } from '../../helpers/test-db';
import { createAdminTestApp, login, type Agent } from '../admin/admin-test-kit';
import { addToCart, checkoutForm, makeProduct, orderNumberOf, productIds, shopper, submitCheckout, TAIL_LIGHT } from './orders-kit';

let t: TestApp;
let admin: { agent: Agent; csrf: string; ip: string };
beforeAll(async () => {
  t = await createAdminTestApp();
  admin = await login(t);
});
afterAll(async () => t.close());

async function placeOrder(fields: Record<string, number>, extra: Record<string, string> = {}): Promise<string> {
  const agent = shopper(t);
  expect((await addToCart(agent, fields)).status).toBe(303);
  return orderNumberOf(await submitCheckout(agent, await checkoutForm(agent), extra));
}

function move(number: string, to: string, extra: Record<string, string> = {}) {
  return admin.agent.post(`/admin/orders/${number}/status`).set('X-Forwarded-For', admin.ip).type('form').send({ _csrf: admin.csrf, to, ...extra });
}

const statusOf = async (number: string) => (await t.runtime.db('orders').where({ number }).first('status')).status as string;

describe(`the admin order desk (${testDialect()})`, () => {
  it('when the 宝骏730 一对 order (cash on delivery) is shipped with a tracking number and completed, then every step is recorded with time and admin', async () => {
    const ids = await productIds(t.runtime.db, TAIL_LIGHT);
    const number = await placeOrder({ product: ids.product, variant: ids.variants['一对'], qty: 1 });
    const page = await admin.agent.get(`/admin/orders/${number}`).set('X-Forwarded-For', admin.ip).expect(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.text).toContain('13812345678'); // the desk's order page shows the full number

    expect((await move(number, 'shipped', { carrier: '顺丰速运' })).status).toBe(400); // tracking number required
    expect(await statusOf(number)).toBe('pending');
    expect((await move(number, 'shipped', { carrier: '顺丰速运', tracking_no: 'SF1234567890' })).status).toBe(303);
    expect((await move(number, 'completed')).status).toBe(303);

    const order = await t.runtime.db('orders').where({ number }).first();
    expect(order).toMatchObject({ status: 'completed', carrier: '顺丰速运', tracking_no: 'SF1234567890' });
    const events = await t.runtime.db('order_events').where({ order_id: order.id }).orderBy('id').select('from_status', 'to_status', 'admin_email', 'at');
    expect(events.map((e) => [e.from_status, e.to_status, e.admin_email])).toEqual([
      [null, 'pending', ''],
      ['pending', 'shipped', 'editor@qipei.test'],
      ['shipped', 'completed', 'editor@qipei.test'],
    ]);
    for (const e of events) expect(Number(e.at)).toBeGreaterThan(0);
  });

  it('when a transition is illegal, then it is refused with a 409 and nothing changes', async () => {
    const product = await makeProduct(t.runtime.db, 5);
    const bank = await placeOrder({ product, qty: 1 }, { payment: 'bank' });
    // Bank transfer must be paid before it ships; completed and pending are never direct targets.
    for (const to of ['shipped', 'completed', 'pending']) expect([to, (await move(bank, to, { carrier: '圆通', tracking_no: 'YT12345678' })).status]).toEqual([to, 409]);
    expect((await move(bank, 'teleported')).status).toBe(400);
    expect((await move(bank, 'paid')).status).toBe(303);
    expect((await move(bank, 'shipped', { carrier: '圆通', tracking_no: 'YT12345678' })).status).toBe(303);
    expect((await move(bank, 'cancelled')).status).toBe(409); // not after shipping
    expect(await statusOf(bank)).toBe('shipped');
    expect(Number((await t.runtime.db('products').where({ id: product }).first('stock')).stock)).toBe(4);
  });

  it('when a paid order is cancelled, then its stock comes back', async () => {
    const product = await makeProduct(t.runtime.db, 5);
    const number = await placeOrder({ product, qty: 3 });
    expect((await move(number, 'paid')).status).toBe(303);
    expect((await move(number, 'cancelled')).status).toBe(303);
    expect(Number((await t.runtime.db('products').where({ id: product }).first('stock')).stock)).toBe(5);
    expect((await move(number, 'paid')).status).toBe(409);
  });

  it('when the desk lists orders, then phones, names and addresses are masked; search and filters narrow it; a bad filter is a 400', async () => {
    const product = await makeProduct(t.runtime.db, 5);
    const number = await placeOrder({ product, qty: 1 }, { name: '李小龙', phone: '13698765432', address: '福田区深南大道 1 号' });
    const get = (q: Record<string, string>) => admin.agent.get('/admin/orders').query(q).set('X-Forwarded-For', admin.ip);
    const all = await get({}).expect(200);
    expect(all.text).toContain(number);
    expect(all.text).toContain('136****5432');
    expect(all.text).not.toContain('13698765432');
    expect(all.text).not.toContain('深南大道');
    expect(all.text).not.toContain('李小龙');
    for (const q of ['13698765432', number, '李小龙']) {
      const found = await get({ q }).expect(200);
      expect(found.text).toContain(number);
    }
    expect((await get({ q: '13000000000' }).expect(200)).text).not.toContain(number);
    expect((await get({ status: 'pending' }).expect(200)).text).toContain(number);
    expect((await get({ status: 'shipped' }).expect(200)).text).not.toContain(number);
    expect((await get({ from: '2000-01-01', to: '2000-01-02' }).expect(200)).text).not.toContain(number);
    expect((await get({ status: 'lost' })).status).toBe(400);
    expect((await get({ from: 'yesterday' })).status).toBe(400);
  });

  it('when orders are exported, then the CSV has a row per order with the full details for fulfilment', async () => {
    const product = await makeProduct(t.runtime.db, 5);
    const number = await placeOrder({ product, qty: 2 }, { name: '=HYPERLINK("x")' });
    const res = await admin.agent.get('/admin/orders.csv').query({ q: number }).set('X-Forwarded-For', admin.ip).expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const rows: string[][] = parse(res.text.replace(/^\ufeff/, ''));
    expect(rows[0][0]).toBe('订单号');
    expect(rows).toHaveLength(2);
    expect(rows[1][0]).toBe(number);
    expect(rows[1][4]).toBe('\'=HYPERLINK("x")'); // never a live formula in Excel
    expect(rows[1][12]).toBe('110.00'); // 2 × 50.00 + 10.00 delivery (below the free-shipping threshold)
  });

  it('when the shop settings change, then checkout uses the new fee and the bank page the new account; bad values are a 400', async () => {
    const form = { _csrf: admin.csrf, delivery_fee: '15', free_shipping: '1000', bank_name: '招商银行', bank_account_name: '汽配商城', bank_account_no: '6225 8888 0000 1234', notify_email: 'shop@qipei.test' };
    const post = (f: Record<string, string>) => admin.agent.post('/admin/settings').set('X-Forwarded-For', admin.ip).type('form').send(f);
    expect((await post({ ...form, delivery_fee: 'free' })).status).toBe(400);
    expect((await post(form)).status).toBe(303);
    const product = await makeProduct(t.runtime.db, 5);
    const number = await placeOrder({ product, qty: 1 }, { payment: 'bank' });
    expect(Number((await t.runtime.db('orders').where({ number }).first('delivery_fen')).delivery_fen)).toBe(1500);
    // Bank transfer shows the shop's (new) account with the order number as the reference.
    const page = await request(t.app).get(signedOrderPath(t.runtime.config.sessionSecret, number)).expect(200);
    expect(page.text).toContain('6225 8888 0000 1234');
    expect(page.text).toMatch(new RegExp(`转账备注（订单号）</dt><dd>${number}</dd>`));
  });

  it('when a request has no admin session or no CSRF token, then the desk refuses it', async () => {
    const number = await placeOrder({ product: await makeProduct(t.runtime.db, 5), qty: 1 });
    expect((await request(t.app).get('/admin/orders')).status).toBe(303);
    expect((await request(t.app).get('/admin/orders.csv')).status).toBe(303);
    expect((await request(t.app).post(`/admin/orders/${number}/status`).type('form').send({ to: 'cancelled' })).status).toBe(401);
    expect((await admin.agent.post(`/admin/orders/${number}/status`).set('X-Forwarded-For', admin.ip).type('form').send({ to: 'cancelled' })).status).toBe(403);
    expect((await admin.agent.post('/admin/settings').set('X-Forwarded-For', admin.ip).type('form').send({ delivery_fee: '0' })).status).toBe(403);
    expect(await statusOf(number)).toBe('pending');
  });
});
