import { listenTestApp, type ListeningApp } from './listening-app';
import { countBy, distinctIps, fetchLoginForm, loginBurst } from './login-race-kit';

/**
 * Password hashing shares libuv's thread pool with sqlite3. A flood of logins (every one a
 * different account and address, so the throttle lets each through) must not make the shop wait:
 * hashing is bounded, the excess is refused at once with Retry-After, and reads keep answering.
 */
describe('login flood and the storefront', () => {
  let t: ListeningApp;
  let base: string;
  beforeAll(async () => {
    t = await listenTestApp({ env: { TRUST_PROXY: 'true' } });
    const { port } = t.server.address() as import('node:net').AddressInfo;
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => t?.close());

  it('when 120 logins for different accounts arrive at once while /news is read, then the excess is refused with 503 and Retry-After and /news answers 200', async () => {
    const form = await fetchLoginForm(base);
    const ips = distinctIps(120);
    const flood = loginBurst(base, form, ips.map((ip, i) => ({ email: `flood-${i}@qipei.test`, ip, password: `flood password ${i}` })));
    const reads = Promise.all(Array.from({ length: 10 }, () => fetch(`${base}/news`).then(async (r) => ({ status: r.status, body: await r.text() }))));
    const [outcomes, news] = await Promise.all([flood, reads]);

    expect(news.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(news.every((r) => r.body.includes('</html>'))).toBe(true);
    const counts = countBy(outcomes);
    expect(Object.keys(counts).map(Number).sort()).toEqual([401, 503]);
    const busy = outcomes.filter((o) => o.status === 503);
    expect(busy.every((o) => o.code === 'login_busy' && Number(o.retryAfter) >= 1)).toBe(true);
    // A refused attempt was never checked, so it counts against nobody.
    const counted = await t.runtime.db('admin_login_throttle').where('failures', '>', 0).whereIn('key', ips.map((ip) => `ip:${ip}`)).count({ n: '*' }).first();
    expect(Number(counted?.n)).toBe(counts[401]);
  });
});
