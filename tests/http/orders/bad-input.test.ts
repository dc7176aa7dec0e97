import { createTestApp, type TestApp } from '../../helpers/test-app';
import { testDialect } from '../../helpers/test-db';
import { addToCart, checkoutForm, makeProduct, productIds, shopper, submitCheckout, tokenOf, TAIL_LIGHT } from './orders-kit';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** Everything a refused request must leave alone. */
async function snapshot() {
  const db = t.runtime.db;
  const [orders, items, stock] = await Promise.all([
    db('orders').count({ n: '*' }),
    db('cart_items').sum({ n: 'qty' }),
    db('product_variants').sum({ n: 'stock' }),
  ]);
  return { orders: Number(orders[0].n), cartQty: Number(items[0].n ?? 0), stock: Number(stock[0].n) };
}

describe(`bad input at the cart (${testDialect()})`, () => {
  const cases: [string, (ids: Awaited<ReturnType<typeof productIds>>, other: Awaited<ReturnType<typeof productIds>>) => Record<string, string | number>, string][] = [
    ['a quantity of 0', (ids) => ({ product: ids.product, variant: ids.variants['左'], qty: '0' }), 'invalid_quantity'],
    ['a quantity of −1', (ids) => ({ product: ids.product, variant: ids.variants['左'], qty: '-1' }), 'invalid_quantity'],
    ['a quantity of 1e9', (ids) => ({ product: ids.product, variant: ids.variants['左'], qty: '1e9' }), 'invalid_quantity'],
    ['a quantity of 2.5', (ids) => ({ product: ids.product, variant: ids.variants['左'], qty: '2.5' }), 'invalid_quantity'],
    ['an unknown variant', (ids) => ({ product: ids.product, variant: 99999999, qty: 1 }), 'unknown_variant'],
    ['a variant of another product', (ids, other) => ({ product: ids.product, variant: Object.values(other.variants)[0], qty: 1 }), 'unknown_variant'],
    ['no variant for a product that has variants', (ids) => ({ product: ids.product, qty: 1 }), 'variant_required'],
    ['a tampered price field', (ids) => ({ product: ids.product, variant: ids.variants['左'], qty: 1, price: '0.01' }), 'unexpected_field'],
  ];
  it.each(cases)('when the add-to-cart form has %s, then it is a 400 with a code and the cart is unchanged', async (_label, fields, code) => {
    const ids = await productIds(t.runtime.db, TAIL_LIGHT);
    const other = await productIds(t.runtime.db, 'honda-civic-10th-gen-carbon-fiber-decal');
    const agent = shopper(t);
    const before = await snapshot();
    const res = await addToCart(agent, fields(ids, other)).then((r) => r);
    expect(res.status).toBe(400);
    expect(res.text).toContain(code);
    expect(await snapshot()).toEqual(before);
  });

  it('when the same line is added past 99, then it is a 400; past the stock, a 409 out_of_stock', async () => {
    const product = await makeProduct(t.runtime.db, 3);
    const agent = shopper(t);
    const json = async (qty: number) => {
      const csrf = await tokenOf(agent);
      return agent.post('/cart/items').set('Accept', 'application/json').type('form').send({ _csrf: csrf, product, qty });
    };
    expect((await json(4)).body.error).toMatchObject({ status: 409, code: 'out_of_stock' });
    const ok = await json(2);
    expect(ok.status).toBe(201);
    expect(ok.body).toEqual({ count: 2 });

    const plenty = await makeProduct(t.runtime.db, 500);
    const add = async (qty: number) => agent.post('/cart/items').set('Accept', 'application/json').type('form').send({ _csrf: await tokenOf(agent), product: plenty, qty });
    expect((await add(60)).status).toBe(201);
    expect((await add(60)).body.error).toMatchObject({ status: 400, code: 'invalid_quantity' });
    expect((await agent.get('/cart/count').expect(200)).body).toEqual({ count: 62 });
  });
});

describe(`bad input at checkout (${testDialect()})`, () => {
  const cases: [string, Record<string, string>, string][] = [
    ['a 10-digit phone', { phone: '1381234567' }, 'invalid_phone'],
    ['an empty address', { address: '  ' }, 'invalid_address'],
    ['a 5,000-character note', { note: '长'.repeat(5000) }, 'invalid_note'],
    ['a province/city pair that does not exist', { province: '广东省', city: '杭州市', district: '西湖区' }, 'invalid_division'],
    ['an unknown payment method', { payment: 'bitcoin' }, 'invalid_payment'],
    ['a tampered price field', { total_fen: '1', price: '0.01' }, 'unexpected_field'],
  ];
  it.each(cases)('when the form has %s, then it is a 400 naming the problem and no order is made', async (_label, fields, code) => {
    const ids = await productIds(t.runtime.db, TAIL_LIGHT);
    const agent = shopper(t);
    expect((await addToCart(agent, { product: ids.product, variant: ids.variants['左'], qty: 1 })).status).toBe(303);
    const before = await snapshot();
    const res = await submitCheckout(agent, await checkoutForm(agent), fields);
    expect(res.status).toBe(400);
    expect(res.text).toContain(`data-code="${code}"`);
    expect(await snapshot()).toEqual(before);
  });

  it('when the division fields are codes, then they are accepted and stored as names', async () => {
    const ids = await productIds(t.runtime.db, TAIL_LIGHT);
    const agent = shopper(t);
    await addToCart(agent, { product: ids.product, variant: ids.variants['左'], qty: 1 });
    const res = await submitCheckout(agent, await checkoutForm(agent), { province: '44', city: '4403', district: '440305' });
    expect(res.status).toBe(303);
    const number = /QP\d{8}-\w{4}/.exec(String(res.headers.location))?.[0];
    expect(await t.runtime.db('orders').where({ number }).first('province', 'city', 'district')).toEqual({ province: '广东省', city: '深圳市', district: '南山区' });
  });
});

describe(`CSRF on every shopper POST (${testDialect()})`, () => {
  it('when a POST carries no token and no same-origin proof, then it is a 403 and nothing changes', async () => {
    const ids = await productIds(t.runtime.db, TAIL_LIGHT);
    const agent = shopper(t);
    await agent.get('/cart').expect(200);
    const before = await snapshot();
    for (const path of ['/cart/items', '/cart/items/1', '/cart/items/1/delete', '/checkout', '/orders/lookup']) {
      const res = await agent.post(path).type('form').send({ product: ids.product, variant: ids.variants['左'], qty: 1 });
      expect([path, res.status]).toEqual([path, 403]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('when a cross-site page posts (even with a token), then it is refused', async () => {
    const ids = await productIds(t.runtime.db, TAIL_LIGHT);
    const agent = shopper(t);
    const csrf = await tokenOf(agent);
    const res = await agent.post('/cart/items').set('Origin', 'https://evil.example').type('form').send({ _csrf: csrf, product: ids.product, variant: ids.variants['左'], qty: 1 });
    expect(res.status).toBe(403);
    expect(res.text).toContain('cross_site_request');
  });

  it('when the cached product page posts without a token but the browser says same-origin, then the add is accepted', async () => {
    const ids = await productIds(t.runtime.db, TAIL_LIGHT);
    const agent = shopper(t);
    const res = await agent.post('/cart/items').set('Host', 'shop.test').set('Origin', 'http://shop.test').type('form').send({ product: ids.product, variant: ids.variants['左'], qty: 1 });
    expect(res.status).toBe(303);
    expect((await agent.get('/cart/count').expect(200)).body).toEqual({ count: 1 });
  });
});
