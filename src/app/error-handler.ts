import type { ErrorRequestHandler, RequestHandler } from 'express';
import { MulterError } from 'multer';
import { AppError, NotFoundError } from '../shared/errors';
import type { Logger } from '../shared/logger';

function wantsJson(path: string, accept: string | undefined): boolean {
  return path.startsWith('/api/') || (accept !== undefined && accept.includes('application/json') && !accept.includes('text/html'));
}

/** Body-parser and similar libraries mark client errors with `status`/`statusCode` and `expose`. */
function clientErrorOf(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  if (err instanceof MulterError) {
    const status = err.code === 'LIMIT_FILE_SIZE' ? 413 : 400;
    return new AppError(status, `upload_${err.code.toLowerCase()}`, '上传内容超出限制或格式不正确');
  }
  if (typeof err === 'object' && err !== null) {
    // PostgreSQL refusing the bytes it was given (NUL, invalid UTF-8, too long) is the client's input, not our fault.
    const pgCode = (err as { code?: unknown }).code;
    if (pgCode === '22021' || pgCode === '22P05' || pgCode === '22001') return new AppError(400, 'invalid_characters', '提交的内容包含无法保存的字符或过长');
    const e = err as { status?: number; statusCode?: number; expose?: boolean; type?: string };
    const status = e.status ?? e.statusCode;
    if (status && status >= 400 && status < 500) {
      return new AppError(status, e.type ? e.type.replace(/\./g, '_') : 'bad_request', status === 413 ? '请求内容过大' : '请求格式不正确');
    }
  }
  return null;
}

export const notFoundHandler: RequestHandler = (_req, _res, next) => next(new NotFoundError());

/**
 * The one error handler: 4xx say what was wrong; 5xx say nothing beyond an id to quote.
 * `views` prepares the layout and locals, since the error may come from before they were set.
 */
export function createErrorHandler(logger: Logger, views: RequestHandler): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const known = clientErrorOf(err);
    const status = known?.status ?? 500;
    const code = known?.code ?? 'internal_error';
    const message = known?.message ?? '服务器出错了，请稍后再试';
    // Search down is not the site down: one warning per request (the outage itself is in /readyz),
    // and a page that says so and points at browsing instead.
    const searchDown = code === 'search_unavailable';
    if (searchDown) logger.warn({ reqId: req.id, url: req.originalUrl, detail: known?.details?.detail }, 'search unavailable');
    else if (status >= 500) logger.error({ err, reqId: req.id, url: req.originalUrl }, 'request failed');
    if (res.headersSent) return req.socket.destroy();
    res.status(status);
    if (status === 429 && known?.details?.retryAfter) res.set('Retry-After', String(known.details.retryAfter));
    if (wantsJson(req.path, req.get('accept'))) {
      res.json({ error: { status, code, message, ...(known?.details?.parameter ? { parameter: known.details.parameter } : {}) } });
      return;
    }
    views(req, res, () => {});
    const view = searchDown ? 'errors/503' : status === 404 ? 'errors/404' : status >= 500 ? 'errors/500' : 'errors/4xx';
    res.render(view, { title: searchDown ? '搜索暂时不可用' : status === 404 ? '页面不存在' : status >= 500 ? '服务器错误' : '请求有误', status, code, message, requestId: String(req.id ?? '') }, (renderErr, html) => {
      if (renderErr) {
        logger.error({ err: renderErr }, 'error page failed to render');
        res.type('text/plain').send(`${status} ${message}`);
        return;
      }
      res.send(html);
    });
  };
}
