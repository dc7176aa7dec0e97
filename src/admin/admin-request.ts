import type { Request } from 'express';
import type { AdminSession } from './session-manager';

declare module 'express-serve-static-core' {
  interface Request {
    adminSession?: AdminSession;
  }
}

/** The guard has run for every /admin request, so a missing session is a wiring bug: fail closed. */
export function sessionOf(req: Request): AdminSession {
  if (!req.adminSession) throw new Error('admin session middleware did not run');
  return req.adminSession;
}

export function wantsJson(req: Request): boolean {
  const accept = req.get('accept') ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

const ID = /^[1-9]\d{0,9}$/;

export function idParam(value: unknown): number | null {
  return typeof value === 'string' && ID.test(value) ? Number(value) : null;
}

/** Only our own admin pages are valid places to return to after login. */
export function safeNext(value: unknown): string {
  return typeof value === 'string' && /^\/admin\/[A-Za-z0-9/_-]*$/.test(value) && !value.includes('//') ? value : '/admin/products';
}
