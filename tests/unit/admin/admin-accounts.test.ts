import { Readable } from 'node:stream';
import type { Knex } from 'knex';
import { migrateLatest } from '../../../src/db/migrate';
import { AdminAccountError, assertNoDefaultAdmin, createAdmin, verifyPassword } from '../../../src/admin';
import { hashPassword, PASSWORD_MAX_BYTES } from '../../../src/admin/password-hasher';
import { parseArgs, readPassword } from '../../../src/cli/admin-create';
import { createTestDb, type TestDb } from '../../helpers/test-db';

describe('admin accounts and passwords', () => {
  let t: TestDb;
  let db: Knex;
  beforeAll(async () => {
    t = await createTestDb();
    db = t.db;
    await migrateLatest(db);
  });
  afterAll(async () => t.close());

  const codeOf = async (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof AdminAccountError ? e.code : String(e)));

  it('when a password is hashed, then it is argon2id with m=19456 KiB, t=2, p=1', async () => {
    expect(await hashPassword('a perfectly long passphrase')).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('when a password is 11 characters, then it is refused; 12 CJK characters are accepted', async () => {
    expect(await codeOf(createAdmin(db, 'short@qipei.test', 'abcdefghijk'))).toBe('password_too_short');
    expect(await codeOf(createAdmin(db, 'cjk@qipei.test', '汽配商城后台管理员的密码'))).toBeNull();
  });

  it('when a password is 1 KB or more, then it is accepted and never truncated', async () => {
    // Long but not repetitive: one repeated character would be refused as a weak password.
    const long = Array.from({ length: 1500 }, (_, i) => String.fromCharCode(0x61 + ((i * 7) % 26))).join('');
    await createAdmin(db, 'long@qipei.test', long);
    const row = await db('admins').where({ email: 'long@qipei.test' }).first();
    expect(await verifyPassword(row.password_hash, long)).toBe(true);
    expect(await verifyPassword(row.password_hash, long.slice(0, 1024))).toBe(false);
    expect(await verifyPassword(row.password_hash, `${long}y`)).toBe(false);
  });

  it('when a password is over the hashing cap, then it is refused rather than hashed', async () => {
    expect(await codeOf(createAdmin(db, 'huge@qipei.test', 'x'.repeat(PASSWORD_MAX_BYTES + 1)))).toBe('password_too_long');
  });

  it('when the email is invalid, taken, or the password well known, then creation is refused', async () => {
    expect(await codeOf(createAdmin(db, 'not-an-email', 'a perfectly long passphrase'))).toBe('invalid_email');
    expect(await codeOf(createAdmin(db, 'CJK@qipei.test', 'another long passphrase'))).toBe('email_taken');
    expect(await codeOf(createAdmin(db, 'weak@qipei.test', 'password1234'))).toBe('weak_password');
  });

  it('when a password is a common one (top 49k list), repetitive, or a simple sequence, then creation is refused as weak', async () => {
    const weak = ['1q2w3e4r5t6y', '111111111111', '121212121212', 'abcabcabcabc', 'abcdefghijkl', 'ZYXWVUTSRQPO', '987654321098', '345678901234',
      'qwertyuiopas', 'Password2024!', 'iloveyou2024', '1qaz2wsx3edc', 'passwordpassword', '汽配汽配汽配汽配汽配汽配'];
    for (const [i, password] of weak.entries()) {
      expect({ password, code: await codeOf(createAdmin(db, `weak${i}@qipei.test`, password)) }).toEqual({ password, code: 'weak_password' });
    }
    expect(await db('admins').where('email', 'like', 'weak%@qipei.test').first('id')).toBeUndefined();
  });

  it('when a password is a long, varied passphrase, then the weak-password rules let it through', async () => {
    for (const [i, password] of ['correct horse battery staple 汽配', 'Tr0ub4dor&3-plus-more', '宝骏730尾灯总成改装2016款'].entries()) {
      expect(await codeOf(createAdmin(db, `strong${i}@qipei.test`, password))).toBeNull();
    }
  });

  it('when an admin row carries a well-known password, then the production start-up check throws; otherwise it passes', async () => {
    await expect(assertNoDefaultAdmin(db)).resolves.toBeUndefined();
    await db('admins').insert({ email: 'default@qipei.test', password_hash: await hashPassword('changeme1234'), created_at: Date.now() });
    await expect(assertNoDefaultAdmin(db)).rejects.toThrow(/default@qipei\.test/);
    await db('admins').where({ email: 'default@qipei.test' }).del();
  });

  it('when admin:create gets its arguments, then only --email with --password-stdin is accepted', () => {
    expect(parseArgs(['--email', 'a@b.cn', '--password-stdin'])).toEqual({ email: 'a@b.cn' });
    expect(parseArgs(['--email=a@b.cn', '--password-stdin'])).toEqual({ email: 'a@b.cn' });
    expect(parseArgs(['--email', 'a@b.cn', '--password', 'secret'])).toBeNull();
    expect(parseArgs(['--email', 'a@b.cn'])).toBeNull();
  });

  it('when the password comes on stdin, then exactly one trailing newline is dropped and inner spaces are kept', async () => {
    expect(await readPassword(Readable.from([Buffer.from('  spaced pass phrase  \n')]))).toBe('  spaced pass phrase  ');
    expect(await readPassword(Readable.from([Buffer.from('pass\r\n')]))).toBe('pass');
    await expect(readPassword(Readable.from([Buffer.alloc(PASSWORD_MAX_BYTES + 10, 0x61)]))).rejects.toThrow('password_too_long');
  });
});
