import { startAppProcess, type AppProcess } from '../helpers/app-process';
import { AdminHttpClient } from '../helpers/admin-http-client';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { createAdmin } from '../../src/admin';

const EMAIL = 'logs@qipei.test';
const PASSWORD = 'log redaction passphrase 汽配 5120';

/**
 * A real production-mode process logging at its default level to its stdout (a pipe, as a log
 * file or collector would read it): after a login, nothing in the log may be replayed as a
 * session or a CSRF token, whether it came in a request header or went out in Set-Cookie.
 */
describe('credentials never reach the request log', () => {
  let t: TestApp;
  let app: AppProcess;
  beforeAll(async () => {
    t = await createTestApp();
    await createAdmin(t.runtime.db, EMAIL, PASSWORD);
    app = await startAppProcess({
      ...t.env,
      NODE_ENV: 'production',
      SESSION_SECRET: 'log-redaction-test-secret-of-more-than-32-chars',
      PUBLIC_URL: 'https://shop.example',
      LOG_LEVEL: 'info',
    });
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
    await t?.close();
  });

  it('when an admin logs in and browses in production, then the log holds request lines but no session cookie, CSRF token or credential header', async () => {
    const client = new AdminHttpClient();
    expect((await client.login(app.url, EMAIL, PASSWORD)).status).toBe(303);
    const cookies = client.cookieValues();
    expect(cookies.length).toBeGreaterThanOrEqual(2);
    // Credential headers a proxy or an XHR could send, each with a marker we can look for.
    const res = await client.get(app.url, '/admin/products');
    expect(res.status).toBe(200);
    await fetch(`${app.url}/news`, { headers: { authorization: 'Bearer auth-marker-7f3a', 'proxy-authorization': 'Basic proxy-marker-91c2', 'x-csrf-token': 'csrf-header-marker-55d0' } });
    await new Promise((r) => setTimeout(r, 300));

    const log = app.output();
    expect(log).toMatch(/"url":"\/admin\/login"/);
    expect(log).toMatch(/"url":"\/news"/);
    for (const secret of [...cookies, client.csrf, 'auth-marker-7f3a', 'proxy-marker-91c2', 'csrf-header-marker-55d0']) {
      expect(secret.length).toBeGreaterThan(8);
      expect(log.includes(secret) ? `log contains ${secret.slice(0, 12)}…` : null).toBeNull();
    }
    expect(log).not.toMatch(/__Host-qipei_admin=/);
    expect(log).not.toMatch(/__Host-qipei_csrf=/);
  });
});
