import { AdminHttpClient } from '../../helpers/admin-http-client';
import { listenTestApp, type ListeningApp } from '../../security/listening-app';

/** A seeded app on a real loopback port, and its base URL, for shoppers that race each other. */
export async function listenShop(): Promise<{ t: ListeningApp; base: string }> {
  const t = await listenTestApp();
  const addr = t.server.address();
  if (!addr || typeof addr === 'string') throw new Error('server not listening');
  return { t, base: `http://127.0.0.1:${addr.port}` };
}

/** A browser-like shopper over real HTTP: its own cookie jar (cart), same-origin headers, tokens read from pages. */
export class ShopperClient extends AdminHttpClient {
  constructor(readonly base: string) {
    super();
  }

  async addToCart(fields: Record<string, string | number>): Promise<Response> {
    await this.refreshCsrf(this.base, '/cart');
    return this.post(this.base, '/cart/items', Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)])));
  }

  /** Opens the checkout page: the CSRF token and the form's idempotency key. */
  async openCheckout(): Promise<string> {
    const res = await this.get(this.base, '/checkout');
    const html = await res.text();
    const key = /name="idempotency_key" value="([^"]+)"/.exec(html)?.[1];
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (!key || !csrf) throw new Error(`checkout page without form (${res.status})`);
    this.csrf = csrf;
    return key;
  }

  checkout(key: string, fields: Record<string, string>): Promise<Response> {
    return this.post(this.base, '/checkout', { idempotency_key: key, ...fields });
  }
}
