/**
 * A browser-like admin client over real HTTP (fetch) for tests that drive separate app
 * processes: a cookie jar shared across instances (cookies ignore the port, as in browsers),
 * same-origin headers, and the CSRF token read from the page like the admin UI does.
 */
export class AdminHttpClient {
  private readonly jar = new Map<string, string>();
  csrf = '';

  /** The values of every cookie held, e.g. to prove none of them reaches a log. */
  cookieValues(): string[] {
    return [...this.jar.values()];
  }

  private cookieHeader(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: Response): void {
    for (const raw of res.headers.getSetCookie()) {
      const [pair] = raw.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(raw) || value === '') this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }

  async get(base: string, path: string): Promise<Response> {
    const res = await fetch(`${base}${path}`, { redirect: 'manual', headers: { cookie: this.cookieHeader(), 'sec-fetch-site': 'same-origin' } });
    this.remember(res);
    return res;
  }

  async post(base: string, path: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: this.cookieHeader(), origin: base, 'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({ _csrf: this.csrf, ...form }).toString(),
    });
    this.remember(res);
    return res;
  }

  async refreshCsrf(base: string, path = '/admin/products'): Promise<void> {
    const html = await (await this.get(base, path)).text();
    const m = /name="csrf-token" content="([^"]+)"/.exec(html) ?? /name="_csrf" value="([^"]+)"/.exec(html);
    if (!m) throw new Error(`no CSRF token on ${path}`);
    this.csrf = m[1];
  }

  async login(base: string, email: string, password: string): Promise<Response> {
    await this.refreshCsrf(base, '/admin/login');
    const res = await this.post(base, '/admin/login', { email, password });
    if (res.status === 303) await this.refreshCsrf(base);
    return res;
  }
}
