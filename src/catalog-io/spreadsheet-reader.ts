import fs from 'node:fs';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { BadRequestError } from '../shared/errors';

export interface SheetLine {
  /** 1-based line (CSV) or row (XLSX) where the record starts, as a spreadsheet program shows it. */
  readonly line: number;
  readonly cells: string[];
}

export interface Spreadsheet {
  readonly format: 'csv' | 'xlsx';
  /** Bytes of the file read so far, for progress. */
  bytesRead(): number;
  readonly size: number;
  lines(): AsyncIterable<SheetLine>;
  /** Known once the first bytes were read (CSV only). */
  encoding(): string | null;
}

const SNIFF_BYTES = 1024 * 1024;

/**
 * Decodes a CSV's bytes as they stream: a UTF-8 BOM or UTF-16 BOM decides; otherwise the first
 * megabyte is tried as strict UTF-8 and, if that fails, the file is read as GB18030 (what Chinese
 * Excel writes). Only the sniffing window is ever held, never the file.
 */
class CsvDecoder extends Transform {
  private decoder: TextDecoder | null = null;
  private head: Buffer[] = [];
  private headBytes = 0;
  chosen: string | null = null;

  constructor() {
    super({ readableObjectMode: false, decodeStrings: true });
  }

  private choose(sample: Buffer): TextDecoder {
    if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) this.chosen = 'utf-8';
    else if (sample[0] === 0xff && sample[1] === 0xfe) this.chosen = 'utf-16le';
    else if (sample[0] === 0xfe && sample[1] === 0xff) this.chosen = 'utf-16be';
    else {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
        this.chosen = 'utf-8';
      } catch {
        this.chosen = 'gb18030';
      }
    }
    return new TextDecoder(this.chosen, { fatal: this.chosen === 'utf-8' });
  }

  private emit_(data: Buffer, final: boolean): void {
    if (!this.decoder) this.decoder = this.choose(data);
    try {
      const text = this.decoder.decode(data, { stream: !final });
      if (text) this.push(text);
    } catch {
      throw new BadRequestError('文件不是有效的 UTF-8 或 GB18030 编码', 'import_bad_encoding');
    }
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    try {
      if (this.decoder) this.emit_(chunk, false);
      else {
        this.head.push(chunk);
        this.headBytes += chunk.length;
        if (this.headBytes >= SNIFF_BYTES) {
          const head = Buffer.concat(this.head);
          this.head = [];
          this.emit_(head, false);
        }
      }
      cb();
    } catch (err) {
      cb(err as Error);
    }
  }

  override _flush(cb: TransformCallback): void {
    try {
      this.emit_(Buffer.concat(this.head), true);
      this.head = [];
      cb();
    } catch (err) {
      cb(err as Error);
    }
  }
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if (v.text !== undefined) return cellText(v.text);
    if (v.result !== undefined) return cellText(v.result);
  }
  return '';
}

export function spreadsheetFormat(file: string): 'csv' | 'xlsx' {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv' || ext === '.txt') return 'csv';
  const fd = fs.openSync(file, 'r');
  try {
    const magic = Buffer.alloc(4);
    fs.readSync(fd, magic, 0, 4, 0);
    return magic.toString('latin1') === 'PK\u0003\u0004' ? 'xlsx' : 'csv';
  } finally {
    fs.closeSync(fd);
  }
}

/** Opens a CSV or XLSX file as a stream of lines; neither format is ever read into memory whole. */
export function openSpreadsheet(file: string): Spreadsheet {
  const format = spreadsheetFormat(file);
  const size = fs.statSync(file).size;
  let read = 0;
  let decoder: CsvDecoder | null = null;
  const source = () => {
    const s = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
    s.on('data', (c) => (read += c.length));
    return s;
  };
  async function* csvLines(): AsyncGenerator<SheetLine> {
    decoder = new CsvDecoder();
    const parser = parse({ info: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: true, trim: false, max_record_size: 1_000_000 });
    const input = source();
    input.on('error', (err) => parser.destroy(err));
    decoder.on('error', (err) => parser.destroy(err));
    input.pipe(decoder).pipe(parser);
    try {
      for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        const breaks = item.record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
        yield { line: item.info.lines - breaks, cells: item.record };
      }
    } catch (err) {
      if ((err as { code?: string }).code?.startsWith('CSV_')) throw new BadRequestError(`CSV 格式错误：${(err as Error).message}`, 'import_bad_csv');
      throw err;
    } finally {
      input.destroy();
    }
  }
  async function* xlsxLines(): AsyncGenerator<SheetLine> {
    const input = source();
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'ignore' });
    try {
      for await (const sheet of reader) {
        for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
          const values = row.values as unknown[];
          const cells: string[] = [];
          for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
          if (cells.every((c) => c.trim() === '')) continue;
          yield { line: row.number, cells };
        }
        break; // the first worksheet is the product list
      }
    } catch (err) {
      if (err instanceof BadRequestError) throw err;
      throw new BadRequestError('无法读取 XLSX 文件', 'import_bad_xlsx');
    } finally {
      input.destroy();
    }
  }
  return {
    format,
    size,
    bytesRead: () => read,
    lines: () => (format === 'csv' ? csvLines() : xlsxLines()),
    encoding: () => (format === 'csv' ? (decoder?.chosen ?? null) : 'xlsx'),
  };
}
