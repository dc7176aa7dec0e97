import request from 'supertest';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { createAdmin } from '../../../src/admin';
import { hashPassword } from '../../../src/admin/password-hasher';
import { bootstrap } from '../../../src/app/bootstrap';
import { loadConfig } from '../../../src/config/config';

const PROD_ENV = { NODE_ENV: 'production', SESSION_SECRET: 'a-production-session-secret-of-48-characters-xx', PUBLIC_URL: 'https://shop.example' };

describe('admin in production mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: PROD_ENV });
    await createAdmin(t.runtime.db, 'ops@qipei.test', 'a long production passphrase');
  });
  afterAll(() => t.close());

  it('when the login page is served, then the session and CSRF cookies are __Host- prefixed, Secure, HttpOnly and Path=/', async () => {
    const res = await request(t.app).get('/admin/login').set('X-Forwarded-Proto', 'https').expect(200);
    const cookies = res.headers['set-cookie'] as unknown as string[];
    const session = cookies.find((c) => c.startsWith('__Host-qipei_admin='));
    const csrf = cookies.find((c) => c.startsWith('__Host-qipei_csrf='));
    for (const c of [session, csrf]) {
      expect(c).toBeDefined();
      expect(c).toMatch(/; Secure/);
      expect(c).toMatch(/; HttpOnly/);
      expect(c).toMatch(/; Path=\//);
      expect(c).not.toMatch(/Domain=/i);
    }
    expect(session).toMatch(/SameSite=Lax/);
  });

  it('when an admin still has a well-known default password, then production start-up refuses to run', async () => {
    await t.runtime.db('admins').insert({ email: 'default@qipei.test', password_hash: await hashPassword('changeme1234'), created_at: Date.now() });
    const config = loadConfig({ ...t.env, ...PROD_ENV });
    await expect(bootstrap(config, { seed: false })).rejects.toThrow(/well-known default password/);
    await t.runtime.db('admins').where({ email: 'default@qipei.test' }).del();
    const ok = await bootstrap(config, { seed: false });
    await ok.close();
  });
});
