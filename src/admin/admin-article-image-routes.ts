import { Router, type Request, type Response } from 'express';
import type { ArticleForEdit, FieldErrors } from '../news';
import { AppError, BadRequestError, NotFoundError } from '../shared/errors';
import { createImageUpload, UPLOAD_LIMITS } from '../media/upload-policy';
import { discardUploads, storeUploads } from '../media/upload-processor';
import { UploadQueue } from '../media/upload-queue';
import { articleId } from './admin-article-routes';
import { runMultipart } from './admin-image-routes';
import { wantsJson } from './admin-request';
import type { AdminDeps } from './admin-routes';
import { ARTICLE_TEXT as T } from './admin-strings';
import { articleToForm, formToInput } from './article-form';
import { CsrfError } from './csrf-guard';

/** One image plus a few short fields; anything larger is refused before multer reads a byte. */
const MAX_REQUEST_BYTES = UPLOAD_LIMITS.maxFileBytes + 64 * 1024;

function field(req: Request, name: string, max: number, message: string): string {
  const raw = (req.body as Record<string, unknown> | undefined)?.[name];
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (text.length > max) throw new BadRequestError(message, 'invalid_field', { field: name });
  return text;
}

/** The editor refused the article with its new image: say why in its own (Chinese) words. */
function refused(errors: FieldErrors): AppError {
  return new AppError(422, 'validation_failed', Object.values(errors).join('；'), { fields: errors });
}

/**
 * The lead photo of an article: the product upload pipeline (bytes checked, re-encoded by
 * processImage, CSRF verified before any file byte is buffered), one file, alt text required,
 * caption and credit as fields of their own. The article is saved through the editor, so search
 * hears about it in the same transaction; the replaced photo's files go after the commit.
 */
export function articleImageRoutes({ ctx, csrf }: AdminDeps): Router {
  const router = Router();
  const gate = new UploadQueue(1, 4);
  const upload = createImageUpload((req) => (csrf.verify(req) ? null : new CsrfError('csrf_invalid')), { maxFiles: 1 });

  const stored = async (id: number): Promise<ArticleForEdit> => {
    const a = await ctx.news.getArticleForEdit(id);
    if (!a) throw new NotFoundError(T.notFound, 'unknown_article');
    return a;
  };

  const done = (req: Request, res: Response, id: number, notice: string, body: Record<string, unknown> = {}) => {
    if (wantsJson(req)) return res.json({ ok: true, ...body });
    res.redirect(303, `/admin/articles/${id}/edit?notice=${notice}#lead-image`);
  };

  const removeFiles = async (a: ArticleForEdit | null) => {
    const keys = a?.image?.variants.map((v) => v.key) ?? [];
    await ctx.storage.delete(keys).catch((err: unknown) => ctx.logger.error({ err, keys }, 'media cleanup failed'));
  };

  router.post('/articles/:id/image', async (req, res) => {
    const id = articleId(req.params.id);
    if (Number(req.get('content-length') ?? 0) > MAX_REQUEST_BYTES) throw new AppError(413, 'upload_too_large', '上传内容过大');
    if (req.get('x-csrf-token') !== undefined && !csrf.verify(req)) throw new CsrfError('csrf_invalid');
    await stored(id);

    await gate.run(async () => {
      await runMultipart(upload, req, res);
      if (!csrf.verify(req)) throw new CsrfError('csrf_invalid');
      const files = (req.files ?? []) as Express.Multer.File[];
      if (files.length === 0) throw new BadRequestError('请选择要上传的图片', 'upload_no_files');
      const alt = field(req, 'alt', 300, T.altRequired);
      if (!alt) throw new BadRequestError(T.altRequired, 'alt_required');
      const caption = field(req, 'caption', 500, T.captionTooLong);
      const credit = field(req, 'credit', 200, T.creditTooLong);
      const incoming = files.map((f) => ({ buffer: f.buffer, originalname: f.originalname }));
      req.files = [];
      const [s] = await storeUploads(ctx.storage, incoming, 'news');
      // Until the article row points at the new files they are orphans: any way out of this block
      // other than a committed save (a refusal, or the database throwing) removes them.
      let saved = false;
      let before: ArticleForEdit | null = null;
      try {
        // Read again after the slow part: the article may have been edited meanwhile.
        before = await ctx.news.getArticleForEdit(id);
        const result = before
          ? await ctx.news.updateArticle(id, formToInput(
            { ...articleToForm(before, new Date()), imageAlt: alt, imageCaption: caption, imageCredit: credit },
            { key: s.image.baseKey, width: s.image.width, height: s.image.height, variants: s.image.variants },
          ))
          : null;
        if (!result) throw new NotFoundError(T.notFound, 'unknown_article');
        if (!result.ok) throw refused(result.errors);
        saved = true;
      } finally {
        if (!saved) await discardUploads(ctx.storage, [s]).catch((err: unknown) => ctx.logger.error({ err, key: s.image.baseKey }, 'media cleanup failed'));
      }
      await removeFiles(before);
      done(req, res, id, 'image', { image: { width: s.image.width, height: s.image.height, variants: s.image.variants.map((v) => `/media/${v.key}`) } });
    });
  });

  router.post('/articles/:id/image/delete', async (req, res) => {
    const id = articleId(req.params.id);
    const before = await stored(id);
    if (!before.image) return done(req, res, id, 'image_removed');
    const values = { ...articleToForm(before, new Date()), imageAlt: '', imageCaption: '', imageCredit: '' };
    const result = await ctx.news.updateArticle(id, formToInput(values, null));
    if (!result.ok) throw refused(result.errors);
    await removeFiles(before);
    done(req, res, id, 'image_removed');
  });

  return router;
}
