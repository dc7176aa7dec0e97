import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from '../shared/logger';
import { redactUrl } from './log-redaction';

declare module 'http' {
  interface IncomingMessage {
    /** The request id: a well-formed incoming X-Request-Id, or a fresh UUID. Quoted on error pages. */
    id?: string;
  }
}

const INCOMING_ID = /^[\w-]{1,64}$/;

/** Liveness probes and fingerprinted assets would drown the log and say nothing. */
const unlogged = (url: string) => url === '/healthz' || url.startsWith('/static/');

/**
 * One short line per request at info, written when the response is done: id, method, redacted
 * URL, client address, user agent, status and time. Headers and bodies are never in it, so no
 * cookie or credential can leak. pino-http did the same through a child logger per request,
 * which cost ~10% of a cached page's CPU; this is one object and one pino call.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && INCOMING_ID.test(incoming) ? incoming : randomUUID();
    req.id = id;
    res.setHeader('X-Request-Id', id);
    const url = req.url;
    if (!unlogged(url)) {
      const started = Date.now();
      // 'close' follows 'finish' on every response, and alone on one the client abandoned.
      res.once('close', () => {
        logger.info(
          {
            req: { id, method: req.method, url: redactUrl(url), remoteAddress: req.socket.remoteAddress, userAgent: req.headers['user-agent'] },
            res: { statusCode: res.statusCode },
            responseTime: Date.now() - started,
          },
          res.writableFinished ? 'request completed' : 'request aborted',
        );
      });
    }
    next();
  };
}
