import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Request, RequestHandler, Response } from 'express';
import multer, { MulterError } from 'multer';
import { sanitiseOriginalName } from '../media';
import { AppError, BadRequestError } from '../shared/errors';
import { MAX_IMAGE_BYTES, type ImageRead, type ImageSource } from './image-source';

/** Spreadsheets and zips are far larger than photos, so they go to disk, never to memory. */
export const INTAKE_LIMITS = Object.freeze({
  maxSheetBytes: 50 * 1024 * 1024,
  maxZipBytes: 500 * 1024 * 1024,
  maxBulkFiles: 200,
  maxRequestBytes: 600 * 1024 * 1024,
});

export interface IntakeFile {
  readonly field: string;
  readonly path: string;
  readonly originalName: string;
  readonly size: number;
}

const dirs = new WeakMap<Request, string>();

/**
 * Runs multer with disk storage into a private temp directory under `root`. The CSRF check runs
 * as the first file part begins (the token field comes first), before a byte is written. The
 * caller removes the directory when it is done (see withIntake).
 */
function intake(root: string, fields: multer.Field[] | { array: string; max: number }, verify: (req: Request) => Error | null): (req: Request, res: Response) => Promise<IntakeFile[]> {
  const upload = multer({
    storage: multer.diskStorage({
      destination: (req, _file, cb) => cb(null, dirs.get(req)!),
      filename: (_req, _file, cb) => cb(null, randomBytes(8).toString('hex')),
    }),
    defParamCharset: 'utf8',
    limits: { fileSize: INTAKE_LIMITS.maxZipBytes, files: Array.isArray(fields) ? fields.length : fields.max, fields: 8, parts: (Array.isArray(fields) ? fields.length : fields.max) + 8, fieldSize: 4096, headerPairs: 200 },
    fileFilter(req, _file, cb) {
      const err = verify(req);
      if (err) cb(err);
      else cb(null, true);
    },
  });
  const mw: RequestHandler = Array.isArray(fields) ? upload.fields(fields) : upload.array(fields.array, fields.max);
  return async (req, res) => {
    if (Number(req.get('content-length') ?? 0) > INTAKE_LIMITS.maxRequestBytes) throw new AppError(413, 'upload_too_large', '上传内容过大');
    const dir = path.join(root, `tmp-${randomBytes(8).toString('hex')}`);
    fs.mkdirSync(dir, { recursive: true });
    dirs.set(req, dir);
    res.locals.intakeDir = dir;
    await new Promise<void>((resolve, reject) =>
      mw(req, res, (err?: unknown) => {
        if (!err) return resolve();
        if (err instanceof AppError || err instanceof MulterError) return reject(err);
        reject(new BadRequestError('上传请求格式不正确', 'upload_malformed'));
      }),
    );
    const raw = req.files;
    const list = (Array.isArray(raw) ? raw : Object.values(raw ?? {}).flat()) as Express.Multer.File[];
    return list.map((f) => ({ field: f.fieldname, path: f.path, originalName: sanitiseOriginalName(f.originalname), size: f.size }));
  };
}

export function createIntake(root: string, verify: (req: Request) => Error | null) {
  return {
    spreadsheet: intake(root, [{ name: 'sheet', maxCount: 1 }, { name: 'images', maxCount: 1 }], verify),
    bulk: intake(root, { array: 'files', max: INTAKE_LIMITS.maxBulkFiles }, verify),
  };
}

/** Runs `work` and always removes the request's temp directory afterwards (Ghost's rule). */
export async function withIntake<T>(res: Response, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } finally {
    const dir = res.locals.intakeDir as string | undefined;
    if (dir) await fsp.rm(dir, { recursive: true, force: true });
  }
}

/** Loose uploaded files as an image source, by their (sanitised) original names. */
export function uploadedFilesSource(files: readonly IntakeFile[]): ImageSource {
  const byName = new Map(files.map((f) => [f.originalName, f]));
  return {
    async read(name): Promise<ImageRead> {
      const f = byName.get(name);
      if (!f) return { ok: false, code: 'image_missing', message: `找不到图片：${name}` };
      if (f.size > MAX_IMAGE_BYTES) return { ok: false, code: 'image_too_large', message: `图片超过 15 MB：${name}` };
      return { ok: true, data: await fsp.readFile(f.path), name };
    },
    names: () => [...byName.keys()],
    async close() {},
  };
}

/** Several sources as one: names from each in turn, a name read from the first that has it. */
export function combinedSource(sources: readonly ImageSource[]): ImageSource {
  return {
    async read(name) {
      let last: ImageRead = { ok: false, code: 'image_missing', message: `找不到图片：${name}` };
      for (const s of sources) {
        if (!s.names().includes(name)) continue;
        last = await s.read(name);
        if (last.ok) return last;
      }
      return last;
    },
    names: () => sources.flatMap((s) => s.names()),
    async close() {
      for (const s of sources) await s.close();
    },
  };
}
