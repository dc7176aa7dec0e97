import { Router, type Response } from 'express';
import { loadStoredFitment, suggestFitment, vehicleChoices } from '../fitment';
import { AppError, BadRequestError, NotFoundError } from '../shared/errors';
import { idParam, wantsJson } from './admin-request';
import type { AdminDeps } from './admin-routes';
import { ADMIN_TEXT as T } from './admin-strings';
import { pickerHtml, selectOption } from './fitment-picker-html';
import { emptyProductForm, productToForm, readProductForm, validateProductForm, type FormErrors, type ProductFormValues } from './product-form';
import {
  emptyFitmentForm, FIT_POSITIONS, fitmentForWriter, readFitmentForm, rowsForDisplay, storedToForm, suggestionToForm, validateFitmentForm, type FitmentFormValues,
} from './product-fitment-form';

const LIST_FITMENT_FILTERS = new Set(['unconfirmed', 'unknown']);

const NOTICES: Record<string, string> = {
  created: T.created, saved: T.saved, published: T.published, unpublished: T.unpublished, deleted: T.deleted,
  images: T.imagesAdded, image_deleted: T.imageDeleted, reordered: T.imagesReordered, alt: T.altSaved,
};

export function noticeOf(value: unknown): string | null {
  return typeof value === 'string' && Object.hasOwn(NOTICES, value) ? NOTICES[value] : null;
}

export function productRoutes({ ctx, writer, queries }: AdminDeps): Router {
  const router = Router();
  // The vehicle tables only change at start-up (ensureVehicles), so one read serves the process.
  let choices: ReturnType<typeof vehicleChoices> | null = null;
  const vehicles = () => {
    choices ??= vehicleChoices(ctx.db).catch((err: unknown) => {
      choices = null;
      throw err;
    });
    return choices;
  };

  const productId = (raw: unknown): number => {
    const id = idParam(raw);
    if (id === null) throw new NotFoundError('商品不存在', 'unknown_product');
    return id;
  };

  async function renderForm(res: Response, status: number, opts: {
    id: number | null; values: ProductFormValues; fit: FitmentFormValues; errors: FormErrors; notice?: string | null; blanks?: number;
  }) {
    const [categories, product, makes] = await Promise.all([
      queries.categories(), opts.id ? queries.product(opts.id) : Promise.resolve(null), vehicles(),
    ]);
    res.status(status).render('admin/product-form', {
      title: opts.id ? '编辑商品' : '新建商品',
      productId: opts.id, product: product?.row ?? null, images: product?.images ?? [],
      values: opts.values, errors: opts.errors, categories, notice: opts.notice ?? null,
      fit: opts.fit, fitRows: rowsForDisplay(opts.fit, opts.blanks ?? 1), picker: pickerHtml(makes), selectOption, positions: FIT_POSITIONS, fitText: T,
      formError: Object.keys(opts.errors).length ? T.formHasErrors : null,
    });
  }

  router.get('/products', async (req, res) => {
    const pageRaw = typeof req.query.page === 'string' && /^[1-9]\d{0,4}$/.test(req.query.page) ? Number(req.query.page) : 1;
    const status = req.query.status === 'draft' || req.query.status === 'published' ? req.query.status : undefined;
    const fitment = typeof req.query.fitment === 'string' && LIST_FITMENT_FILTERS.has(req.query.fitment) ? (req.query.fitment as 'unconfirmed' | 'unknown') : undefined;
    const list = await queries.products({ page: pageRaw, status, fitment });
    res.render('admin/products', {
      title: '商品管理', ...list, status: status ?? '', fitment: fitment ?? '', fitStates: T.fitStates, notice: noticeOf(req.query.notice),
    });
  });

  router.get('/products/new', async (_req, res) => {
    await renderForm(res, 200, { id: null, values: emptyProductForm(), fit: emptyFitmentForm(), errors: {} });
  });

  /** The parser's suggestion for a title, for the form's script (the no-JS form posts action=suggest). */
  router.get('/fitment/suggest', async (req, res) => {
    const title = req.query.title;
    if (typeof title !== 'string' || title.length > 300) throw new BadRequestError('标题应为 1–300 个字符', 'invalid_title');
    const suggestion = await suggestFitment(ctx.db, title);
    res.json({ ...suggestionToForm(suggestion), notice: suggestion.rows.length ? T.fitSuggested : T.fitSuggestEmpty });
  });

  const save = async (id: number | null, body: unknown, res: Response) => {
    const values = readProductForm(body);
    let fit = readFitmentForm(body);
    const action = (body as Record<string, unknown> | undefined)?.action;
    // The no-JavaScript form's helper buttons re-render the form; nothing is saved.
    if (action === 'suggest') {
      const suggestion = await suggestFitment(ctx.db, values.title);
      return renderForm(res, 200, { id, values, fit: suggestionToForm(suggestion), errors: {}, notice: suggestion.rows.length ? T.fitSuggested : T.fitSuggestEmpty });
    }
    if (action === 'add_row') {
      if (fit.kind !== 'vehicle') fit = { ...fit, kind: 'vehicle' };
      return renderForm(res, 200, { id, values, fit, errors: {}, blanks: 2, notice: T.fitRowAdded });
    }
    const [categories, makes] = await Promise.all([queries.categories(), vehicles()]);
    const result = validateProductForm(values, new Set(categories.map((c) => c.id)));
    const fitResult = validateFitmentForm(fit, makes);
    const errors: FormErrors = result.ok ? {} : { ...result.errors };
    if (!fitResult.ok) errors.fitment = fitResult.error;
    if (!result.ok || !fitResult.ok) return renderForm(res, 422, { id, values, fit, errors });
    const input = { ...result.input, fitment: fitmentForWriter(fitResult.fitment) };
    try {
      if (id === null) {
        const created = await writer.createProduct(input);
        return res.redirect(303, `/admin/products/${created.id}/edit?notice=created`);
      }
      await writer.updateProduct(id, input);
      res.redirect(303, `/admin/products/${id}/edit?notice=saved`);
    } catch (err) {
      if (err instanceof AppError && err.code === 'sku_taken') return renderForm(res, 422, { id, values, fit, errors: { variants: err.message } });
      throw err;
    }
  };

  router.post('/products', async (req, res) => save(null, req.body, res));

  router.get('/products/:id/edit', async (req, res) => {
    const id = productId(req.params.id);
    const { row } = await queries.product(id);
    const fit = storedToForm(await loadStoredFitment(ctx.db, id));
    await renderForm(res, 200, { id, values: productToForm(row), fit, errors: {}, notice: noticeOf(req.query.notice) });
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
