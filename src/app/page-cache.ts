import crypto from 'node:crypto';
import type { Knex } from 'knex';
import type { RequestHandler } from 'express';
import { createVersionReader } from '../shared/content-version';

interface Entry {
  body: Buffer;
  etag: string;
  contentType: string;
  versions: string;
}

/** Cookies that change what a storefront page shows; everything else is the same for everyone. */
const VARY_COOKIES = /(?:^|;\s*)(qp_garage)=([^;]*)/g;

/**
 * Caches rendered storefront pages (home, listings, product pages). An entry is valid only while
 * the catalogue and newsroom versions in the database are the ones it was rendered at, so a write
 * on any instance is visible on the next request everywhere; one indexed read replaces the
 * queries and rendering of a page. Pages that count something (articles) are not cached.
 */
export function pageCache(db: Knex, opts: { maxEntries?: number; cacheable: (path: string) => boolean }): RequestHandler {
  const max = opts.maxEntries ?? 1000;
  const entries = new Map<string, Entry>();

  const versions = createVersionReader(db);

  return async (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !opts.cacheable(req.path)) return next();
    const cookie = req.headers.cookie ?? '';
    const vary = [...cookie.matchAll(VARY_COOKIES)].map((m) => `${m[1]}=${m[2]}`).join(';');
    const key = `${req.protocol}://${req.get('host')}${req.originalUrl}|${vary}`;
    const current = await versions();
    const hit = entries.get(key);
    if (hit && hit.versions === current) {
      entries.delete(key);
      entries.set(key, hit);
      res.set({ 'Content-Type': hit.contentType, ETag: hit.etag });
      res.send(hit.body);
      return;
    }
    const send = res.send.bind(res);
    res.send = (body: unknown) => {
      if (res.statusCode === 200 && typeof body === 'string' && !res.get('Set-Cookie')) {
        if (entries.size >= max) entries.delete(entries.keys().next().value as string);
        const buf = Buffer.from(body, 'utf8');
        entries.set(key, { body: buf, etag: etagOf(buf), contentType: String(res.get('Content-Type') ?? 'text/html; charset=utf-8'), versions: current });
      }
      return send(body);
    };
    next();
  };
}

/** The same weak ETag Express would compute, done once per cached entry instead of per request. */
function etagOf(body: Buffer): string {
  const hash = crypto.createHash('sha1').update(body).digest('base64').substring(0, 27);
  return `W/"${body.length.toString(16)}-${hash}"`;
}
