import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import sharp from 'sharp';
import type { Knex } from 'knex';
import { directorySource, runImport, type ImportReport } from '../../src/catalog-io';
import type { TestApp } from '../helpers/test-app';

export type Row = Record<string, string>;

/** A good row in English column names; tests override the cells they are about. */
export function goodRow(sku: string, over: Row = {}): Row {
  return {
    sku,
    title: `宝骏730后尾灯总成14-21款 ${sku}`,
    category: '车灯照明/尾灯',
    price: '168',
    stock: '5',
    variants: `左:168:2:${sku}-L;右:168:3:${sku}-R`,
    specs: '材质:ABS;颜色:红',
    tags: '尾灯,LED',
    ...over,
  };
}

export function csvText(rows: readonly Row[], header?: readonly string[]): string {
  const cols = header ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return stringify([cols, ...rows.map((r) => cols.map((c) => r[c] ?? ''))]);
}

export function writeFile(dir: string, name: string, data: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
}

/** A small JPEG whose bytes differ per seed, so every test image is a distinct file. */
export async function jpeg(seed: number, width = 200, height = 150): Promise<Buffer> {
  const r = (seed * 53) % 256;
  return sharp({ create: { width, height, channels: 3, background: { r, g: (seed * 97) % 256, b: 128 }, noise: { type: 'gaussian', mean: 128, sigma: 20 } } }).jpeg().toBuffer();
}

/** Every file under DATA_DIR/media. */
export function mediaFiles(dataDir: string): string[] {
  const root = path.join(dataDir, 'media');
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(path.relative(root, p).split(path.sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

/** Every media key the database references (image rows of products and articles). */
export async function referencedKeys(db: Knex): Promise<string[]> {
  const rows: { variants: string }[] = await db('product_images').select('variants');
  return rows.flatMap((r) => (JSON.parse(r.variants) as { key: string }[]).map((v) => v.key)).sort();
}

export async function importFile(t: TestApp, file: string, opts: { dryRun?: boolean; images?: string; batchSize?: number } = {}): Promise<ImportReport> {
  return runImport(t.runtime, { file, dryRun: opts.dryRun ?? false, images: opts.images ? directorySource(opts.images) : undefined, batchSize: opts.batchSize });
}

export async function productBySku(db: Knex, sku: string) {
  return db('products').where({ sku }).first();
}

export const codesOf = (r: ImportReport) => r.failures.map((f) => [f.line, f.errors.map((e) => e.code).join(',')]);
