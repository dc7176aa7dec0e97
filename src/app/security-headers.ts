import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Helmet's headers, computed once by helmet itself and set on each response in one step.
 * With static options (no per-request CSP nonce) the header set never changes, while running
 * helmet's chain of a dozen middlewares per request cost ~5% of a cached page's CPU.
 */
export function securityHeaders(options: Readonly<HelmetOptions>): RequestHandler {
  const directives = typeof options.contentSecurityPolicy === 'object' ? options.contentSecurityPolicy.directives ?? {} : {};
  for (const [name, values] of Object.entries(directives)) {
    if (values && typeof values === 'object' && [...(values as Iterable<unknown>)].some((v) => typeof v === 'function')) {
      throw new Error(`securityHeaders: the ${name} directive is computed per request; use helmet() directly`);
    }
  }
  const set = new Map<string, string>();
  const removed: string[] = [];
  const recorder = {
    setHeader: (name: string, value: string) => set.set(name, value),
    removeHeader: (name: string) => removed.push(name),
  };
  let error: unknown = 'did not finish synchronously';
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => (error = err));
  if (error) throw new Error(`securityHeaders: helmet failed: ${String(error)}`);

  return (_req, res, next) => {
    res.setHeaders(set);
    for (const name of removed) res.removeHeader(name);
    next();
  };
}
