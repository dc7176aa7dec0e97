import type { Knex } from 'knex';
import { createCatalogImportWriter, type NewImage } from '../catalog';
import { applyUnconfirmedTitleFitment, saveConfirmedFitment, vehicleChoices } from '../fitment';
import { storeUploads, UploadRejectedError, variantKeys, type MediaStorage, type StoredUpload } from '../media';
import type { SearchIndexer } from '../search/search-indexer';
import { AppError, BadRequestError } from '../shared/errors';
import { mapHeader, toRawRow, type HeaderMap } from './columns';
import { fitmentDraft } from './fitment-column';
import { NO_IMAGES, type ImageSource } from './image-source';
import { journalKeys, journalledStorage, releaseKeys, sweepOrphanMedia, unjournalKeys } from './media-journal';
import { loadProductsBySku, sameImages, unchanged, type StoredProduct } from './product-state';
import { createRowParser, type ParsedRow, type RowError } from './row-parser';
import { openSpreadsheet } from './spreadsheet-reader';

export interface ImportDeps {
  readonly db: Knex;
  readonly storage: MediaStorage;
  readonly indexer: SearchIndexer;
}

export interface ImportProgress {
  readonly rows: number;
  readonly bytes: number;
  readonly size: number;
}

export interface ImportOptions {
  readonly file: string;
  readonly dryRun: boolean;
  readonly images?: ImageSource;
  readonly batchSize?: number;
  onProgress?(p: ImportProgress): void | Promise<void>;
}

export interface RowFailure {
  readonly line: number;
  readonly sku: string;
  readonly errors: readonly RowError[];
}

export interface ImportReport {
  readonly dryRun: boolean;
  readonly format: 'csv' | 'xlsx';
  readonly encoding: string | null;
  readonly rows: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  readonly unknownColumns: readonly string[];
  /** The first MAX_LISTED failures in line order; `failed` counts them all. */
  readonly failures: RowFailure[];
  orphansRemoved: number;
}

const MAX_LISTED = 10_000;

/** Never writes: a dry run pushes images through the whole pipeline and throws the output away. */
const discardingStorage: MediaStorage = {
  put: async (key, data, contentType) => ({ key, size: data.length, contentType }),
  open: async () => null,
  delete: async () => {},
  exists: async () => false,
};

interface Pending {
  readonly row: ParsedRow;
  readonly stored: StoredProduct | undefined;
  uploads: StoredUpload[];
}

/**
 * Streams a spreadsheet into the catalogue: rows are parsed and checked one by one, good ones
 * gathered into batches; each batch is one transaction with a savepoint per product, so a crash
 * leaves whole products only and one bad product never takes its neighbours down with it.
 */
export async function runImport(deps: ImportDeps, opts: ImportOptions): Promise<ImportReport> {
  const { db } = deps;
  const sheet = openSpreadsheet(opts.file);
  const images = opts.images ?? NO_IMAGES;
  const batchSize = opts.batchSize ?? 100;
  const parse = createRowParser(await vehicleChoices(db));
  const writer = createCatalogImportWriter(deps.indexer);
  const storage = opts.dryRun ? discardingStorage : journalledStorage(db, deps.storage);
  const orphansRemoved = opts.dryRun ? 0 : await sweepOrphanMedia(db, deps.storage);

  let header: HeaderMap | null = null;
  let rows = 0;
  const failures: RowFailure[] = [];
  const counts = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  const skuLines = new Map<string, number>();
  const variantSkuLines = new Map<string, number>();
  const fail = (line: number, sku: string, errors: RowError[]) => {
    counts.failed += 1;
    if (failures.length < MAX_LISTED) failures.push({ line, sku, errors });
  };

  async function prepare(row: ParsedRow, stored: StoredProduct | undefined): Promise<Pending | null> {
    const pending: Pending = { row, stored, uploads: [] };
    if (row.images === null || (stored && sameImages(stored, row.images))) return pending;
    const files: { buffer: Buffer; originalname: string }[] = [];
    for (const name of row.images) {
      const got = await images.read(name);
      if (!got.ok) {
        fail(row.line, row.sku, [{ column: 'images', code: got.code, message: got.message }]);
        return null;
      }
      files.push({ buffer: got.data, originalname: got.name });
    }
    try {
      pending.uploads = await storeUploads(storage, files);
      return pending;
    } catch (err) {
      if (!(err instanceof UploadRejectedError)) throw err;
      const file = typeof err.details?.file === 'string' ? `${err.details.file}：` : '';
      fail(row.line, row.sku, [{ column: 'images', code: 'image_bad', message: `图片无效：${file}${err.message}（${err.code}）` }]);
      return null;
    }
  }

  async function variantSkusTaken(batch: readonly ParsedRow[], stored: Map<string, StoredProduct>): Promise<Map<string, string>> {
    const wanted = batch.flatMap((r) => r.variants.map((v) => v.sku).filter((s): s is string => s !== null));
    const owners = new Map<string, number>();
    for (let i = 0; i < wanted.length; i += 500) {
      for (const r of (await db('product_variants').whereIn('sku', wanted.slice(i, i + 500)).select('sku', 'product_id')) as { sku: string; product_id: number }[]) owners.set(r.sku, Number(r.product_id));
    }
    const taken = new Map<string, string>();
    for (const row of batch) {
      const own = stored.get(row.sku)?.id;
      const clash = row.variants.find((v) => v.sku !== null && owners.has(v.sku) && owners.get(v.sku) !== own);
      if (clash?.sku) taken.set(row.sku, clash.sku);
    }
    return taken;
  }

  async function write(pending: readonly Pending[]): Promise<void> {
    const newKeys = (p: Pending) => p.uploads.flatMap((u) => variantKeys(u.image.variants));
    const failedKeys: string[] = [];
    const replacedKeys: string[] = [];
    const outcome = new Map<Pending, 'created' | 'updated' | RowError>();
    try {
      await db.transaction(async (trx) => {
        outcome.clear();
        const written: number[] = [];
        for (const p of pending) {
          const { row } = p;
          const imagesIn: NewImage[] | null = row.images === null || (p.uploads.length === 0 && p.stored) ? null : p.uploads.map((u) => ({
            storageKey: u.image.baseKey, width: u.image.width, height: u.image.height, variants: u.image.variants, alt: row.title, originalName: u.inspected.originalName,
          }));
          try {
            const r = await trx.transaction(async (sp) => {
              const res = await writer.upsert(sp, {
                id: p.stored?.id ?? null, sku: row.sku, categoryPath: row.categoryPath, fitmentConfirmed: row.fitment !== null, images: imagesIn,
                input: {
                  title: row.title, nameEn: row.titleEn, priceFen: row.priceFen, compareAtFen: row.compareAtFen, stock: row.stock, description: row.description,
                  status: row.status, variants: row.variants.map((v) => ({ ...v })), specs: row.specs.map((s) => ({ ...s })), tags: [...row.tags],
                },
              }, (t, id) => (row.fitment === null ? applyUnconfirmedTitleFitment(t, id, row.title) : saveConfirmedFitment(t, id, fitmentDraft(row.fitment))), { deferIndex: true });
              await unjournalKeys(sp, newKeys(p));
              await journalKeys(sp, res.replacedKeys);
              return res;
            });
            replacedKeys.push(...r.replacedKeys);
            written.push(r.id);
            outcome.set(p, r.created ? 'created' : 'updated');
          } catch (err) {
            const code = err instanceof AppError ? err.code : 'write_failed';
            outcome.set(p, { column: null, code: code === 'sku_taken' ? 'variant_sku_taken' : code, message: err instanceof AppError ? err.message : `写入失败：${(err as Error).message.slice(0, 200)}` });
          }
        }
        // The whole batch is indexed inside its transaction: searchable exactly when committed.
        await writer.indexProducts(trx, written);
      });
    } catch (err) {
      await releaseKeys(db, deps.storage, pending.flatMap(newKeys));
      throw err;
    }
    for (const p of pending) {
      const o = outcome.get(p)!;
      if (o === 'created' || o === 'updated') counts[o] += 1;
      else {
        fail(p.row.line, p.row.sku, [o]);
        failedKeys.push(...newKeys(p));
      }
    }
    await releaseKeys(db, deps.storage, [...replacedKeys, ...failedKeys]);
  }

  async function processBatch(batch: ParsedRow[]): Promise<void> {
    const stored = await loadProductsBySku(db, batch.map((r) => r.sku));
    const taken = await variantSkusTaken(batch, stored);
    const pending: Pending[] = [];
    try {
      for (const row of batch) {
        const s = stored.get(row.sku);
        if (taken.has(row.sku)) fail(row.line, row.sku, [{ column: 'variants', code: 'variant_sku_taken', message: `规格 SKU ${taken.get(row.sku)} 已被其他商品使用` }]);
        else if (s && unchanged(s, row)) counts.unchanged += 1;
        else {
          const p = await prepare(row, s);
          if (p) pending.push(p);
        }
      }
    } catch (err) {
      if (!opts.dryRun) await releaseKeys(db, deps.storage, pending.flatMap((p) => p.uploads.flatMap((u) => variantKeys(u.image.variants))));
      throw err;
    }
    if (opts.dryRun) {
      for (const p of pending) counts[p.stored ? 'updated' : 'created'] += 1;
      return;
    }
    if (pending.length) await write(pending);
  }

  let batch: ParsedRow[] = [];
  const flush = async () => {
    if (batch.length) await processBatch(batch);
    batch = [];
    await opts.onProgress?.({ rows, bytes: sheet.bytesRead(), size: sheet.size });
  };
  for await (const { line, cells } of sheet.lines()) {
    if (header === null) {
      header = mapHeader(cells);
      if (header.missing.length) throw new BadRequestError(`缺少必需的列：${header.missing.join(', ')}`, 'import_missing_columns');
      continue;
    }
    rows += 1;
    const parsed = parse(line, toRawRow(header, cells));
    if (!parsed.ok) {
      fail(line, (cells[header.positions.indexOf('sku')] ?? '').trim(), parsed.errors);
      continue;
    }
    const row = parsed.row;
    const firstLine = skuLines.get(row.sku);
    if (firstLine !== undefined) {
      fail(line, row.sku, [{ column: 'sku', code: 'sku_duplicate', message: `商家编码与第 ${firstLine} 行重复` }]);
      continue;
    }
    const clash = row.variants.find((v) => v.sku !== null && variantSkuLines.has(v.sku));
    if (clash?.sku) {
      fail(line, row.sku, [{ column: 'variants', code: 'variant_sku_duplicate', message: `规格 SKU ${clash.sku} 与第 ${variantSkuLines.get(clash.sku)} 行重复` }]);
      continue;
    }
    skuLines.set(row.sku, line);
    for (const v of row.variants) if (v.sku) variantSkuLines.set(v.sku, line);
    batch.push(row);
    if (batch.length >= batchSize) await flush();
  }
  if (header === null) throw new BadRequestError('文件是空的：第一行应为列名', 'import_empty');
  await flush();
  failures.sort((a, b) => a.line - b.line);
  return { dryRun: opts.dryRun, format: sheet.format, encoding: sheet.encoding(), rows, ...counts, unknownColumns: header.unknown, failures, orphansRemoved };
}

