import type { ListeningApp } from '../../security/listening-app';
import { testDialect } from '../../helpers/test-db';
import { ADDRESS, makeProduct, productIds, TAIL_LIGHT } from './orders-kit';
import { listenShop, ShopperClient } from './shopper-client';

let t: ListeningApp;
let base: string;
beforeAll(async () => {
  ({ t, base } = await listenShop());
});
afterAll(async () => t.close());

/** Every shopper gets the item into a cart and opens checkout first; only the submits race. */
async function readyShoppers(n: number, line: Record<string, number>): Promise<{ client: ShopperClient; key: string }[]> {
  const out: { client: ShopperClient; key: string }[] = [];
  for (let i = 0; i < n; i++) {
    const client = new ShopperClient(base);
    const added = await client.addToCart(line);
    expect(added.status).toBe(303);
    out.push({ client, key: await client.openCheckout() });
  }
  return out;
}

async function race(shoppers: { client: ShopperClient; key: string }[]) {
  const responses = await Promise.all(shoppers.map(({ client, key }, i) => client.checkout(key, { ...ADDRESS, phone: `139${String(10000000 + i).slice(-8)}` })));
  return Promise.all(responses.map(async (r) => ({ status: r.status, text: await r.text() })));
}

describe(`the stock race on ${testDialect()} (real parallel HTTP)`, () => {
  it('when 50 shoppers race for the last 5 items, then exactly 5 orders exist, 45 hear 库存不足 with a 409 and stock is 0, never negative', async () => {
    const product = await makeProduct(t.runtime.db, 5);
    const shoppers = await readyShoppers(50, { product, qty: 1 });
    const results = await race(shoppers);

    const placed = results.filter((r) => r.status === 303);
    const refused = results.filter((r) => r.status === 409);
    expect(placed).toHaveLength(5);
    expect(refused).toHaveLength(45);
    for (const r of refused) {
      expect(r.text).toContain('data-code="out_of_stock"');
      expect(r.text).toContain('库存不足');
    }
    const orders = await t.runtime.db('order_items').where({ product_id: product }).count({ n: '*' });
    expect(Number(orders[0].n)).toBe(5);
    const { stock } = await t.runtime.db('products').where({ id: product }).first('stock');
    expect(Number(stock)).toBe(0);
  });

  it('when 20 shoppers race for a variant with 3 left, then 3 orders exist and the variant and product totals never go negative', async () => {
    const ids = await productIds(t.runtime.db, TAIL_LIGHT);
    const variant = ids.variants['左'];
    await t.runtime.db('product_variants').where({ id: variant }).update({ stock: 3 });
    const before = Number((await t.runtime.db('products').where({ id: ids.product }).first('stock')).stock);
    const shoppers = await readyShoppers(20, { product: ids.product, variant, qty: 1 });
    const results = await race(shoppers);
    expect(results.filter((r) => r.status === 303)).toHaveLength(3);
    expect(results.filter((r) => r.status === 409)).toHaveLength(17);
    expect(results.some((r) => r.status >= 500)).toBe(false);
    expect(Number((await t.runtime.db('product_variants').where({ id: variant }).first('stock')).stock)).toBe(0);
    expect(Number((await t.runtime.db('products').where({ id: ids.product }).first('stock')).stock)).toBe(Math.max(0, before - 3));
  });
});
