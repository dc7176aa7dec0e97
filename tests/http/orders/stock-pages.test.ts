import request from 'supertest';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { testDialect } from '../../helpers/test-db';
import { addToCart, checkoutForm, makeProduct, orderNumberOf, productIds, shopper, submitCheckout, TAIL_LIGHT } from './orders-kit';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function buy(fields: Record<string, number>): Promise<string> {
  const agent = shopper(t);
  expect((await addToCart(agent, fields)).status).toBe(303);
  const placed = await submitCheckout(agent, await checkoutForm(agent));
  return orderNumberOf(placed);
}

/** The stock label of the slug's card in a listing. */
const cardStock = (html: string, slug: string) =>
  new RegExp(`<li class="card">(?:(?!</li>)[\\s\\S])*?/p/${slug}"(?:(?!</li>)[\\s\\S])*?<span class="stock ([a-z]+)">([^<]*)</span>`).exec(html)?.slice(1, 3);

const stockLine = (html: string) => /<p class="stock [a-z]+" data-stock-state>([^<]*)<\/p>/.exec(html)?.[1];

describe(`live stock on cached pages (${testDialect()})`, () => {
  it('when the last item sells, then the cached product page and listing never show a stale 现货', async () => {
    const slug = `stock-page-${Date.now()}`;
    const product = await makeProduct(t.runtime.db, 7, slug);
    const page = () => request(t.app).get(`/p/${slug}`).set('Host', 'shop.test').expect(200);

    const listing = () => request(t.app).get('/products').query({ sort: 'newest' }).set('Host', 'shop.test').expect(200);
    expect(cardStock((await listing()).text, slug)).toEqual(['in', '现货']);
    const first = await page();
    expect(stockLine(first.text)).toBe('现货');
    // Served from the cache (same ETag) while nothing visible changed.
    expect((await page()).headers.etag).toBe(first.headers.etag);

    await buy({ product, qty: 1 }); // 7 → 6: still 现货, and the cache may keep serving it
    expect(stockLine((await page()).text)).toBe('现货');
    await buy({ product, qty: 1 }); // 6 → 5: now the count is shown
    expect(stockLine((await page()).text)).toBe('仅剩 5 件');
    await buy({ product, qty: 5 }); // the last five
    const soldOut = await page();
    expect(stockLine(soldOut.text)).toBe('缺货');
    expect(soldOut.text).toContain('https://schema.org/OutOfStock');
    expect(cardStock((await listing()).text, slug)).toEqual(['out', '缺货']);
  });

  it('when a variant sells down to its last items, then the cached page for that variant shows 仅剩 N 件', async () => {
    const ids = await productIds(t.runtime.db, TAIL_LIGHT);
    const variant = ids.variants['右'];
    await t.runtime.db('product_variants').where({ id: variant }).update({ stock: 6 });
    const page = () => request(t.app).get(`/p/${TAIL_LIGHT}`).query({ variant }).set('Host', 'shop.test').expect(200);
    // The page may have been cached before the direct update above: a sale must still correct it.
    await page();
    await buy({ product: ids.product, variant, qty: 2 });
    expect(stockLine((await page()).text)).toBe('仅剩 4 件');
  });

  it('when an admin cancels an order, then the stock comes back and the cached page shows it', async () => {
    const slug = `stock-cancel-${Date.now()}`;
    const product = await makeProduct(t.runtime.db, 1, slug);
    const number = await buy({ product, qty: 1 });
    const page = () => request(t.app).get(`/p/${slug}`).set('Host', 'shop.test').expect(200);
    expect(stockLine((await page()).text)).toBe('缺货');
    await t.runtime.orders.desk.transition(number, 'cancelled', { id: 1, email: 'desk@qipei.test' }, {});
    expect(stockLine((await page()).text)).toBe('仅剩 1 件');
    expect(Number((await t.runtime.db('products').where({ id: product }).first('stock')).stock)).toBe(1);
  });
});
