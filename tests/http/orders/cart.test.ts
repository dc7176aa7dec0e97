import { createTestApp, type TestApp } from '../../helpers/test-app';
import { testDialect } from '../../helpers/test-db';
import { pickVehicle } from '../fitment/garage-client';
import { addToCart, checkoutForm, makeProduct, productIds, shopper, submitCheckout, TAIL_LIGHT, tokenOf } from './orders-kit';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const lineIds = (html: string) => [...html.matchAll(/action="\/cart\/items\/(\d+)"/g)].map((m) => m[1]);

describe(`the cart (${testDialect()})`, () => {
  it('when a price changes after adding, then the cart shows the new price; quantities change and lines go away through the forms', async () => {
    const product = await makeProduct(t.runtime.db, 20);
    const agent = shopper(t);
    await addToCart(agent, { product, qty: 2 });
    await t.runtime.db('products').where({ id: product }).update({ price_fen: 4200 });
    const page = await agent.get('/cart').expect(200);
    expect(page.text).toContain('¥84.00');
    const [id] = lineIds(page.text);
    const csrf = await tokenOf(agent);
    expect((await agent.post(`/cart/items/${id}`).type('form').send({ _csrf: csrf, qty: '5' })).status).toBe(303);
    expect((await agent.get('/cart/count')).body).toEqual({ count: 5 });
    expect((await agent.post(`/cart/items/${id}`).type('form').send({ _csrf: csrf, qty: '0' })).status).toBe(400);
    expect((await agent.post(`/cart/items/${id}/delete`).type('form').send({ _csrf: csrf })).status).toBe(303);
    expect((await agent.get('/cart/count')).body).toEqual({ count: 0 });
    // Someone else's line (or a made-up one) is not found, and nothing changes.
    expect((await agent.post('/cart/items/999999/delete').type('form').send({ _csrf: csrf })).status).toBe(404);
  });

  it('when a product in the cart is unpublished or deleted, then the line says why and checkout refuses the cart', async () => {
    const hidden = await makeProduct(t.runtime.db, 20);
    const gone = await makeProduct(t.runtime.db, 20);
    const agent = shopper(t);
    await addToCart(agent, { product: hidden, qty: 1 });
    await addToCart(agent, { product: gone, qty: 1 });
    const form = await checkoutForm(agent);
    await t.runtime.db('products').where({ id: hidden }).update({ status: 'draft' });
    await t.runtime.db('products').where({ id: gone }).del();
    const page = await agent.get('/cart').expect(200);
    expect(page.text).toContain('data-problem="unpublished"');
    expect(page.text).toContain('data-problem="deleted"');
    expect(page.text).toContain('data-code="cart_blocked"');
    expect(page.text).not.toContain('href="/checkout"');
    expect((await agent.get('/checkout')).status).toBe(303);
    const res = await submitCheckout(agent, form);
    expect(res.status).toBe(409);
    expect(res.text).toContain('data-code="cart_has_problems"');
    expect(await t.runtime.db('orders').where({ idempotency_key: form.key }).first('id')).toBeUndefined();
  });

  it('when the garage holds a 宝骏730, then each line keeps its fitment badge and a part for another car carries a warning', async () => {
    const garage = await pickVehicle(t.app, { make: 'baojun', model: '730', year: 2016 });
    const agent = shopper(t);
    const light = await productIds(t.runtime.db, TAIL_LIGHT);
    const decal = await productIds(t.runtime.db, 'honda-civic-10th-gen-carbon-fiber-decal');
    await addToCart(agent, { product: light.product, variant: light.variants['一对'], qty: 1 });
    await addToCart(agent, { product: decal.product, variant: Object.values(decal.variants)[0], qty: 1 });
    const page = await agent.get('/cart').set('Cookie', garage).expect(200);
    const rows = page.text.split('<tr class="cart-line').slice(1);
    const lightRow = rows.find((r) => r.includes('宝骏730'))!;
    const decalRow = rows.find((r) => r.includes('思域'))!;
    expect(lightRow).toContain('fit-badge fit-fits');
    expect(lightRow).not.toContain('fit-warning');
    expect(decalRow).toContain('fit-badge fit-no_fit');
    expect(decalRow).toContain('class="fit-warning"');
  });
});
