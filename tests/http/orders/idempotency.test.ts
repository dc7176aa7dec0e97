import type { ListeningApp } from '../../security/listening-app';
import { testDialect } from '../../helpers/test-db';
import { ADDRESS, makeProduct } from './orders-kit';
import { listenShop, ShopperClient } from './shopper-client';

let t: ListeningApp;
let base: string;
beforeAll(async () => {
  ({ t, base } = await listenShop());
});
afterAll(async () => t.close());

const numberIn = (res: Response) => /QP\d{8}-\w{4}/.exec(res.headers.get('location') ?? '')?.[0];

async function ordersFor(product: number): Promise<number> {
  const [{ n }] = await t.runtime.db('order_items').where({ product_id: product }).count({ n: '*' });
  return Number(n);
}

describe(`idempotent checkout on ${testDialect()}`, () => {
  it('when the same form is submitted twice in a row, then both answers lead to one order and stock is taken once', async () => {
    const product = await makeProduct(t.runtime.db, 10);
    const shopper = new ShopperClient(base);
    await shopper.addToCart({ product, qty: 2 });
    const key = await shopper.openCheckout();
    const first = await shopper.checkout(key, { ...ADDRESS });
    const second = await shopper.checkout(key, { ...ADDRESS });
    expect([first.status, second.status]).toEqual([303, 303]);
    expect(numberIn(second)).toBe(numberIn(first));
    expect(await ordersFor(product)).toBe(1);
    expect(Number((await t.runtime.db('products').where({ id: product }).first('stock')).stock)).toBe(8);
  });

  it('when two identical submits arrive at the same moment (a double click), then one order is made and both get it', async () => {
    for (let round = 0; round < 5; round++) {
      const product = await makeProduct(t.runtime.db, 10);
      const shopper = new ShopperClient(base);
      await shopper.addToCart({ product, qty: 1 });
      const key = await shopper.openCheckout();
      const [a, b] = await Promise.all([shopper.checkout(key, { ...ADDRESS }), shopper.checkout(key, { ...ADDRESS })]);
      expect([a.status, b.status]).toEqual([303, 303]);
      expect(numberIn(a)).toBe(numberIn(b));
      expect(await ordersFor(product)).toBe(1);
      expect(Number((await t.runtime.db('products').where({ id: product }).first('stock')).stock)).toBe(9);
    }
  });

  it('when another cart replays a used key, then it is refused with a 409 and gets nobody else\'s order', async () => {
    const product = await makeProduct(t.runtime.db, 10);
    const owner = new ShopperClient(base);
    await owner.addToCart({ product, qty: 1 });
    const key = await owner.openCheckout();
    expect((await owner.checkout(key, { ...ADDRESS })).status).toBe(303);

    const other = new ShopperClient(base);
    await other.addToCart({ product, qty: 1 });
    await other.openCheckout();
    const replay = await other.checkout(key, { ...ADDRESS });
    expect(replay.status).toBe(409);
    expect(await replay.text()).toContain('idempotency_key_reused');
    expect(await ordersFor(product)).toBe(1);
  });
});
