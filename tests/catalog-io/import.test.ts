import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { searchCaughtUp } from '../helpers/search-env';
import { AppError } from '../../src/shared/errors';
import { codesOf, csvText, goodRow, importFile, jpeg, mediaFiles, productBySku, referencedKeys, writeFile, type Row } from './catalog-io-kit';

describe('spreadsheet import', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    t = await createTestApp({ seeded: false });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qipei-import-'));
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const rows: Row[] = [
    goodRow('GOOD-1', { title: '宝骏730后尾灯总成14-21款 zqxjlamp' }),
    goodRow('GOOD-2', { title: '汽车脚垫 全包围 zqxjmat', category: '内饰/脚垫', fitment: '通用', variants: '', price: '99.5', compare_at_price: '129' }),
    goodRow('GOOD-3', { title: '雅阁中网 zqxjgrille', category: '外饰', fitment: '本田 雅阁 2018-2022 前; 宝骏 560', variants: '', status: '草稿' }),
  ];

  it('when a CSV of good rows is imported, then each product is written whole, with fitment parsed (unconfirmed) or stated (confirmed), and is searchable', async () => {
    const report = await importFile(t, writeFile(dir, 'good.csv', csvText(rows)));
    expect(report).toMatchObject({ created: 3, updated: 0, unchanged: 0, failed: 0, rows: 3 });
    const db = t.runtime.db;
    const one = await productBySku(db, 'GOOD-1');
    expect(await db('product_variants').where({ product_id: one.id }).orderBy('position').pluck('sku')).toEqual(['GOOD-1-L', 'GOOD-1-R']);
    expect(await db('product_specs').where({ product_id: one.id }).orderBy('position').pluck('value')).toEqual(['ABS', '红']);
    expect(Boolean(one.fitment_confirmed)).toBe(false);
    const parsed = await db('product_fitments as f').join('vehicle_models as m', 'm.id', 'f.model_id').where('f.product_id', one.id).select('m.name', 'f.year_from', 'f.year_to', 'f.position');
    expect(parsed).toEqual([{ name: '730', year_from: 2014, year_to: 2021, position: '后' }]);
    const leaf = await db('categories').where({ id: one.category_id }).first();
    expect(leaf.name).toBe('尾灯');
    expect((await db('categories').where({ id: leaf.parent_id }).first()).name).toBe('车灯照明');

    const two = await productBySku(db, 'GOOD-2');
    expect([two.fitment_kind, Boolean(two.fitment_confirmed), two.price_fen, two.compare_at_fen]).toEqual(['universal', true, 9950, 12900]);
    const three = await productBySku(db, 'GOOD-3');
    expect([three.status, Boolean(three.fitment_confirmed), three.fitment_kind]).toEqual(['draft', true, 'vehicle']);
    expect(await db('product_fitments').where({ product_id: three.id }).orderBy('id').select('year_from', 'year_to', 'position', 'source')).toEqual([
      { year_from: 2018, year_to: 2022, position: '前', source: 'manual' },
      { year_from: null, year_to: null, position: null, source: 'manual' },
    ]);

    await searchCaughtUp(t.runtime.search);
    const hits = (await request(t.app).get('/api/search?q=zqxjlamp&type=product').expect(200)).body.hits;
    expect(hits.map((h: { id: number }) => h.id)).toEqual([one.id]);
  });

  it('when the same file is imported again, then every row is unchanged and nothing is rewritten', async () => {
    const before = await t.runtime.db('products').orderBy('id').select('id', 'updated_at');
    const report = await importFile(t, path.join(dir, 'good.csv'));
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 3, failed: 0 });
    expect(await t.runtime.db('products').orderBy('id').select('id', 'updated_at')).toEqual(before);
  });

  it('when one cell changes, then only that product is updated', async () => {
    const changed = rows.map((r) => (r.sku === 'GOOD-2' ? { ...r, stock: '7' } : r));
    const report = await importFile(t, writeFile(dir, 'changed.csv', csvText(changed)));
    expect(report).toMatchObject({ created: 0, updated: 1, unchanged: 2, failed: 0 });
    expect((await productBySku(t.runtime.db, 'GOOD-2')).stock).toBe(7);
    expect(await importFile(t, path.join(dir, 'changed.csv'))).toMatchObject({ updated: 0, unchanged: 3 });
  });

  it('when a dry run is made, then it reports what the real run reports and writes nothing', async () => {
    const file = writeFile(dir, 'dry.csv', csvText([goodRow('DRY-1'), { ...rows[0], price: '170' }, goodRow('DRY-2', { price: '' })]));
    const snapshot = async () => [await t.runtime.db('products').orderBy('id').select('id', 'price_fen', 'updated_at'), await t.runtime.db('categories').count({ n: '*' })];
    const before = await snapshot();
    const dry = await importFile(t, file, { dryRun: true });
    expect(await snapshot()).toEqual(before);
    const real = await importFile(t, file);
    const counts = (r: typeof dry) => [r.created, r.updated, r.unchanged, r.failed, codesOf(r)];
    expect(counts(dry)).toEqual(counts(real));
    expect(counts(real)).toEqual([1, 1, 0, 1, [[4, 'price_missing']]]);
  });

  it('when rows are bad, then each is reported with its line and reason, nothing of it is written, and the good rows still are', async () => {
    const imgDir = fs.mkdtempSync(path.join(dir, 'img-'));
    writeFile(imgDir, 'fake.jpg', '<!doctype html><html><body><script>alert(1)</script></body></html>');
    const other = await productBySku(t.runtime.db, 'GOOD-1');
    const bad: [string, Row][] = [
      ['price_missing', goodRow('B-PRICE', { price: '' })],
      ['price_invalid', goodRow('B-PRICE2', { price: '十块' })],
      ['stock_negative', goodRow('B-STOCK', { stock: '-3' })],
      ['sku_duplicate', goodRow('B-OK', { title: '重复的编码' })],
      ['title_too_long', goodRow('B-TITLE', { title: '长'.repeat(2000) })],
      ['title_missing', goodRow('B-NOTITLE', { title: '  ' })],
      ['sku_missing', goodRow('', {})],
      ['variants_syntax', goodRow('B-VAR', { variants: '红色-10元' })],
      ['variant_sku_duplicate', goodRow('B-VSKU', { variants: 'X:1:1:B-OK-L' })],
      ['variant_sku_taken', goodRow('B-VTAKEN', { variants: 'X:1:1:GOOD-1-L' })],
      ['image_bad', goodRow('B-IMG', { images: 'fake.jpg' })],
      ['image_missing', goodRow('B-NOIMG', { images: 'nowhere.jpg' })],
      ['fitment_invalid', goodRow('B-FIT', { fitment: '火星汽车 X1' })],
      ['status_invalid', goodRow('B-STATUS', { status: '卖光了' })],
      ['compare_at_price_not_higher', goodRow('B-CMP', { compare_at_price: '100' })],
      ['specs_syntax', goodRow('B-SPEC', { specs: '没有冒号' })],
    ];
    const all = [goodRow('B-OK'), ...bad.map(([, r]) => r)];
    const report = await importFile(t, writeFile(dir, 'bad.csv', csvText(all.map((r) => ({ ...r, 备注: 'x' })))), { images: imgDir });
    expect(report.unknownColumns).toEqual(['备注']);
    expect(report).toMatchObject({ created: 1, failed: bad.length });
    expect(codesOf(report)).toEqual(bad.map(([code], i) => [i + 3, code]));
    for (const f of report.failures) expect(f.errors[0].message.length).toBeGreaterThan(3);
    const skus = bad.map(([, r]) => r.sku).filter((s) => s !== 'B-OK' && s !== '');
    expect(Number((await t.runtime.db('products').whereIn('sku', skus).count({ n: '*' }).first())?.n)).toBe(0);
    expect(await t.runtime.db('product_variants').where({ sku: 'GOOD-1-L' }).pluck('product_id')).toEqual([other.id]);
    expect(mediaFiles(t.dataDir)).toEqual(await referencedKeys(t.runtime.db));
  });

  it('when the required columns are missing, then the file is refused as a whole', async () => {
    const file = writeFile(dir, 'nocols.csv', csvText([{ sku: 'X', name: 'y' }]));
    await expect(importFile(t, file)).rejects.toMatchObject({ code: 'import_missing_columns' });
    await expect(importFile(t, file)).rejects.toBeInstanceOf(AppError);
  });

  it('when the file is GB18030 with Chinese headers, as Chinese Excel saves it, then it is detected and decoded', async () => {
    const text = csvText([{ 商家编码: 'GB-1', 宝贝名称: '哈弗H6 大灯总成 zqxjgb', 分类: '车灯照明/大灯', 价格: '￥1,280.00', 库存: '3', 状态: '上架', 标签: '大灯，氙气' }]);
    const bytes = iconv.encode(text, 'gb18030');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const report = await importFile(t, writeFile(dir, 'gb.csv', bytes));
    expect(report).toMatchObject({ created: 1, failed: 0, encoding: 'gb18030' });
    const p = await productBySku(t.runtime.db, 'GB-1');
    expect([p.title, p.price_fen, p.stock]).toEqual(['哈弗H6 大灯总成 zqxjgb', 128000, 3]);
    const bom = await importFile(t, writeFile(dir, 'bom.csv', `\uFEFF${text}`));
    expect(bom).toMatchObject({ unchanged: 1, encoding: 'utf-8' });
  });

  it('when the file is XLSX with numeric cells, then it imports, and importing it again changes nothing', async () => {
    const file = path.join(dir, 'sheet.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('宝贝');
    ws.addRow(['商家编码', '宝贝名称', '价格', '库存', '规格', '适用车型']);
    ws.addRow(['XL-1', '12V24V车载充电器 zqxjcharger', 59.9, 100, '黑色:59.9:50:XL-1-B;白色:59.9:50:XL-1-W', '12V/24V']);
    ws.addRow([20001, '卡罗拉雨刮器 zqxjwiper', 35, 0, '', '']);
    await wb.xlsx.writeFile(file);
    expect(await importFile(t, file)).toMatchObject({ created: 2, failed: 0, format: 'xlsx' });
    const charger = await productBySku(t.runtime.db, 'XL-1');
    expect([charger.price_fen, charger.fitment_kind, charger.fitment_spec]).toEqual([5990, 'spec', JSON.stringify({ voltage: [12, 24] })]);
    expect(await productBySku(t.runtime.db, '20001')).toBeTruthy();
    expect(await importFile(t, file)).toMatchObject({ unchanged: 2, created: 0, updated: 0 });
  });

  it('when rows name images, then they go through the upload pipeline with the title as alt, and replacing them leaves no orphan file', async () => {
    const imgDir = fs.mkdtempSync(path.join(dir, 'photos-'));
    writeFile(imgDir, 'a.jpg', await jpeg(1, 900, 600));
    writeFile(imgDir, 'b.jpg', await jpeg(2));
    const file = writeFile(dir, 'img.csv', csvText([goodRow('IMG-1', { images: 'a.jpg|b.jpg' })]));
    expect(await importFile(t, file, { images: imgDir })).toMatchObject({ created: 1, failed: 0 });
    const p = await productBySku(t.runtime.db, 'IMG-1');
    const imgs = await t.runtime.db('product_images').where({ product_id: p.id }).orderBy('position').select('alt', 'original_name', 'width', 'variants');
    expect(imgs.map((i) => [i.alt, i.original_name, i.width])).toEqual([[p.title, 'a.jpg', 900], [p.title, 'b.jpg', 200]]);
    expect(JSON.parse(imgs[0].variants).map((v: { width: number; key: string }) => `${v.width}.${v.key.split('.').pop()}`)).toEqual(['320.webp', '640.webp', '900.webp', '900.jpg']);
    expect(mediaFiles(t.dataDir)).toEqual(await referencedKeys(t.runtime.db));

    // Same names, no image directory at hand: nothing to redo.
    expect(await importFile(t, file)).toMatchObject({ unchanged: 1 });
    const replaced = writeFile(dir, 'img2.csv', csvText([goodRow('IMG-1', { images: 'b.jpg' })]));
    expect(await importFile(t, replaced, { images: imgDir })).toMatchObject({ updated: 1, failed: 0 });
    expect(await t.runtime.db('product_images').where({ product_id: p.id }).pluck('original_name')).toEqual(['b.jpg']);
    expect(mediaFiles(t.dataDir)).toEqual(await referencedKeys(t.runtime.db));
    expect(Number((await t.runtime.db('media_pending').count({ n: '*' }).first())?.n)).toBe(0);
  });
});
