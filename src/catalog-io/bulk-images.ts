import path from 'node:path';
import type { Knex } from 'knex';
import type { CatalogWriter } from '../catalog';
import { storeUploads, UploadRejectedError, variantKeys, type MediaStorage, type StoredUpload } from '../media';
import type { ImageSource } from './image-source';
import { journalledStorage, releaseKeys, sweepOrphanMedia, unjournalKeys } from './media-journal';
import { fallbackId, skuOf } from './product-state';

export type BulkFileStatus = 'attached' | 'already_attached' | 'unknown_sku' | 'bad_name' | 'rejected';

export interface BulkFileResult {
  readonly file: string;
  readonly status: BulkFileStatus;
  readonly sku: string | null;
  readonly productId: number | null;
  readonly message: string;
}

export interface BulkImagesReport {
  readonly results: BulkFileResult[];
  readonly attached: number;
  readonly unknownSkus: string[];
}

const IMAGE_EXT = /\.(jpe?g|png|webp|avif|gif)$/i;
const MESSAGES: Record<Exclude<BulkFileStatus, 'rejected'>, string> = {
  attached: '已添加',
  already_attached: '该商品已有同名图片，已跳过',
  unknown_sku: '没有这个商家编码的商品',
  bad_name: '文件名应为 <商家编码>.jpg 或 <商家编码>-2.jpg',
};

interface Candidate {
  readonly file: string;
  readonly name: string;
  readonly stem: string;
}

/**
 * Files named `<SKU>.jpg`, `<SKU>-2.jpg`… attach to that product in that order (after the images
 * it already has), with the product's title as the alt text. Each file goes through the admin
 * upload pipeline on its own, so one bad file is reported and the others still attach.
 */
export async function attachBulkImages(deps: { db: Knex; storage: MediaStorage; writer: CatalogWriter }, source: ImageSource): Promise<BulkImagesReport> {
  const { db } = deps;
  await sweepOrphanMedia(db, deps.storage);
  const results: BulkFileResult[] = [];
  const result = (c: Candidate, status: BulkFileStatus, sku: string | null = null, productId: number | null = null, message?: string) =>
    results.push({ file: c.file, status, sku, productId, message: message ?? MESSAGES[status as Exclude<BulkFileStatus, 'rejected'>] });

  const candidates: Candidate[] = [];
  for (const file of source.names()) {
    const name = path.posix.basename(file);
    const c = { file, name, stem: name.replace(IMAGE_EXT, '') };
    if (!IMAGE_EXT.test(name) || c.stem === '') result(c, 'bad_name');
    else candidates.push(c);
  }
  // A stem is a SKU itself, or a SKU plus -N; the whole stem wins when both exist.
  const keys = new Set<string>();
  for (const c of candidates) {
    keys.add(c.stem);
    const m = /^(.+)-(\d{1,3})$/.exec(c.stem);
    if (m) keys.add(m[1]);
  }
  const products = new Map<string, { id: number; title: string }>();
  const list = [...keys];
  for (let i = 0; i < list.length; i += 500) {
    const part = list.slice(i, i + 500);
    const ids = part.map(fallbackId).filter((id): id is number => id !== null);
    const rows: { id: number; sku: string | null; title: string }[] = await db('products')
      .whereIn('sku', part)
      .orWhere((q) => (ids.length ? q.whereIn('id', ids).whereNull('sku') : q.whereRaw('1 = 0')))
      .select('id', 'sku', 'title');
    for (const r of rows) products.set(skuOf(Number(r.id), r.sku), { id: Number(r.id), title: r.title });
  }

  const byProduct = new Map<number, { sku: string; title: string; files: { c: Candidate; order: number }[] }>();
  const unknown = new Set<string>();
  for (const c of candidates) {
    const m = /^(.+)-(\d{1,3})$/.exec(c.stem);
    const [sku, order] = products.has(c.stem) ? [c.stem, 1] : m && products.has(m[1]) ? [m[1], Number(m[2])] : [null, 0];
    if (sku === null) {
      unknown.add(m ? m[1] : c.stem);
      result(c, 'unknown_sku', m ? m[1] : c.stem);
      continue;
    }
    const p = products.get(sku)!;
    const entry = byProduct.get(p.id) ?? { sku, title: p.title, files: [] };
    entry.files.push({ c, order });
    byProduct.set(p.id, entry);
  }

  const storage = journalledStorage(db, deps.storage);
  let attached = 0;
  for (const [productId, entry] of byProduct) {
    const have = new Set<string>(await db('product_images').where({ product_id: productId }).pluck('original_name'));
    const stored: { c: Candidate; upload: StoredUpload }[] = [];
    for (const { c } of entry.files.sort((a, b) => a.order - b.order || a.c.name.localeCompare(b.c.name))) {
      if (have.has(c.name)) {
        result(c, 'already_attached', entry.sku, productId);
        continue;
      }
      const got = await source.read(c.file);
      if (!got.ok) {
        result(c, 'rejected', entry.sku, productId, got.message);
        continue;
      }
      try {
        const [upload] = await storeUploads(storage, [{ buffer: got.data, originalname: c.name }]);
        stored.push({ c, upload });
      } catch (err) {
        if (!(err instanceof UploadRejectedError)) throw err;
        result(c, 'rejected', entry.sku, productId, `${err.message}（${err.code}）`);
      }
    }
    if (stored.length === 0) continue;
    const keys = stored.flatMap((s) => variantKeys(s.upload.image.variants));
    try {
      await deps.writer.addImages(productId, stored.map((s) => ({
        storageKey: s.upload.image.baseKey, width: s.upload.image.width, height: s.upload.image.height, variants: s.upload.image.variants,
        alt: entry.title.slice(0, 300), originalName: s.upload.inspected.originalName,
      })));
    } catch (err) {
      await releaseKeys(db, deps.storage, keys);
      throw err;
    }
    await unjournalKeys(db, keys);
    for (const s of stored) result(s.c, 'attached', entry.sku, productId);
    attached += stored.length;
  }
  const order = new Map(source.names().map((n, i) => [n, i]));
  results.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0));
  return { results, attached, unknownSkus: [...unknown].sort() };
}
