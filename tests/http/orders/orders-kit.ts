import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import type { Knex } from 'knex';
import type { TestApp } from '../../helpers/test-app';
import { csrfFrom } from '../admin/admin-test-kit';

export type Agent = InstanceType<typeof TestAgent>;

export const TAIL_LIGHT = 'baojun-730-tail-light-assembly';

export const ADDRESS = {
  name: '张三', phone: '13812345678', province: '广东省', city: '深圳市', district: '南山区',
  address: '科技园南区 88 号', note: '', payment: 'cod',
} as const;

export async function productIds(db: Knex, slug: string): Promise<{ product: number; variants: Record<string, number> }> {
  const p = await db('products').where({ slug }).first('id');
  const vs: { id: number; label: string }[] = await db('product_variants').where({ product_id: p.id }).select('id', 'label');
  return { product: Number(p.id), variants: Object.fromEntries(vs.map((v) => [v.label, Number(v.id)])) };
}

/** A product of its own (no variants) with the given stock, published; returns its id. */
export async function makeProduct(db: Knex, stock: number, slug = `race-${Math.random().toString(36).slice(2, 10)}`): Promise<number> {
  const [row] = await db('products').insert({ slug, title: `测试商品 ${slug}`, price_fen: 5000, stock, status: 'published' }).returning('id');
  return Number(typeof row === 'object' ? (row as { id: number }).id : row);
}

/** A shopper with a cookie jar: the token comes from the cart page, as a browser would get it. */
export function shopper(t: TestApp): Agent {
  return request.agent(t.app);
}

export async function tokenOf(agent: Agent, path = '/cart'): Promise<string> {
  const page = await agent.get(path).expect(200);
  return csrfFrom(page.text);
}

export async function addToCart(agent: Agent, fields: Record<string, string | number>): Promise<request.Response> {
  const csrf = await tokenOf(agent);
  return agent.post('/cart/items').type('form').send({ _csrf: csrf, ...fields });
}

export async function checkoutForm(agent: Agent): Promise<{ csrf: string; key: string }> {
  const page = await agent.get('/checkout').expect(200);
  const key = /name="idempotency_key" value="([^"]+)"/.exec(page.text)?.[1];
  if (!key) throw new Error('no idempotency key on the checkout page');
  return { csrf: csrfFrom(page.text), key };
}

export async function submitCheckout(agent: Agent, form: { csrf: string; key: string }, fields: Record<string, string> = {}): Promise<request.Response> {
  return agent.post('/checkout').type('form').send({ _csrf: form.csrf, idempotency_key: form.key, ...ADDRESS, ...fields });
}

export function orderNumberOf(res: request.Response): string {
  const m = /^\/orders\/(QP\d{8}-[0-9A-Z]{4})\?/.exec(String(res.headers.location ?? ''));
  if (!m) throw new Error(`no order in redirect: ${res.status} ${res.headers.location ?? ''} ${res.text.slice(0, 300)}`);
  return m[1];
}
