import fs from 'node:fs';
import path from 'node:path';
import { Router, type Request } from 'express';
import type { Knex } from 'knex';
import type { CatalogWriter } from '../catalog';
import type { MediaStorage } from '../media';
import type { SearchIndexer } from '../search/search-indexer';
import { AppError, BadRequestError } from '../shared/errors';
import type { Logger } from '../shared/logger';
import { attachBulkImages } from './bulk-images';
import { exportProducts } from './exporter';
import { openZipSource, ZIP_LIMITS, type ImageSource } from './image-source';
import { createImportJobs, TOKEN } from './import-jobs';
import { combinedSource, createIntake, INTAKE_LIMITS, uploadedFilesSource, withIntake } from './upload-intake';

/** The admin paths of this feature that take multipart bodies (the admin router refuses it elsewhere). */
export const CATALOG_IO_UPLOAD_PATH = /^\/(?:import|products\/images\/bulk)$/;

export interface CatalogIoRouteDeps {
  readonly db: Knex;
  readonly storage: MediaStorage;
  readonly indexer: SearchIndexer;
  readonly logger: Logger;
  readonly writer: CatalogWriter;
  readonly dataDir: string;
  /** The admin's CSRF check, run before any uploaded byte is stored; null = valid. */
  readonly csrfFailure: (req: Request) => Error | null;
}

const wantsJson = (req: Request) => {
  const accept = req.get('accept') ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
};

const LIMITS_TEXT = {
  sheet: `${INTAKE_LIMITS.maxSheetBytes / 1024 / 1024} MB`,
  zip: `${INTAKE_LIMITS.maxZipBytes / 1024 / 1024} MB，最多 ${ZIP_LIMITS.maxEntries} 个文件`,
  bulk: `${INTAKE_LIMITS.maxBulkFiles}`,
};

/**
 * Back-office pages for the spreadsheet: upload → preview (a dry run) → confirm → progress and
 * report; the export download; bulk images for the product list. Mounted inside the admin
 * router, behind its login, cross-site and CSRF guards.
 */
export function catalogIoRoutes(deps: CatalogIoRouteDeps): Router {
  const router = Router();
  const root = path.join(deps.dataDir, 'imports');
  fs.mkdirSync(root, { recursive: true });
  const jobs = createImportJobs({ ...deps, dir: root });
  const intake = createIntake(root, deps.csrfFailure);
  const csrfAfter = (req: Request) => {
    const err = deps.csrfFailure(req);
    if (err) throw err;
  };

  router.get('/import', async (_req, res) => {
    res.render('admin/import', { title: '批量导入导出', jobs: await jobs.recent(), limits: LIMITS_TEXT });
  });

  router.post('/import', async (req, res) => {
    const token = await withIntake(res, async () => {
      const files = await intake.spreadsheet(req, res);
      csrfAfter(req);
      const sheet = files.find((f) => f.field === 'sheet');
      const zip = files.find((f) => f.field === 'images');
      if (!sheet) throw new BadRequestError('请选择 CSV 或 XLSX 文件', 'import_no_file');
      const ext = path.extname(sheet.originalName).toLowerCase();
      if (ext !== '.csv' && ext !== '.xlsx') throw new AppError(415, 'import_type_not_allowed', '只接受 .csv 或 .xlsx 文件');
      if (sheet.size > INTAKE_LIMITS.maxSheetBytes) throw new AppError(413, 'import_sheet_too_large', `表格文件不能超过 ${LIMITS_TEXT.sheet}`);
      if (zip && path.extname(zip.originalName).toLowerCase() !== '.zip') throw new AppError(415, 'import_images_not_zip', '图片请打包为 .zip 上传');
      // Refuse a bad zip now, not minutes later in the job.
      if (zip) await (await openZipSource(zip.path)).close();
      const job = jobs.newToken();
      fs.renameSync(sheet.path, path.join(job.dir, `sheet${ext}`));
      if (zip) fs.renameSync(zip.path, path.join(job.dir, 'images.zip'));
      await jobs.create(job.token, sheet.originalName, Boolean(zip));
      return job.token;
    });
    if (wantsJson(req)) return res.status(202).json({ token, url: `/admin/import/${token}` });
    res.redirect(303, `/admin/import/${token}`);
  });

  router.get('/import/:token', async (req, res) => {
    const job = await jobs.get(String(req.params.token));
    if (wantsJson(req)) return res.json(job);
    const busy = (job.status === 'previewing' || job.status === 'running') && !job.stalled;
    // A plain HTTP refresh keeps the progress moving without any script.
    if (busy) res.set('Refresh', '2');
    res.render('admin/import-job', { title: '导入任务', job, busy });
  });

  router.post('/import/:token/confirm', async (req, res) => {
    const token = String(req.params.token);
    if (!TOKEN.test(token)) throw new BadRequestError('导入任务无效', 'unknown_import_job');
    await jobs.confirm(token);
    if (wantsJson(req)) return res.status(202).json({ token, url: `/admin/import/${token}` });
    res.redirect(303, `/admin/import/${token}`);
  });

  router.get(/^\/export\.(csv|xlsx)$/, async (req, res) => {
    const format = req.path.endsWith('.xlsx') ? 'xlsx' : 'csv';
    const language = req.query.lang === 'en' ? 'en' : 'zh';
    const day = new Date().toISOString().slice(0, 10).replace(/-/g, '');
    res.set({
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="qipei-products-${day}.${format}"`,
    });
    await exportProducts(deps.db, res, { format, language });
  });

  router.post('/products/images/bulk', async (req, res) => {
    const report = await withIntake(res, async () => {
      const files = await intake.bulk(req, res);
      csrfAfter(req);
      if (files.length === 0) throw new BadRequestError('请选择图片或 zip 文件', 'upload_no_files');
      const sources: ImageSource[] = [];
      try {
        for (const zip of files.filter((f) => f.originalName.toLowerCase().endsWith('.zip'))) sources.push(await openZipSource(zip.path));
        sources.push(uploadedFilesSource(files.filter((f) => !f.originalName.toLowerCase().endsWith('.zip'))));
        return await attachBulkImages(deps, combinedSource(sources));
      } finally {
        for (const s of sources) await s.close();
      }
    });
    if (wantsJson(req)) return res.json(report);
    res.render('admin/bulk-images', { title: '批量上传图片', report });
  });

  return router;
}
