import { Router, type Response } from 'express';
import { AppError, NotFoundError } from '../shared/errors';
import { idParam, wantsJson } from './admin-request';
import type { AdminDeps } from './admin-routes';
import { ADMIN_TEXT as T } from './admin-strings';
import { emptyProductForm, productToForm, readProductForm, validateProductForm, type FormErrors, type ProductFormValues } from './product-form';

const NOTICES: Record<string, string> = {
  created: T.created, saved: T.saved, published: T.published, unpublished: T.unpublished, deleted: T.deleted,
  images: T.imagesAdded, image_deleted: T.imageDeleted, reordered: T.imagesReordered, alt: T.altSaved,
};

export function noticeOf(value: unknown): string | null {
  return typeof value === 'string' && Object.hasOwn(NOTICES, value) ? NOTICES[value] : null;
}

export function productRoutes({ ctx, writer, queries }: AdminDeps): Router {
  const router = Router();

  const productId = (raw: unknown): number => {
    const id = idParam(raw);
    if (id === null) throw new NotFoundError('商品不存在', 'unknown_product');
    return id;
  };

  async function renderForm(res: Response, status: number, opts: { id: number | null; values: ProductFormValues; errors: FormErrors; notice?: string | null }) {
    const [categories, product] = await Promise.all([queries.categories(), opts.id ? queries.product(opts.id) : Promise.resolve(null)]);
    res.status(status).render('admin/product-form', {
      title: opts.id ? '编辑商品' : '新建商品',
      productId: opts.id, product: product?.row ?? null, images: product?.images ?? [],
      values: opts.values, errors: opts.errors, categories, notice: opts.notice ?? null,
      formError: Object.keys(opts.errors).length ? T.formHasErrors : null,
    });
  }

  router.get('/products', async (req, res) => {
    const pageRaw = typeof req.query.page === 'string' && /^[1-9]\d{0,4}$/.test(req.query.page) ? Number(req.query.page) : 1;
    const status = req.query.status === 'draft' || req.query.status === 'published' ? req.query.status : undefined;
    const list = await queries.products({ page: pageRaw, status });
    res.render('admin/products', { title: '商品管理', ...list, status: status ?? '', notice: noticeOf(req.query.notice) });
  });

  router.get('/products/new', async (_req, res) => {
    await renderForm(res, 200, { id: null, values: emptyProductForm(), errors: {} });
  });

  const save = async (id: number | null, body: unknown, res: Response) => {
    const values = readProductForm(body);
    const categories = await queries.categories();
    const result = validateProductForm(values, new Set(categories.map((c) => c.id)));
    if (!result.ok) return renderForm(res, 422, { id, values, errors: result.errors });
    try {
      if (id === null) {
        const created = await writer.createProduct(result.input);
        return res.redirect(303, `/admin/products/${created.id}/edit?notice=created`);
      }
      await writer.updateProduct(id, result.input);
      res.redirect(303, `/admin/products/${id}/edit?notice=saved`);
    } catch (err) {
      if (err instanceof AppError && err.code === 'sku_taken') return renderForm(res, 422, { id, values, errors: { variants: err.message } });
      throw err;
    }
  };

  router.post('/products', async (req, res) => save(null, req.body, res));

  router.get('/products/:id/edit', async (req, res) => {
    const id = productId(req.params.id);
    const { row } = await queries.product(id);
    await renderForm(res, 200, { id, values: productToForm(row), errors: {}, notice: noticeOf(req.query.notice) });
  });

  router.post('/products/:id', async (req, res) => save(productId(req.params.id), req.body, res));

  for (const [action, status] of [['publish', 'published'], ['unpublish', 'draft']] as const) {
    router.post(`/products/:id/${action}`, async (req, res) => {
      const id = productId(req.params.id);
      await writer.setStatus(id, status);
      if (wantsJson(req)) return res.json({ id, status });
      res.redirect(303, `/admin/products/${id}/edit?notice=${action}ed`);
    });
  }

  router.post('/products/:id/delete', async (req, res) => {
    const id = productId(req.params.id);
    const keys = await writer.deleteProduct(id);
    // Files go only after the rows are gone for good; a crash in between leaves orphans, never dangling rows.
    await ctx.storage.delete(keys).catch((err: unknown) => ctx.logger.error({ err, keys }, 'media cleanup failed'));
    if (wantsJson(req)) return res.json({ id, deleted: true });
    res.redirect(303, '/admin/products?notice=deleted');
  });

  return router;
}
