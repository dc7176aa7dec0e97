import crypto from 'node:crypto';
import type { Knex } from 'knex';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
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
export interface PageCacheStats {
  entries: number;
  bytes: number;
  maxBytes: number;
}

/** Bounded by bytes, not entries: pages range from a few KB to a 5 MB sitemap. */
const DEFAULT_MAX_BYTES = 24 * 1024 * 1024;

export function pageCache(db: Knex, opts: { maxBytes?: number; cacheable: (path: string) => boolean }): RequestHandler & { stats(): PageCacheStats } {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const entries = new Map<string, Entry>();
  let bytes = 0;
  let versionsSeen = '';
  const sizeOf = (key: string, e: Entry) => e.body.length + 2 * (key.length + e.etag.length + e.contentType.length + e.versions.length) + 64;
  const remove = (key: string) => {
    const e = entries.get(key);
    if (!e) return;
    entries.delete(key);
    bytes -= sizeOf(key, e);
  };
  const add = (key: string, e: Entry) => {
    const size = sizeOf(key, e);
    // A page bigger than a quarter of the budget would evict most others; serve it uncached.
    if (size > maxBytes / 4) return;
    remove(key);
    while (bytes + size > maxBytes && entries.size) remove(entries.keys().next().value as string);
    entries.set(key, e);
    bytes += size;
  };

  const versions = createVersionReader(db);

  const respond = (req: Request, res: Response, next: NextFunction, key: string, current: string) => {
    // Versions only move forward: once they change, no older entry can be served again.
    if (current !== versionsSeen) {
      entries.clear();
      bytes = 0;
      versionsSeen = current;
    }
    const hit = entries.get(key);
    if (hit && hit.versions === current) {
      entries.delete(key);
      entries.set(key, hit);
      res.setHeader('Content-Type', hit.contentType);
      res.setHeader('ETag', hit.etag);
      res.send(hit.body);
      return;
    }
    const send = res.send.bind(res);
    res.send = (body: unknown) => {
      if (res.statusCode === 200 && typeof body === 'string' && !res.get('Set-Cookie')) {
        const buf = Buffer.from(body, 'utf8');
        // Rendered at a version that has since moved on: a later request renders it afresh.
        if (current === versionsSeen) add(key, { body: buf, etag: etagOf(buf), contentType: String(res.get('Content-Type') ?? 'text/html; charset=utf-8'), versions: current });
      }
      return send(body);
    };
    next();
  };

  const handler: RequestHandler = (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !opts.cacheable(req.path)) return next();
    const cookie = req.headers.cookie;
    const vary = cookie?.includes('qp_garage=') ? [...cookie.matchAll(VARY_COOKIES)].map((m) => `${m[1]}=${m[2]}`).join(';') : '';
    // Absolute URLs come from PUBLIC_URL, never the Host header, so the host is not part of the key:
    // forged Host headers cannot multiply entries.
    const key = `${req.originalUrl}|${vary}`;
    // Nothing committed since the last read (the usual case): no query, no promise.
    const known = versions.known();
    if (known !== undefined) return respond(req, res, next, key, known);
    versions()
      .then((current) => respond(req, res, next, key, current))
      .catch(next);
  };
  return Object.assign(handler, { stats: (): PageCacheStats => ({ entries: entries.size, bytes, maxBytes }) });
}

/** The same weak ETag Express would compute, done once per cached entry instead of per request. */
function etagOf(body: Buffer): string {
  const hash = crypto.createHash('sha1').update(body).digest('base64').substring(0, 27);
  return `W/"${body.length.toString(16)}-${hash}"`;
}
