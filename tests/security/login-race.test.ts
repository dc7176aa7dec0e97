import { dialectOf } from '../../src/db/knex';
import { createAdmin } from '../../src/admin';
import { MAX_FAILURES, createLoginThrottle } from '../../src/admin/login-throttle';
import { listenTestApp, type ListeningApp } from './listening-app';
import { countBy, distinctIps, fetchLoginForm, loginBurst, postLogin, type LoginForm } from './login-race-kit';

const PASSWORD = 'race-proof passphrase 汽配 2931';

/**
 * The login limit under real concurrency: every burst is fired at once over real HTTP at a
 * listening server. A 401 means the password was checked (argon2 ran) and found wrong, so the
 * number of 401s is the number of verifications an attacker got (429: refused by the throttle,
 * 503: refused because the server was already hashing its fill; neither checks a password).
 */
describe('login throttle under parallel attempts', () => {
  let t: ListeningApp;
  let base: string;
  let form: LoginForm;
  beforeAll(async () => {
    t = await listenTestApp({ env: { TRUST_PROXY: 'true' } });
    const { port } = t.server.address() as import('node:net').AddressInfo;
    base = `http://127.0.0.1:${port}`;
    form = await fetchLoginForm(base);
  });
  afterAll(async () => t?.close());

  const throttleRow = (key: string) => t.runtime.db('admin_login_throttle').where({ key }).first();

  it('when 40 wrong passwords and the right one arrive at once, then at most the limit are checked and the right one clears nothing that raced it', async () => {
    const email = 'race-40@qipei.test';
    await createAdmin(t.runtime.db, email, PASSWORD);
    const ips = distinctIps(41);
    const attempts = ips.map((ip, i) => ({ email, ip, password: i === 20 ? PASSWORD : `wrong guess number ${i}` }));
    const outcomes = await loginBurst(base, form, attempts);
    const counts = countBy(outcomes);
    expect(Object.keys(counts).map(Number).filter((s) => ![303, 401, 429, 503].includes(s))).toEqual([]);
    expect(counts[401] ?? 0).toBeLessThanOrEqual(MAX_FAILURES);
    expect((counts[429] ?? 0) + (counts[503] ?? 0)).toBeGreaterThan(0);
    // The burst locked the account, and the right password inside it did not unlock it.
    const row = await throttleRow(`account:${email}`);
    expect(row).toBeDefined();
    expect(Number(row.locked_until)).toBeGreaterThan(Date.now());
    const after = await postLogin(base, form, { email, password: PASSWORD, ip: distinctIps(1)[0] });
    expect(after.status).toBe(429);
    expect(after.code).toBe('login_throttled');
  });

  it('when 300 guesses on one account arrive at once, then at most the limit are checked and the lockout counts once (one minute)', async () => {
    const email = 'race-300@qipei.test';
    await createAdmin(t.runtime.db, email, PASSWORD);
    const outcomes = await loginBurst(base, form, distinctIps(300).map((ip, i) => ({ email, ip, password: `guess ${i} of many` })));
    const counts = countBy(outcomes);
    expect(Object.keys(counts).map(Number).filter((s) => ![401, 429, 503].includes(s))).toEqual([]);
    expect(counts[401] ?? 0).toBeLessThanOrEqual(MAX_FAILURES);
    const row = await throttleRow(`account:${email}`);
    expect(row.lockouts).toBe(1);
    expect(Number(row.locked_until) - Date.now()).toBeLessThanOrEqual(60_000);
    for (const o of outcomes.filter((x) => x.status === 429)) expect(Number(o.retryAfter)).toBeLessThanOrEqual(60);
  });

  it('when 10 wrong passwords for one new account arrive at once from 10 new addresses, then none fails with 500 and every attempt let through or refused as concurrent is counted (those refused as too busy to hash are never checked)', async () => {
    const email = 'nobody-new@qipei.test';
    const ips = distinctIps(10);
    const outcomes = await loginBurst(base, form, ips.map((ip, i) => ({ email, ip, password: `new key guess ${i}` })));
    expect(outcomes.filter((o) => ![401, 429, 503].includes(o.status))).toEqual([]);
    const counted = outcomes.filter((o) => o.status === 401 || o.code === 'login_concurrent').length;
    expect(Number((await throttleRow(`account:${email}`)).failures)).toBe(counted);
    const ipRows = await t.runtime.db('admin_login_throttle').whereIn('key', ips.map((ip) => `ip:${ip}`));
    expect(ipRows.reduce((n: number, r: { failures: number }) => n + Number(r.failures), 0)).toBe(counted);
  });

  it('when an attempt waits for a key\'s row while the attempt holding it locks the key, then its Retry-After is no longer than the lock', async () => {
    let clock = 1_900_000_000_000;
    const throttle = createLoginThrottle(t.runtime.db, () => clock);
    const key = `account:waits-${Date.now()}@qipei.test`;
    await t.runtime.db('admin_login_throttle').insert({ key, failures: 0, window_start: clock, last_failure_at: 0, lockouts: 0, locked_until: 0, in_flight: 0, lease_until: 0 });
    let waiting: Promise<Awaited<ReturnType<typeof throttle.begin>>> | undefined;
    await t.runtime.db.transaction(async (trx) => {
      const held = trx('admin_login_throttle').where({ key });
      await (dialectOf(t.runtime.db) === 'pg' ? held.forUpdate() : held.update({ failures: 0 }));
      waiting = throttle.begin([key]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      clock += 5_000;
      await trx('admin_login_throttle').where({ key }).update({ failures: MAX_FAILURES, lockouts: 1, locked_until: clock + 60_000 });
    });
    const admission = await waiting!;
    expect(admission).toEqual({ admitted: false, reason: 'locked', retryAfterSeconds: 60 });
  });

  it('when ten failures on one new key are recorded at once, then all ten are counted and the key locks once', async () => {
    const throttle = createLoginThrottle(t.runtime.db);
    const key = `account:atomic-${Date.now()}@qipei.test`;
    const results = await Promise.all(Array.from({ length: 10 }, () => throttle.fail([key])));
    expect(results.filter((r) => r.locked).length).toBe(1);
    const row = await throttleRow(key);
    expect(row.failures).toBe(10);
    expect(row.lockouts).toBe(1);
  });
});
