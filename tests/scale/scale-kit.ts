import { createAdmin } from '../../src/admin';
import { AdminHttpClient } from '../helpers/admin-http-client';
import type { AppProcess } from '../helpers/app-process';

export const EMAIL = 'ops@qipei.test';
export const PASSWORD = 'scale-out passphrase 汽配 2026';

export { createAdmin, AdminHttpClient };

/** A product form as the admin UI posts it; `token` makes every title findable. */
export function productForm(categoryId: number, token: string, i: number): Record<string, string> {
  return {
    title: `${token} 尾灯总成 第${i}件`,
    name_en: `${token} tail light ${i}`,
    category_id: String(categoryId),
    price: `${100 + (i % 50)}.00`,
    stock: '5',
    description: '扩展测试商品。',
    status: 'published',
    variants: '',
    specs: '材质 | ABS',
    tags: '测试',
  };
}

/** Letters only: the analyser keeps it as one Latin word, so a search for it is exact. */
export function randomToken(): string {
  const letters = 'bcdfghjklmnpqrstvwxz';
  let s = 'qp';
  for (let i = 0; i < 8; i++) s += letters[Math.floor(Math.random() * letters.length)];
  return s;
}

/** Every product id the instance's search returns for `token`, all pages. */
export async function searchIds(app: AppProcess, token: string): Promise<number[]> {
  const ids: number[] = [];
  for (let page = 1; page <= 100; page++) {
    const res = await fetch(`${app.url}/api/search?q=${token}&type=product&per_page=60&page=${page}`);
    if (res.status !== 200) throw new Error(`search answered ${res.status}: ${await res.text()}`);
    const body = (await res.json()) as { hits: { id: number }[]; totalHits: number };
    ids.push(...body.hits.map((h) => h.id));
    if (page * 60 >= body.totalHits || body.hits.length === 0) break;
  }
  return ids.sort((a, b) => a - b);
}

/** Polls until `check` holds or the time is up; returns the last value seen. */
export async function eventually<T>(read: () => Promise<T>, check: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!check(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    value = await read();
  }
  return value;
}
