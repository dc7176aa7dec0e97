import request from 'supertest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, cookieValue, createAdminTestApp, csrfFrom, freshIp, login } from './admin-test-kit';
import type { TestApp } from '../../helpers/test-app';

async function attempt(t: TestApp, ip: string, email: string, password: string) {
  const page = await request(t.app).get('/admin/login').set('X-Forwarded-For', ip).expect(200);
  const cookies = `qipei_admin=${cookieValue(page, 'qipei_admin')}; qipei_csrf=${cookieValue(page, 'qipei_csrf')}`;
  return request(t.app).post('/admin/login').set('X-Forwarded-For', ip).set('Cookie', cookies).type('form')
    .send({ _csrf: csrfFrom(page.text), email, password });
}

describe('brute-force throttling', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createAdminTestApp();
  });
  afterAll(() => t.close());
  beforeEach(() => t.runtime.db('admin_login_throttle').del());

  it('when one account fails 5 times from different IPs, then the next try (even with the right password) gets 429 with Retry-After', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt(t, freshIp(), ADMIN_EMAIL, `wrong password ${i}xx`)).status).toBe(401);
    const res = await attempt(t, freshIp(), ADMIN_EMAIL, ADMIN_PASSWORD);
    expect(res.status).toBe(429);
    expect(res.text).toContain('data-code="login_throttled"');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    const row = await t.runtime.db('admin_login_throttle').where({ key: `account:${ADMIN_EMAIL}` }).first();
    expect(row.failures).toBe(5);
    expect(Number(row.locked_until)).toBeGreaterThan(Date.now());
  });

  it('when one IP fails 5 times across different accounts, then that IP gets 429 but another IP can still log in', async () => {
    const ip = freshIp();
    for (let i = 0; i < 5; i++) expect((await attempt(t, ip, `nobody${i}@qipei.test`, 'wrong password 123')).status).toBe(401);
    expect((await attempt(t, ip, ADMIN_EMAIL, ADMIN_PASSWORD)).status).toBe(429);
    expect((await attempt(t, freshIp(), ADMIN_EMAIL, ADMIN_PASSWORD)).status).toBe(303);
  });

  it('when a lockout expires and the account fails again within the window, then the back-off doubles', async () => {
    for (let i = 0; i < 5; i++) await attempt(t, freshIp(), ADMIN_EMAIL, 'wrong password 123');
    const first = await attempt(t, freshIp(), ADMIN_EMAIL, 'wrong password 123');
    const firstWait = Number(first.headers['retry-after']);
    // Let the lockout lapse without sleeping: move it into the past in the database.
    await t.runtime.db('admin_login_throttle').update({ locked_until: Date.now() - 1 });
    expect((await attempt(t, freshIp(), ADMIN_EMAIL, 'wrong password 123')).status).toBe(401);
    const second = await attempt(t, freshIp(), ADMIN_EMAIL, ADMIN_PASSWORD);
    expect(second.status).toBe(429);
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(firstWait);
  });

  it('when failures are older than 15 minutes, then they no longer count', async () => {
    for (let i = 0; i < 4; i++) await attempt(t, freshIp(), ADMIN_EMAIL, 'wrong password 123');
    await t.runtime.db('admin_login_throttle').update({ window_start: Date.now() - 16 * 60_000 });
    expect((await attempt(t, freshIp(), ADMIN_EMAIL, 'wrong password 123')).status).toBe(401);
    expect((await attempt(t, freshIp(), ADMIN_EMAIL, ADMIN_PASSWORD)).status).toBe(303);
  });

  it('when a login succeeds, then the account failure count is cleared', async () => {
    for (let i = 0; i < 3; i++) await attempt(t, freshIp(), ADMIN_EMAIL, 'wrong password 123');
    expect((await attempt(t, freshIp(), ADMIN_EMAIL, ADMIN_PASSWORD)).status).toBe(303);
    expect(await t.runtime.db('admin_login_throttle').where({ key: `account:${ADMIN_EMAIL}` }).first()).toBeUndefined();
  });
});

describe('CSRF and cross-site requests', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createAdminTestApp();
  });
  afterAll(() => t.close());

  const productCount = async () => Number((await t.runtime.db('products').count({ n: '*' }).first())?.n);

  it('when a state-changing request has no CSRF token, then it is 403 and nothing changes', async () => {
    const { agent, ip } = await login(t);
    const before = await productCount();
    const res = await agent.post('/admin/products/1/delete').set('X-Forwarded-For', ip).set('Accept', 'application/json').expect(403);
    expect(res.body.error.code).toBe('csrf_invalid');
    expect(await productCount()).toBe(before);
  });

  it('when the token is wrong or from another session, then it is 403', async () => {
    const a = await login(t);
    const b = await login(t);
    const before = await productCount();
    for (const token of ['x'.repeat(64), b.csrf, `${a.csrf}0`]) {
      const res = await a.agent.post('/admin/products/1/delete').set('X-Forwarded-For', a.ip).set('Accept', 'application/json').type('form').send({ _csrf: token });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('csrf_invalid');
    }
    expect(await productCount()).toBe(before);
  });

  it('when the login form is posted without its token, then it is 403 and no password is checked', async () => {
    const res = await request(t.app).post('/admin/login').set('X-Forwarded-For', freshIp()).set('Accept', 'application/json').type('form')
      .send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_invalid');
  });

  it('when Origin names another site, then it is 403 even with a valid token', async () => {
    const { agent, csrf, ip } = await login(t);
    const res = await agent.post('/admin/products/1/unpublish').set('X-Forwarded-For', ip).set('Origin', 'https://evil.example')
      .set('Accept', 'application/json').type('form').send({ _csrf: csrf });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('cross_site_request');
    expect((await t.runtime.db('products').where({ id: 1 }).first('status')).status).toBe('published');
  });

  it('when Sec-Fetch-Site says cross-site or same-site, then it is 403 even with a valid token', async () => {
    const { agent, csrf, ip } = await login(t);
    for (const site of ['cross-site', 'same-site']) {
      const res = await agent.post('/admin/products/1/unpublish').set('X-Forwarded-For', ip).set('Sec-Fetch-Site', site)
        .set('Accept', 'application/json').type('form').send({ _csrf: csrf });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('cross_site_request');
    }
  });

  it('when the same-origin browser request carries the token, then it goes through', async () => {
    const { agent, csrf, ip } = await login(t);
    const res = await agent.post('/admin/products/2/unpublish').set('X-Forwarded-For', ip).set('Sec-Fetch-Site', 'same-origin')
      .set('Origin', 'http://shop.test').set('Host', 'shop.test').set('Accept', 'application/json').type('form').send({ _csrf: csrf });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: 2, status: 'draft' });
  });

  it('when a multipart body is sent to a route other than the image upload, then it is refused with 403', async () => {
    const { agent, csrf, ip } = await login(t);
    const res = await agent.post('/admin/products/1/delete').set('X-Forwarded-For', ip).set('Accept', 'application/json')
      .field('_csrf', csrf);
    expect(res.status).toBe(403);
    expect(await t.runtime.db('products').where({ id: 1 }).first('id')).toBeDefined();
  });
});
