import { Router } from 'express';
import { pipeline } from 'node:stream/promises';
import { NotFoundError } from '../shared/errors';
import type { MediaStorage } from './storage';

/** Serves stored media: server-chosen keys only, a fixed type per extension, never sniffed. */
export function mediaRoutes(storage: MediaStorage): Router {
  const router = Router();
  router.get('/media/*key', async (req, res) => {
    const parts = (req.params as { key: string[] }).key;
    const key = Array.isArray(parts) ? parts.join('/') : String(parts);
    const obj = await storage.open(key);
    if (!obj) throw new NotFoundError('文件不存在', 'unknown_media');
    res.set({
      'Content-Type': obj.contentType,
      'Content-Length': String(obj.size),
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox; frame-ancestors 'none'",
    });
    if (req.method === 'HEAD') {
      obj.stream.destroy();
      res.end();
      return;
    }
    await pipeline(obj.stream, res);
  });
  return router;
}
