import { Router, type Response } from 'express';
import { z } from 'zod';
import { createCategoryWriter } from '../catalog';
import { AppError, NotFoundError } from '../shared/errors';
import { idParam, wantsJson } from './admin-request';
import type { AdminDeps } from './admin-routes';
import { CATEGORY_ADMIN_TEXT as T } from './admin-strings';

const NOTICES: Record<string, string> = { created: T.created, saved: T.saved, moved: T.moved, deleted: T.deleted };

const categoryForm = z.object({
  name: z.string().trim().min(1, T.nameRequired).max(120, T.nameTooLong),
  name_en: z.string().trim().max(120, T.nameTooLong).default(''),
  parent_id: z.union([z.literal(''), z.string().regex(/^[1-9]\d{0,9}$/, T.unknownParent)]).default(''),
});

/** Categories in the back office: create, rename, move, reorder, delete (refused while not empty). */
export function categoryRoutes({ ctx, queries }: AdminDeps): Router {
  const router = Router();
  const writer = createCategoryWriter(ctx.db, ctx.indexer);

  const categoryId = (raw: unknown): number => {
    const id = idParam(raw);
    if (id === null) throw new NotFoundError(T.notFound, 'unknown_category');
    return id;
  };

  async function render(res: Response, status: number, opts: { notice?: string | null; error?: { code: string; message: string; id?: number } | null; values?: Record<string, string> }) {
    res.status(status).render('admin/categories', {
      title: '分类管理', categories: await queries.categoryTree(), notice: opts.notice ?? null, error: opts.error ?? null, values: opts.values ?? { name: '', name_en: '', parent_id: '' },
    });
  }

  /** Refusals (bad input, cycles, non-empty deletes) re-render the page with the reason, or answer JSON. */
  async function refuse(res: Response, json: boolean, err: unknown, id?: number, values?: Record<string, string>) {
    if (!(err instanceof AppError) || err.status >= 500) throw err;
    if (json) return res.status(err.status).json({ error: { code: err.code, message: err.message } });
    return render(res, err.status, { error: { code: err.code, message: err.message, id }, values });
  }

  function parse(body: unknown): { name: string; nameEn: string; parentId: number | null } {
    const result = categoryForm.safeParse(body ?? {});
    if (!result.success) throw new AppError(422, 'validation_failed', result.error.issues[0]?.message ?? T.invalid);
    return { name: result.data.name, nameEn: result.data.name_en, parentId: result.data.parent_id === '' ? null : Number(result.data.parent_id) };
  }

  const text = (body: unknown, key: string): string => {
    const v = (body as Record<string, unknown> | undefined)?.[key];
    return typeof v === 'string' ? v : '';
  };

  router.get('/categories', async (req, res) => {
    await render(res, 200, { notice: typeof req.query.notice === 'string' && Object.hasOwn(NOTICES, req.query.notice) ? NOTICES[req.query.notice] : null });
  });

  router.post('/categories', async (req, res) => {
    const values = { name: text(req.body, 'name'), name_en: text(req.body, 'name_en'), parent_id: text(req.body, 'parent_id') };
    try {
      const created = await writer.create(parse(req.body));
      if (wantsJson(req)) return res.status(201).json(created);
      res.redirect(303, '/admin/categories?notice=created');
    } catch (err) {
      await refuse(res, wantsJson(req), err, undefined, values);
    }
  });

  router.post('/categories/:id', async (req, res) => {
    const id = categoryId(req.params.id);
    try {
      const result = await writer.update(id, parse(req.body));
      if (wantsJson(req)) return res.json({ id, ...result });
      res.redirect(303, '/admin/categories?notice=saved');
    } catch (err) {
      await refuse(res, wantsJson(req), err, id);
    }
  });

  for (const direction of ['up', 'down'] as const) {
    router.post(`/categories/:id/${direction}`, async (req, res) => {
      const id = categoryId(req.params.id);
      try {
        await writer.reorder(id, direction);
        if (wantsJson(req)) return res.json({ id, moved: direction });
        res.redirect(303, '/admin/categories?notice=moved');
      } catch (err) {
        await refuse(res, wantsJson(req), err, id);
      }
    });
  }

  router.post('/categories/:id/delete', async (req, res) => {
    const id = categoryId(req.params.id);
    try {
      await writer.remove(id);
      if (wantsJson(req)) return res.json({ id, deleted: true });
      res.redirect(303, '/admin/categories?notice=deleted');
    } catch (err) {
      await refuse(res, wantsJson(req), err, id);
    }
  });

  return router;
}
