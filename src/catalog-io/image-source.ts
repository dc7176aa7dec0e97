import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import yauzl from 'yauzl';
import { BadRequestError } from '../shared/errors';

/** One more than the admin upload's per-file limit is refused before it is read. */
export const MAX_IMAGE_BYTES = 15 * 1024 * 1024;

export const ZIP_LIMITS = Object.freeze({
  maxEntries: 5000,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxEntryBytes: MAX_IMAGE_BYTES,
  /** A 15 MB image never compresses 200:1; a bomb does. */
  maxRatio: 200,
});

export type ImageRead = { ok: true; data: Buffer; name: string } | { ok: false; code: 'image_missing' | 'image_too_large'; message: string };

/** Where a spreadsheet's image names are looked up: `--images DIR` or the uploaded zip. */
export interface ImageSource {
  read(name: string): Promise<ImageRead>;
  /** Every image file the source holds (bulk images walk them all). */
  names(): string[];
  close(): Promise<void>;
}

const normal = (name: string) => name.replace(/\\/g, '/').replace(/^\.\//, '').normalize('NFC');
const missing = (name: string): ImageRead => ({ ok: false, code: 'image_missing', message: `找不到图片：${name}` });
const tooLarge = (name: string): ImageRead => ({ ok: false, code: 'image_too_large', message: `图片超过 15 MB：${name}` });

export const NO_IMAGES: ImageSource = { read: async (name) => missing(name), names: () => [], close: async () => {} };

/** Names resolve inside `dir` only; `..` or absolute names never reach the file system. */
export function directorySource(dir: string): ImageSource {
  const root = path.resolve(dir);
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new BadRequestError(`图片目录不存在：${dir}`, 'import_images_dir_missing');
  return {
    async read(name) {
      const n = normal(name);
      const file = path.resolve(root, n);
      if (path.isAbsolute(n) || !file.startsWith(root + path.sep)) return missing(name);
      try {
        const stat = await fsp.stat(file);
        if (!stat.isFile()) return missing(name);
        if (stat.size > MAX_IMAGE_BYTES) return tooLarge(name);
        return { ok: true, data: await fsp.readFile(file), name: path.basename(file) };
      } catch {
        return missing(name);
      }
    },
    names() {
      return fs.readdirSync(root, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name).sort();
    },
    async close() {},
  };
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false, decodeStrings: true }, (err, zip) => (err || !zip ? reject(err) : resolve(zip))),
  );
}

const zipError = (message: string, code: string) => new BadRequestError(message, code);

/**
 * A zip of images, read in place: only its directory is loaded up front, and it is refused
 * whole when it could be a bomb (too many entries, too many bytes, an absurd compression
 * ratio) or names a path outside itself.
 */
export async function openZipSource(file: string): Promise<ImageSource> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(file);
  } catch {
    throw zipError('无法读取 zip 文件', 'zip_unreadable');
  }
  const entries = new Map<string, yauzl.Entry>();
  const byBase = new Map<string, yauzl.Entry | null>();
  try {
    if (zip.entryCount > ZIP_LIMITS.maxEntries) throw zipError(`zip 最多 ${ZIP_LIMITS.maxEntries} 个文件`, 'zip_too_many_entries');
    let total = 0;
    await new Promise<void>((resolve, reject) => {
      // yauzl itself refuses absolute and `..` names while decoding the directory.
      zip.on('error', (err: Error) => reject(/relative path|absolute path/.test(err.message) ? zipError('zip 中的路径不安全', 'zip_unsafe_path') : zipError('无法读取 zip 文件', 'zip_unreadable')));
      zip.on('end', () => resolve());
      zip.on('entry', (e: yauzl.Entry) => {
        const name = normal(e.fileName);
        if (name.startsWith('/') || /^[a-z]:/i.test(name) || name.split('/').includes('..')) return reject(zipError(`zip 中的路径不安全：${e.fileName.slice(0, 100)}`, 'zip_unsafe_path'));
        if (!name.endsWith('/') && !name.startsWith('__MACOSX/') && !path.posix.basename(name).startsWith('.')) {
          total += e.uncompressedSize;
          if (total > ZIP_LIMITS.maxTotalBytes) return reject(zipError('zip 解压后超过 1 GB', 'zip_too_large'));
          if (e.compressedSize > 0 && e.uncompressedSize / e.compressedSize > ZIP_LIMITS.maxRatio && e.uncompressedSize > 1024 * 1024) {
            return reject(zipError(`zip 压缩比异常：${e.fileName.slice(0, 100)}`, 'zip_bomb'));
          }
          entries.set(name, e);
          const base = path.posix.basename(name);
          byBase.set(base, byBase.has(base) ? null : e);
        }
        zip.readEntry();
      });
      zip.readEntry();
    });
  } catch (err) {
    zip.close();
    throw err;
  }
  const readEntry = (e: yauzl.Entry) =>
    new Promise<Buffer>((resolve, reject) =>
      zip.openReadStream(e, (err, stream) => {
        if (err || !stream) return reject(err ?? new Error('no stream'));
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('error', reject);
        stream.on('end', () => resolve(Buffer.concat(chunks)));
      }),
    );
  return {
    async read(name) {
      const n = normal(name);
      const e = entries.get(n) ?? (n.includes('/') ? undefined : byBase.get(n)) ?? undefined;
      if (!e) return missing(name);
      if (e.uncompressedSize > ZIP_LIMITS.maxEntryBytes) return tooLarge(name);
      try {
        return { ok: true, data: await readEntry(e), name: path.posix.basename(n) };
      } catch {
        // A size that lies about the data (validateEntrySizes) or a corrupt entry.
        return { ok: false, code: 'image_too_large', message: `zip 中的图片无法读取：${name}` };
      }
    },
    names: () => [...entries.keys()].sort(),
    async close() {
      zip.close();
    },
  };
}
