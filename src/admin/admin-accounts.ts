import type { Knex } from 'knex';
import { insertReturningId } from '../db/knex';
import { hashPassword, passwordProblem, verifyPassword } from './password-hasher';
import { weakPasswordReason } from './password-policy';

export interface AdminRow {
  id: number;
  email: string;
  password_hash: string;
}

const EMAIL = /^[^\s@<>"'`]{1,64}@[^\s@<>"'`]{1,189}\.[^\s@<>"'`]{2,63}$/;

export function normaliseEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}

export class AdminAccountError extends Error {
  constructor(readonly code: 'invalid_email' | 'password_too_short' | 'password_too_long' | 'email_taken' | 'weak_password') {
    super(code);
    this.name = 'AdminAccountError';
  }
}

/**
 * Passwords that ship in tutorials and default installs. Production refuses to start while any
 * admin still uses one (a short list: each costs one argon2 verification per admin at boot).
 * admin:create refuses these and everything password-policy.ts calls weak.
 */
export const WELL_KNOWN_PASSWORDS: readonly string[] = [
  'admin', 'password', 'changeme', 'admin123', 'administrator', 'adminadmin123', 'password1234', 'passwordpassword',
  '123456789012', 'qwertyuiop12', 'changeme1234', 'admin1234567', 'administrator1', 'qipei-admin-password', 'qipeiadmin123',
];

export async function createAdmin(db: Knex, email: string, password: string): Promise<number> {
  const normalised = normaliseEmail(email);
  if (!EMAIL.test(normalised)) throw new AdminAccountError('invalid_email');
  const problem = passwordProblem(password);
  if (problem) throw new AdminAccountError(problem);
  if (await weakPasswordReason(password, WELL_KNOWN_PASSWORDS)) throw new AdminAccountError('weak_password');
  if (await db('admins').where({ email: normalised }).first('id')) throw new AdminAccountError('email_taken');
  const passwordHash = await hashPassword(password);
  return insertReturningId(db, 'admins', { email: normalised, password_hash: passwordHash, created_at: Date.now() });
}

export async function findAdminByEmail(db: Knex, email: string): Promise<AdminRow | undefined> {
  return db<AdminRow>('admins').where({ email: normaliseEmail(email) }).first('id', 'email', 'password_hash');
}

/**
 * Start-up check for production: refuses to run while any admin account still opens with a
 * well-known password. Cost: one argon2 verification per admin and listed password, once at boot.
 */
export async function assertNoDefaultAdmin(db: Knex): Promise<void> {
  const admins: AdminRow[] = await db('admins').select('id', 'email', 'password_hash');
  for (const admin of admins) {
    for (const candidate of WELL_KNOWN_PASSWORDS) {
      if (await verifyPassword(admin.password_hash, candidate)) {
        throw new Error(`admin account ${admin.email} uses a well-known default password; change it before starting in production`);
      }
    }
  }
}
