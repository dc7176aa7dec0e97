import { Router, type Request, type Response } from 'express';
import { articleState, listArticlesForAdmin, resolveProductSlugs, type AdminArticleState, type ArticleForEdit, type ArticleView, type FieldErrors } from '../news';
import type { ProductCard } from '../catalog';
import { NotFoundError } from '../shared/errors';
import { parseShanghai } from '../shared/time';
import { idParam, wantsJson } from './admin-request';
import type { AdminDeps } from './admin-routes';
import { ADMIN_TEXT, ARTICLE_TEXT as T } from './admin-strings';
import { articleToForm, emptyArticleForm, formToInput, readArticleForm, type ArticleFormValues } from './article-form';

const NOTICES: Record<string, string> = {
  created: T.created, saved: T.saved, published: T.published, unpublished: T.unpublished, scheduled: T.scheduled,
  deleted: T.deleted, image: T.imageUploaded, image_removed: T.imageRemoved,
};

function noticeOf(value: unknown): string | null {
  return typeof value === 'string' && Object.hasOwn(NOTICES, value) ? NOTICES[value] : null;
}

const STATES = new Set<AdminArticleState>(['live', 'scheduled', 'draft']);

export function articleId(raw: unknown): number {
  const id = idParam(raw);
  if (id === null) throw new NotFoundError(T.notFound, 'unknown_article');
  return id;
}

/** The smallest stored WebP, for the form's thumbnail. */
function thumbOf(a: ArticleForEdit | null): string | null {
  const v = a?.image?.variants.filter((x) => x.format === 'webp').sort((x, y) => x.width - y.width)[0];
  return v ? `/media/${v.key}` : null;
}

interface FormPage {
  id: number | null;
  values: ArticleFormValues;
  errors: FieldErrors;
  notice?: string | null;
  preview?: { article: ArticleView; relatedProducts: ProductCard[] } | null;
}

export function articleRoutes({ ctx }: AdminDeps): Router {
  const router = Router();
  const news = ctx.news;

  const stored = async (id: number): Promise<ArticleForEdit> => {
    const a = await news.getArticleForEdit(id);
    if (!a) throw new NotFoundError(T.notFound, 'unknown_article');
    return a;
  };

  async function renderForm(res: Response, status: number, page: FormPage) {
    const article = page.id ? await stored(page.id) : null;
    const published = article?.publishedAt ? parseShanghai(article.publishedAt) : null;
    res.status(status).render('admin/article-form', {
      title: page.preview ? '预览文章' : page.id ? '编辑文章' : '新建文章',
      articleId: page.id, article, thumb: thumbOf(article),
      state: article ? articleState(article.status, published, new Date()) : null,
      stateLabels: T.states,
      values: page.values, errors: page.errors, notice: page.notice ?? null,
      formError: Object.keys(page.errors).length ? ADMIN_TEXT.formHasErrors : null,
      preview: page.preview ?? null,
    });
  }

  router.get('/articles', async (req, res) => {
    const page = typeof req.query.page === 'string' && /^[1-9]\d{0,4}$/.test(req.query.page) ? Number(req.query.page) : 1;
    const state = typeof req.query.state === 'string' && STATES.has(req.query.state as AdminArticleState) ? (req.query.state as AdminArticleState) : undefined;
    const list = await listArticlesForAdmin(ctx.db, { page, state });
    res.render('admin/articles', { title: '文章管理', ...list, state: state ?? '', stateLabels: T.states, notice: noticeOf(req.query.notice) });
  });

  router.get('/articles/new', async (_req, res) => renderForm(res, 200, { id: null, values: emptyArticleForm(), errors: {} }));

  const save = async (id: number | null, req: Request, res: Response) => {
    const values = readArticleForm(req.body);
    const image = id === null ? null : (await stored(id)).image;
    const result = id === null ? await news.createArticle(formToInput(values, null)) : await news.updateArticle(id, formToInput(values, image));
    if (!result.ok) return renderForm(res, 422, { id, values, errors: result.errors });
    res.redirect(303, `/admin/articles/${result.id}/edit?notice=${id === null ? 'created' : 'saved'}`);
  };

  /** Validated and rendered as its page would be, inside the admin layout; nothing is written. */
  const preview = async (id: number | null, req: Request, res: Response) => {
    const values = readArticleForm(req.body);
    const image = id === null ? null : (await stored(id)).image;
    const result = await news.previewArticle(formToInput(values, image), id ?? undefined);
    if (!result.ok) return renderForm(res, 422, { id, values, errors: result.errors });
    const { ids } = await resolveProductSlugs(ctx.db, result.productSlugs);
    const relatedProducts = await news.productCards(ids);
    await renderForm(res, 200, { id, values, errors: {}, preview: { article: result.article, relatedProducts } });
  };

  router.post('/articles', async (req, res) => save(null, req, res));
  router.post('/articles/preview', async (req, res) => preview(null, req, res));

  router.get('/articles/:id/edit', async (req, res) => {
    const id = articleId(req.params.id);
    await renderForm(res, 200, { id, values: articleToForm(await stored(id), new Date()), errors: {}, notice: noticeOf(req.query.notice) });
  });

  router.post('/articles/:id', async (req, res) => save(articleId(req.params.id), req, res));
  router.post('/articles/:id/preview', async (req, res) => preview(articleId(req.params.id), req, res));

  /**
   * Status changes go through the editor like any save (validation, search in the transaction).
   * Publishing keeps an earlier publish time (re-publishing an article keeps its date) and
   * replaces a future one with now.
   */
  const changes: Record<'publish' | 'unpublish' | 'schedule', { notice: string; apply: (v: ArticleFormValues, req: Request) => ArticleFormValues }> = {
    publish: {
      notice: 'published',
      apply: (v) => {
        const at = v.publishedAt ? parseShanghai(v.publishedAt) : null;
        return { ...v, status: 'published', publishedAt: at && at.getTime() <= Date.now() ? v.publishedAt : '' };
      },
    },
    unpublish: { notice: 'unpublished', apply: (v) => ({ ...v, status: 'draft' }) },
    schedule: {
      notice: 'scheduled',
      apply: (v, req) => {
        const raw = (req.body as Record<string, unknown>).publishedAt;
        return { ...v, status: 'scheduled', publishedAt: typeof raw === 'string' ? raw : '' };
      },
    },
  };

  for (const [action, change] of Object.entries(changes)) {
    router.post(`/articles/:id/${action}`, async (req, res) => {
      const id = articleId(req.params.id);
      const article = await stored(id);
      const values = change.apply(articleToForm(article, new Date()), req);
      const result = await news.updateArticle(id, formToInput(values, article.image));
      if (!result.ok) {
        if (wantsJson(req)) return res.status(422).json({ error: { code: 'validation_failed', message: ADMIN_TEXT.formHasErrors, fields: result.errors } });
        return renderForm(res, 422, { id, values, errors: result.errors });
      }
      if (wantsJson(req)) return res.json({ id, status: values.status });
      res.redirect(303, `/admin/articles/${id}/edit?notice=${change.notice}`);
    });
  }

  router.post('/articles/:id/delete', async (req, res) => {
    const id = articleId(req.params.id);
    const article = await stored(id);
    if (!(await news.deleteArticle(id))) throw new NotFoundError(T.notFound, 'unknown_article');
    // Files go only after the row is gone for good; a crash in between leaves orphans, never dangling rows.
    const keys = article.image?.variants.map((v) => v.key) ?? [];
    await ctx.storage.delete(keys).catch((err: unknown) => ctx.logger.error({ err, keys }, 'media cleanup failed'));
    if (wantsJson(req)) return res.json({ id, deleted: true });
    res.redirect(303, '/admin/articles?notice=deleted');
  });

  return router;
}
