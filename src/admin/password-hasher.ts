import { Algorithm, hash, verify } from '@node-rs/argon2';

/** OWASP's argon2id baseline: m = 19 MiB, t = 2, p = 1. */
export const ARGON2_OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_CHARS = 12;
/** Far above any passphrase (ASVS asks for at least 64 characters); stops hashing-cost abuse. */
export const PASSWORD_MAX_BYTES = 4096;

export type PasswordProblem = 'password_too_short' | 'password_too_long';

/** Passwords are never truncated or trimmed; Unicode is normalised so the same text always verifies. */
export function normalisePassword(password: string): string {
  return password.normalize('NFC');
}

export function passwordProblem(password: string): PasswordProblem | null {
  const p = normalisePassword(password);
  if (Buffer.byteLength(p, 'utf8') > PASSWORD_MAX_BYTES) return 'password_too_long';
  if ([...p].length < PASSWORD_MIN_CHARS) return 'password_too_short';
  return null;
}

export async function hashPassword(password: string): Promise<string> {
  const problem = passwordProblem(password);
  if (problem) throw new Error(problem);
  return hash(normalisePassword(password), ARGON2_OPTIONS);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  if (Buffer.byteLength(password, 'utf8') > PASSWORD_MAX_BYTES * 2) return false;
  try {
    return await verify(storedHash, normalisePassword(password));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;

/** Unknown accounts still pay for one verification, so response time does not reveal which emails exist. */
export async function burnVerification(password: string): Promise<void> {
  dummyHash ??= hash('qipei-timing-equaliser-not-a-password', ARGON2_OPTIONS);
  await verifyPassword(await dummyHash, password);
}
