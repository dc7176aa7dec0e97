import request from 'supertest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, cookieValue, createAdminTestApp, csrfFrom, freshIp, login } from './admin-test-kit';
import type { TestApp } from '../../helpers/test-app';

describe('admin login, sessions and the /admin guard', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createAdminTestApp();
  });
  afterAll(() => t.close());

  it('when the right password is posted, then a session cookie is set and the product list opens', async () => {
    const { agent, ip } = await login(t);
    const res = await agent.get('/admin/products').set('X-Forwarded-For', ip).expect(200);
    expect(res.text).toContain(ADMIN_EMAIL);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('when a GET under /admin has no session, then it redirects to the login page', async () => {
    for (const url of ['/admin', '/admin/products', '/admin/products/1/edit', '/admin/products/new', '/admin/nonexistent']) {
      const res = await request(t.app).get(url).expect(303);
      expect(res.headers.location).toMatch(/^\/admin\/login/);
    }
  });

  it('when a POST under /admin has no session, then it is refused with 401 before anything runs', async () => {
    const before = await t.runtime.db('products').count({ n: '*' }).first();
    const res = await request(t.app).post('/admin/products/1/delete').set('Accept', 'application/json').expect(401);
    expect(res.body.error.code).toBe('login_required');
    expect(await t.runtime.db('products').count({ n: '*' }).first()).toEqual(before);
  });

  it('when the session cookie is set, then it is HttpOnly and SameSite=Lax (no Secure outside production)', async () => {
    const res = await request(t.app).get('/admin/login').expect(200);
    const cookies = (res.headers['set-cookie'] as unknown as string[]).join('\n');
    expect(cookies).toMatch(/qipei_admin=[^;]+;.*HttpOnly/);
    expect(cookies).toMatch(/qipei_admin=[^;]+;.*SameSite=Lax/);
  });

  it('when an attacker plants a session id before login, then login issues a different id and the planted one stays anonymous', async () => {
    const ip = freshIp();
    const planted = 'A'.repeat(43);
    const page = await request(t.app).get('/admin/login').set('X-Forwarded-For', ip).set('Cookie', `qipei_admin=${planted}`).expect(200);
    expect(cookieValue(page, 'qipei_admin')).toBeNull();
    const res = await request(t.app)
      .post('/admin/login')
      .set('X-Forwarded-For', ip)
      .set('Cookie', `qipei_admin=${planted}; qipei_csrf=${cookieValue(page, 'qipei_csrf')}`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text), email: ADMIN_EMAIL, password: ADMIN_PASSWORD })
      .expect(303);
    const issued = cookieValue(res, 'qipei_admin');
    expect(issued).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(issued).not.toBe(planted);
    await request(t.app).get('/admin/products').set('Cookie', `qipei_admin=${planted}`).expect(303);
    await request(t.app).get('/admin/products').set('Cookie', `qipei_admin=${issued}`).expect(200);
  });

  it('when logged in through the form twice, then each login gets its own new session id', async () => {
    const a = await login(t);
    const b = await login(t);
    const rows = await t.runtime.db('admin_sessions').select('id');
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(a.agent).not.toBe(b.agent);
  });

  it('when the admin logs out, then the old cookie no longer opens anything', async () => {
    const ip = freshIp();
    const agent = request.agent(t.app);
    const page = await agent.get('/admin/login').set('X-Forwarded-For', ip);
    const loginRes = await agent.post('/admin/login').set('X-Forwarded-For', ip).type('form')
      .send({ _csrf: csrfFrom(page.text), email: ADMIN_EMAIL, password: ADMIN_PASSWORD }).expect(303);
    const sid = cookieValue(loginRes, 'qipei_admin');
    const list = await agent.get('/admin/products').set('X-Forwarded-For', ip).expect(200);
    await agent.post('/admin/logout').set('X-Forwarded-For', ip).type('form').send({ _csrf: csrfFrom(list.text) }).expect(303);
    await request(t.app).get('/admin/products').set('Cookie', `qipei_admin=${sid}`).expect(303);
  });

  it('when a session has been idle for more than 30 minutes, then it is gone and the cookie sends you to login', async () => {
    const { agent, ip } = await login(t);
    await t.runtime.db('admin_sessions').update({ last_seen_at: Date.now() - 31 * 60_000 });
    const count = async () => Number((await t.runtime.db('admin_sessions').count({ n: '*' }).first())?.n);
    const before = await count();
    await agent.get('/admin/products').set('X-Forwarded-For', ip).expect(303);
    expect(await count()).toBe(before - 1);
  });

  it('when a session is older than 12 hours, then it ends even if it was used a minute ago', async () => {
    const { agent, ip } = await login(t);
    await t.runtime.db('admin_sessions').update({ created_at: Date.now() - 12 * 3_600_000 - 1000, last_seen_at: Date.now() - 60_000 });
    await agent.get('/admin/products').set('X-Forwarded-For', ip).expect(303);
  });

  it('when a session is used within 30 minutes, then it stays valid', async () => {
    const { agent, ip } = await login(t);
    await t.runtime.db('admin_sessions').update({ last_seen_at: Date.now() - 29 * 60_000 });
    await agent.get('/admin/products').set('X-Forwarded-For', ip).expect(200);
  });

  it('when the password is wrong, then the form answers 401 with the email kept and no session is stored', async () => {
    const before = await t.runtime.db('admin_sessions').count({ n: '*' }).first();
    const ip = freshIp();
    const agent = request.agent(t.app);
    const page = await agent.get('/admin/login').set('X-Forwarded-For', ip);
    const res = await agent.post('/admin/login').set('X-Forwarded-For', ip).type('form')
      .send({ _csrf: csrfFrom(page.text), email: ADMIN_EMAIL, password: 'wrong password 12345' }).expect(401);
    expect(res.text).toContain('data-code="login_failed"');
    expect(res.text).toContain(`value="${ADMIN_EMAIL}"`);
    expect(await t.runtime.db('admin_sessions').count({ n: '*' }).first()).toEqual(before);
  });
});
