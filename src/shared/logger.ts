import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Every header that carries a credential, in both directions: a session or CSRF cookie copied
 * from a log line would be a working login. The request log (app/request-log.ts) writes no
 * headers at all; this catches any other log call that passes a request or response.
 */
const CREDENTIAL_HEADERS = ['cookie', 'authorization', 'proxy-authorization', 'x-csrf-token', 'x-xsrf-token', 'x-api-key'];
const RESPONSE_CREDENTIAL_HEADERS = ['set-cookie', 'authorization', 'proxy-authenticate'];

export const REDACTED_PATHS: readonly string[] = [
  ...CREDENTIAL_HEADERS.map((h) => `req.headers["${h}"]`),
  ...RESPONSE_CREDENTIAL_HEADERS.map((h) => `res.headers["${h}"]`),
  'password',
  '*.password',
];

export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'qipei' }, redact: { paths: [...REDACTED_PATHS], remove: true } });
}
