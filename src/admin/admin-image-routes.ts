import { Router, type Request, type RequestHandler, type Response } from 'express';
import { MulterError } from 'multer';
import { AppError, BadRequestError, NotFoundError } from '../shared/errors';
import { createImageUpload, MAX_UPLOAD_REQUEST_BYTES } from '../media/upload-policy';
import { discardUploads, storeUploads, type IncomingFile } from '../media/upload-processor';
import { UploadQueue } from '../media/upload-queue';
import { idParam, wantsJson } from './admin-request';
import type { AdminDeps } from './admin-routes';
import { ADMIN_TEXT as T } from './admin-strings';
import { CsrfError } from './csrf-guard';

/** The one admin path that accepts multipart bodies (the router refuses multipart elsewhere). */
export const UPLOAD_PATH = /^\/products\/[1-9]\d{0,9}\/images$/;

const MAX_ALT = 300;

/** Runs multer; a body busboy cannot parse is the client's fault (400), never a 500. */
function runMultipart(mw: RequestHandler, req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) =>
    mw(req, res, (err?: unknown) => {
      if (!err) return resolve();
      if (err instanceof AppError || err instanceof MulterError) return reject(err);
      reject(new BadRequestError('上传请求格式不正确', 'upload_malformed'));
    }),
  );
}

function altsFor(body: unknown, count: number): string[] {
  const raw = (body as Record<string, unknown> | undefined)?.alt;
  const list = Array.isArray(raw) ? raw : [raw];
  // One alt for every file, or one shared by all of them (the no-JS form has a single field).
  const alts = list.length === 1 ? Array.from({ length: count }, () => list[0]) : list;
  if (alts.length !== count) throw new BadRequestError(T.altRequired, 'alt_required');
  return alts.map((a) => {
    const text = typeof a === 'string' ? a.trim() : '';
    if (!text || text.length > MAX_ALT) throw new BadRequestError(T.altRequired, 'alt_required');
    return text;
  });
}

export function imageRoutes({ ctx, writer, csrf }: AdminDeps): Router {
  const router = Router();
  // Memory-bounded: at most two upload bodies (each ≤ 10 × 15 MB) buffered at once; a few wait.
  const requestGate = new UploadQueue(2, 8);
  // Runs as each file part begins: a token sent in a header or as a field before the files.
  const upload = createImageUpload((req) => (csrf.verify(req) ? null : new CsrfError('csrf_invalid')));

  const ids = (req: Request) => {
    const productId = idParam(req.params.id);
    const imageId = req.params.imageId === undefined ? 0 : idParam(req.params.imageId);
    if (productId === null || imageId === null) throw new NotFoundError('图片不存在', 'unknown_image');
    return { productId, imageId };
  };

  const done = (req: Request, res: Response, productId: number, notice: string, body: Record<string, unknown> = {}) => {
    if (wantsJson(req)) return res.json({ ok: true, ...body });
    res.redirect(303, `/admin/products/${productId}/edit?notice=${notice}#images`);
  };

  router.post('/products/:id/images', async (req, res) => {
    const { productId } = ids(req);
    const length = Number(req.get('content-length') ?? 0);
    if (length > MAX_UPLOAD_REQUEST_BYTES) throw new AppError(413, 'upload_too_large', '上传内容过大');
    if (req.get('x-csrf-token') !== undefined && !csrf.verify(req)) throw new CsrfError('csrf_invalid');
    if (!(await ctx.db('products').where({ id: productId }).first('id'))) throw new NotFoundError('商品不存在', 'unknown_product');

    await requestGate.run(async () => {
      await runMultipart(upload, req, res);
      if (!csrf.verify(req)) throw new CsrfError('csrf_invalid');
      const files = (req.files ?? []) as Express.Multer.File[];
      if (files.length === 0) throw new BadRequestError(T.noFiles, 'upload_no_files');
      const alts = altsFor(req.body, files.length);
      const incoming: IncomingFile[] = files.map((f) => ({ buffer: f.buffer, originalname: f.originalname }));
      req.files = [];
      const stored = await storeUploads(ctx.storage, incoming);
      let imageIds: number[];
      try {
        imageIds = await writer.addImages(productId, stored.map((s, i) => ({
          storageKey: s.image.baseKey, width: s.image.width, height: s.image.height, variants: s.image.variants,
          alt: alts[i], originalName: s.inspected.originalName,
        })));
      } catch (err) {
        await discardUploads(ctx.storage, stored);
        throw err;
      }
      if (wantsJson(req)) {
        res.status(201).json({ images: stored.map((s, i) => ({ id: imageIds[i], width: s.image.width, height: s.image.height, variants: s.image.variants.map((v) => `/media/${v.key}`) })) });
        return;
      }
      res.redirect(303, `/admin/products/${productId}/edit?notice=images#images`);
    });
  });

  router.post('/products/:id/images/order', async (req, res) => {
    const { productId } = ids(req);
    const raw = (req.body as Record<string, unknown>).order;
    const order = typeof raw === 'string' && /^\d{1,10}(,\d{1,10}){0,199}$/.test(raw) ? raw.split(',').map(Number) : null;
    if (!order) throw new BadRequestError('图片顺序无效', 'invalid_order');
    await writer.reorderImages(productId, order);
    done(req, res, productId, 'reordered', { order });
  });

  router.post('/products/:id/images/:imageId/move', async (req, res) => {
    const { productId, imageId } = ids(req);
    const dir = (req.body as Record<string, unknown>).dir;
    const order = await writer.imageOrder(productId);
    const at = order.indexOf(imageId);
    if (at < 0) throw new NotFoundError('图片不存在', 'unknown_image');
    const to = dir === 'up' ? at - 1 : dir === 'down' ? at + 1 : dir === 'cover' ? 0 : NaN;
    if (Number.isNaN(to)) throw new BadRequestError('移动方向无效', 'invalid_direction');
    if (to >= 0 && to < order.length && to !== at) {
      order.splice(at, 1);
      order.splice(to, 0, imageId);
      await writer.reorderImages(productId, order);
    }
    done(req, res, productId, 'reordered', { order });
  });

  router.post('/products/:id/images/:imageId/alt', async (req, res) => {
    const { productId, imageId } = ids(req);
    const alt = altsFor(req.body, 1)[0];
    await writer.updateImageAlt(productId, imageId, alt);
    done(req, res, productId, 'alt');
  });

  router.post('/products/:id/images/:imageId/delete', async (req, res) => {
    const { productId, imageId } = ids(req);
    const keys = await writer.deleteImage(productId, imageId);
    await ctx.storage.delete(keys).catch((err: unknown) => ctx.logger.error({ err, keys }, 'media cleanup failed'));
    done(req, res, productId, 'image_deleted');
  });

  return router;
}
