import { Algorithm, hash, verify } from '@node-rs/argon2';
import { BoundedQueue } from '../shared/bounded-queue';
import { AppError } from '../shared/errors';

/** OWASP's argon2id baseline: m = 19 MiB, t = 2, p = 1. */
export const ARGON2_OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export class HashingBusyError extends AppError {
  constructor() {
    super(503, 'login_busy', '登录请求过多，请稍后再试', { retryAfter: 1 });
  }
}

/**
 * argon2 runs on libuv's thread pool (4 threads), which sqlite3 also uses: two hashes at a time
 * leave the other threads to the shop's queries, however many logins arrive. A short queue
 * absorbs a person's retry; beyond it callers are refused at once (503, Retry-After).
 */
export const hashingQueue = new BoundedQueue(2, 6, () => new HashingBusyError());

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
  return hashingQueue.run(() => hash(normalisePassword(password), ARGON2_OPTIONS));
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

/**
 * Unknown accounts still pay for one verification, so response time does not reveal which emails
 * exist. Like verifyPassword, callers on a request path hold a hashingQueue slot around it.
 */
export async function burnVerification(password: string): Promise<void> {
  dummyHash ??= hash('qipei-timing-equaliser-not-a-password', ARGON2_OPTIONS);
  await verifyPassword(await dummyHash, password);
}
