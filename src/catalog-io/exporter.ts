import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { Knex } from 'knex';
import { COLUMNS, headerCells } from './columns';
import { loadProducts, toCells } from './product-state';

export interface ExportOptions {
  readonly format: 'csv' | 'xlsx';
  /** Chinese headers (and 上架/草稿) by default, as a Taobao-style sheet has them. */
  readonly language?: 'zh' | 'en';
  onProgress?(done: number, total: number): void;
}

const PAGE = 500;

async function* pages(db: Knex, language: 'zh' | 'en', onProgress?: (done: number, total: number) => void): AsyncGenerator<string[]> {
  const total = Number(((await db('products').count({ n: '*' }).first()) as { n: number | string } | undefined)?.n ?? 0);
  let done = 0;
  for (let after = 0; ; ) {
    const ids = (await db('products').where('id', '>', after).orderBy('id').limit(PAGE).pluck('id')).map(Number);
    if (ids.length === 0) break;
    after = ids[ids.length - 1];
    for (const p of await loadProducts(db, ids)) {
      const cells = toCells(p, language);
      yield COLUMNS.map(([c]) => cells[c]);
    }
    done += ids.length;
    onProgress?.(done, total);
  }
}

/**
 * Every product, page by page, in the import's columns and syntax: CSV in UTF-8 with a BOM (so
 * Excel opens it as UTF-8) or XLSX. Importing the output changes nothing.
 */
export async function exportProducts(db: Knex, output: Writable, opts: ExportOptions): Promise<number> {
  const language = opts.language ?? 'zh';
  let n = 0;
  if (opts.format === 'csv') {
    const csv = stringify({ record_delimiter: 'windows', quoted_match: /^[=+\-@\t\r]/ });
    csv.pipe(output);
    output.write('\uFEFF');
    const put = async (cells: string[]) => {
      if (!csv.write(cells)) await once(csv, 'drain');
    };
    await put(headerCells(language));
    for await (const cells of pages(db, language, opts.onProgress)) {
      await put(cells);
      n += 1;
    }
    csv.end();
    await once(output, 'finish');
    return n;
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('products');
  sheet.addRow(headerCells(language)).commit();
  for await (const cells of pages(db, language, opts.onProgress)) {
    sheet.addRow(cells).commit();
    n += 1;
  }
  sheet.commit();
  await workbook.commit();
  return n;
}
