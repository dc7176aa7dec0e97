import { createTestApp, type TestApp } from '../../helpers/test-app';
import { testDialect } from '../../helpers/test-db';
import { addToCart, checkoutForm, orderNumberOf, productIds, shopper, submitCheckout, TAIL_LIGHT } from './orders-kit';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe(`checkout on ${testDialect()}`, () => {
  it('when a shopper buys the 宝骏730 tail light (一对) with cash on delivery, then one order exists, stock drops and the signed link shows it', async () => {
    const ids = await productIds(t.runtime.db, TAIL_LIGHT);
    const before = await t.runtime.db('product_variants').where({ id: ids.variants['一对'] }).first('stock');
    const agent = shopper(t);
    const added = await addToCart(agent, { product: ids.product, variant: ids.variants['一对'], qty: 1 });
    expect(added.status).toBe(303);
    expect(added.headers.location).toBe('/cart?notice=added');
    const cart = await agent.get('/cart').expect(200);
    expect(cart.headers['cache-control']).toBe('no-store');
    expect(cart.text).toContain('一对');
    expect(cart.text).toContain('328');

    const form = await checkoutForm(agent);
    const placed = await submitCheckout(agent, form);
    expect(placed.status).toBe(303);
    const number = orderNumberOf(placed);
    expect(number).toMatch(/^QP\d{8}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$/);

    const after = await t.runtime.db('product_variants').where({ id: ids.variants['一对'] }).first('stock');
    expect(Number(after.stock)).toBe(Number(before.stock) - 1);
    const order = await t.runtime.db('orders').where({ number }).first();
    expect(order).toMatchObject({ status: 'pending', payment: 'cod', province: '广东省', city: '深圳市', district: '南山区' });
    // 328 is above the seeded free-shipping threshold (199): no delivery fee.
    expect(Number(order.total_fen)).toBe(32800);

    const page = await agent.get(String(placed.headers.location)).expect(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.text).toContain(number);
    expect(page.text).toContain('货到付款');
    expect(page.text).toContain('138****5678');
    expect(page.text).not.toContain('13812345678');
    // The cart is empty after the order.
    expect((await agent.get('/cart/count').expect(200)).body).toEqual({ count: 0 });
  });
});
