/**
 * Request logs must not become a way into someone's order or cart: a signed order link's `sig`
 * is a capability, and Set-Cookie carries cart and session tokens. Bodies are never logged.
 */
const SIG = /([?&]sig=)[^&#]*/g;

export function redactUrl(url: unknown): unknown {
  return typeof url === 'string' ? url.replace(SIG, '$1[redacted]') : url;
}

type Serialized = Record<string, unknown> & { headers?: Record<string, unknown> };

export function redactRequest(req: Serialized): Serialized {
  const query = req.query && typeof req.query === 'object' ? { ...(req.query as Record<string, unknown>) } : req.query;
  if (query && typeof query === 'object' && 'sig' in query) (query as Record<string, unknown>).sig = '[redacted]';
  return { ...req, url: redactUrl(req.url), query };
}

export function redactResponse(res: Serialized): Serialized {
  if (!res.headers) return res;
  const headers = { ...res.headers };
  delete headers['set-cookie'];
  if (headers.location) headers.location = redactUrl(headers.location);
  return { ...res, headers };
}
