import request from 'supertest';
import { LOOKUP_LIMIT, signedOrderPath } from '../../../src/orders';
import type { TestApp } from '../../helpers/test-app';
import { createTestApp } from '../../helpers/test-app';
import { testDialect } from '../../helpers/test-db';
import { freshIp } from '../admin/admin-test-kit';
import { addToCart, checkoutForm, makeProduct, orderNumberOf, shopper, submitCheckout, tokenOf, type Agent } from './orders-kit';

let t: TestApp;
let number: string;
let otherNumber: string;
beforeAll(async () => {
  t = await createTestApp({ env: { TRUST_PROXY: 'true' } });
  const place = async (phone: string) => {
    const agent = shopper(t);
    await addToCart(agent, { product: await makeProduct(t.runtime.db, 5), qty: 1 });
    return orderNumberOf(await submitCheckout(agent, await checkoutForm(agent), { phone }));
  };
  number = await place('13812345678');
  otherNumber = await place('13900001111');
});
afterAll(async () => t.close());

async function lookup(agent: Agent, ip: string, fields: Record<string, string>) {
  const csrf = await tokenOf(agent, '/orders');
  return agent.post('/orders/lookup').set('X-Forwarded-For', ip).type('form').send({ _csrf: csrf, ...fields });
}

describe(`order lookup (${testDialect()})`, () => {
  it('when the number and the phone\'s last 4 digits match, then the shopper is sent to the order page', async () => {
    const agent = shopper(t);
    const res = await lookup(agent, freshIp(), { number, phone4: '5678' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(signedOrderPath(t.runtime.config.sessionSecret, number));
    const page = await agent.get(String(res.headers.location)).expect(200);
    expect(page.text).toContain(number);
    expect(page.headers['cache-control']).toBe('no-store');
  });

  it('when anything else is tried, then it is a 404 and never another shopper\'s order', async () => {
    const agent = shopper(t);
    const ip = freshIp();
    for (const fields of [{ number, phone4: '1111' }, { number: otherNumber, phone4: '5678' }, { number: 'QP20990101-2222', phone4: '5678' }, { number: 'nonsense', phone4: 'abcd' }]) {
      const res = await lookup(agent, ip, fields);
      expect(res.status).toBe(404);
      expect(res.text).not.toContain(otherNumber === fields.number ? '13900001111' : '13812345678');
    }
    const sigOfOther = signedOrderPath(t.runtime.config.sessionSecret, otherNumber).split('sig=')[1];
    for (const path of [`/orders/${number}`, `/orders/${number}?sig=${sigOfOther}`, `/orders/${number}?sig=${'A'.repeat(32)}`, '/orders/QP-nope']) {
      const res = await request(t.app).get(path).set('X-Forwarded-For', ip);
      expect([path, res.status]).toEqual([path, 404]);
      expect(res.text).not.toContain('order-number');
    }
  });

  it(`when one client keeps guessing, then after ${LOOKUP_LIMIT} tries it gets a 429 with Retry-After, even with the right answer`, async () => {
    const agent = shopper(t);
    const ip = freshIp();
    const attempts = await Promise.all(Array.from({ length: LOOKUP_LIMIT }, (_, i) => request(t.app).get(`/orders/${number}?sig=${String(i).padStart(32, 'x')}`).set('X-Forwarded-For', ip)));
    expect(attempts.every((r) => r.status === 404)).toBe(true);
    const blocked = await lookup(agent, ip, { number, phone4: '5678' });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Another client is unaffected.
    expect((await lookup(agent, freshIp(), { number, phone4: '5678' })).status).toBe(303);
  });
});
