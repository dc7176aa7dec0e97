import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import type { MediaStorage } from '../media';
import type { SearchIndexer } from '../search/search-indexer';
import { AppError, ConflictError, NotFoundError } from '../shared/errors';
import type { Logger } from '../shared/logger';
import { NO_IMAGES, openZipSource } from './image-source';
import { runImport, type ImportReport } from './importer';
import { HOLDER } from './media-journal';

export type JobStatus = 'previewing' | 'previewed' | 'running' | 'done' | 'failed';

export interface ImportJob {
  readonly token: string;
  readonly status: JobStatus;
  readonly fileName: string;
  readonly hasImages: boolean;
  readonly rowsDone: number;
  readonly percent: number;
  readonly preview: ImportReport | null;
  readonly report: ImportReport | null;
  readonly error: { code: string; message: string } | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Running, but silent for so long that its process must be gone: it may be run again. */
  readonly stalled: boolean;
}

export interface ImportJobDeps {
  readonly db: Knex;
  readonly storage: MediaStorage;
  readonly indexer: SearchIndexer;
  readonly logger: Logger;
  /** DATA_DIR/imports: uploaded sheets wait here between preview and confirm. */
  readonly dir: string;
}

/** The page lists this many failures; the counts cover them all. */
const LISTED_FAILURES = 500;
const STALL_MS = 10 * 60 * 1000;
const KEEP_FILES_MS = 24 * 60 * 60 * 1000;
export const TOKEN = /^[a-f0-9]{32}$/;

const trimReport = (r: ImportReport): ImportReport => ({ ...r, failures: r.failures.slice(0, LISTED_FAILURES) });

function toJob(r: Record<string, unknown>): ImportJob {
  const parse = (v: unknown) => (typeof v === 'string' && v ? (JSON.parse(v) as Record<string, unknown>) : null);
  const report = parse(r.report);
  const status = r.status as JobStatus;
  const updatedAt = Number(r.updated_at);
  return {
    token: String(r.token), status, fileName: String(r.file_name), hasImages: Boolean(r.has_images),
    rowsDone: Number(r.rows_done), percent: Number(r.percent),
    preview: parse(r.preview) as ImportReport | null,
    report: report && !('error' in report) ? (report as unknown as ImportReport) : null,
    error: report && 'error' in report ? (report.error as { code: string; message: string }) : null,
    createdAt: Number(r.created_at), updatedAt,
    stalled: (status === 'running' || status === 'previewing') && Date.now() - updatedAt > STALL_MS,
  };
}

/**
 * Admin imports as jobs: the upload is kept on disk, previewed (a dry run) and, once confirmed,
 * imported, each in the background of the instance that took the request. Progress and the
 * report live in import_jobs, so the status page (which refreshes itself, no script needed) can
 * be served by any instance. One job runs at a time per instance; the rest wait their turn.
 */
export function createImportJobs(deps: ImportJobDeps) {
  const { db } = deps;
  let chain: Promise<void> = Promise.resolve();
  const sheetOf = (token: string) => {
    const dir = path.join(deps.dir, token);
    const name = fs.existsSync(dir) ? fs.readdirSync(dir).find((f) => f.startsWith('sheet.')) : undefined;
    return name ? path.join(dir, name) : null;
  };
  const zipOf = (token: string) => path.join(deps.dir, token, 'images.zip');

  const update = (token: string, fields: Record<string, unknown>) => db('import_jobs').where({ token }).update({ ...fields, updated_at: Date.now() });

  async function run(token: string, dryRun: boolean): Promise<void> {
    const sheet = sheetOf(token);
    try {
      if (!sheet) throw new AppError(410, 'import_file_gone', '上传的文件已过期，请重新上传');
      const images = fs.existsSync(zipOf(token)) ? await openZipSource(zipOf(token)) : NO_IMAGES;
      try {
        const report = await runImport(deps, {
          file: sheet,
          dryRun,
          images,
          onProgress: (p) => update(token, { rows_done: p.rows, percent: Math.min(99, Math.floor((100 * p.bytes) / Math.max(1, p.size))) }).then(() => undefined),
        });
        const json = JSON.stringify(trimReport(report));
        await update(token, dryRun ? { status: 'previewed', preview: json, percent: 100 } : { status: 'done', report: json, percent: 100 });
      } finally {
        await images.close();
      }
      if (!dryRun) fs.rmSync(path.join(deps.dir, token), { recursive: true, force: true });
    } catch (err) {
      const known = err instanceof AppError && err.status < 500;
      if (!known) deps.logger.error({ err, token }, 'import job failed');
      const error = known ? { code: err.code, message: err.message } : { code: 'import_failed', message: '导入出错，请稍后重试' };
      await update(token, { status: 'failed', report: JSON.stringify({ error }) }).catch(() => {});
    }
  }

  const enqueue = (token: string, dryRun: boolean) => {
    chain = chain.then(() => run(token, dryRun));
    return chain;
  };

  /** Drops the files of jobs nobody confirmed within a day. */
  async function sweepOldFiles(): Promise<void> {
    const old: { token: string }[] = await db('import_jobs').where('created_at', '<', Date.now() - KEEP_FILES_MS).select('token');
    for (const { token } of old) fs.rmSync(path.join(deps.dir, token), { recursive: true, force: true });
  }

  return {
    /** A fresh job directory for an upload to be moved into. */
    newToken(): { token: string; dir: string } {
      const token = randomBytes(16).toString('hex');
      const dir = path.join(deps.dir, token);
      fs.mkdirSync(dir, { recursive: true });
      return { token, dir };
    },

    /** The files are already in the job's directory; the preview starts in the background. */
    async create(token: string, fileName: string, hasImages: boolean): Promise<{ done: Promise<void> }> {
      await sweepOldFiles();
      const now = Date.now();
      await db('import_jobs').insert({ token, status: 'previewing', file_name: fileName.slice(0, 200), has_images: hasImages, holder: HOLDER, created_at: now, updated_at: now });
      return { done: enqueue(token, true) };
    },

    async get(token: string): Promise<ImportJob> {
      const row = TOKEN.test(token) ? await db('import_jobs').where({ token }).first() : undefined;
      if (!row) throw new NotFoundError('导入任务不存在', 'unknown_import_job');
      return toJob(row);
    },

    async recent(limit = 10): Promise<ImportJob[]> {
      const rows: Record<string, unknown>[] = await db('import_jobs').orderBy('id', 'desc').limit(limit);
      return rows.map(toJob);
    },

    /** Starts the real import of a previewed job (or re-runs one that failed or stalled). */
    async confirm(token: string): Promise<{ done: Promise<void> }> {
      const job = await this.get(token);
      if (!(job.status === 'previewed' || job.status === 'failed' || job.stalled) || !sheetOf(token)) {
        throw new ConflictError('该导入任务当前不能执行', 'import_not_confirmable');
      }
      // Optimistic: of two confirms sent at once, only the one that still sees this state starts the run.
      const n = await db('import_jobs').where({ token, status: job.status, updated_at: job.updatedAt }).update({ status: 'running', rows_done: 0, percent: 0, holder: HOLDER, updated_at: Date.now() });
      if (n === 0) throw new ConflictError('该导入任务已在执行', 'import_not_confirmable');
      return { done: enqueue(token, false) };
    },
  };
}

export type ImportJobs = ReturnType<typeof createImportJobs>;
