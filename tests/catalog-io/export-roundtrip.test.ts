import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportProducts } from '../../src/catalog-io';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { csvText, goodRow, importFile, writeFile } from './catalog-io-kit';

describe('export → import round trip', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    // The seeded demo catalogue: admin-made products without merchant codes, images, articles' links.
    t = await createTestApp();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qipei-export-'));
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const exportTo = async (name: string, opts: { format: 'csv' | 'xlsx'; language?: 'zh' | 'en' }) => {
    const file = path.join(dir, name);
    const n = await exportProducts(t.runtime.db, fs.createWriteStream(file), opts);
    return { file, n };
  };
  const state = () => t.runtime.db('products').orderBy('id').select('id', 'sku', 'title', 'price_fen', 'stock', 'status', 'fitment_kind', 'fitment_confirmed', 'updated_at');

  it('when the catalogue holds awkward text, then an export re-imports with every row unchanged and exports byte for byte the same again', async () => {
    await importFile(t, writeFile(dir, 'awkward.csv', csvText([
      goodRow('RT-1', {
        title: '带"引号", 逗号和 =号开头的标题',
        specs: '尺寸:10\\:20;备注:分号\\;也行;路径:C\\\\temp',
        variants: '红\\:大:10.5:1:RT-1-A;蓝\\;小:11:2:',
        tags: '前杠,后杠',
        description: '<p>第一段</p><p>第二段 <b>粗</b></p><script>alert(1)</script>',
        fitment: '宝骏 730 2017- 后; 本田; 12V',
      }),
      goodRow('RT-2', { title: '=SUM(A1)', description: '多行\n描述', fitment: '未知', status: 'draft' }),
    ]))).then((r) => expect(r).toMatchObject({ failed: 0, created: 2 }));
    const db = t.runtime.db;
    const rt = await db('products').where({ sku: 'RT-1' }).first();
    expect(rt.description).toBe('第一段\n第二段 粗');
    expect(await db('product_specs').where({ product_id: rt.id }).orderBy('position').pluck('value')).toEqual(['10:20', '分号;也行', 'C\\temp']);
    expect(await db('product_variants').where({ product_id: rt.id }).orderBy('position').pluck('label')).toEqual(['红:大', '蓝;小']);
    expect([rt.fitment_kind, rt.fitment_spec]).toEqual(['vehicle', JSON.stringify({ voltage: [12] })]);
    const before = await state();

    const csv = await exportTo('all.csv', { format: 'csv' });
    expect(csv.n).toBe(before.length);
    const bytes = fs.readFileSync(csv.file);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const report = await importFile(t, csv.file);
    expect(report).toMatchObject({ rows: before.length, unchanged: before.length, created: 0, updated: 0, failed: 0, unknownColumns: [] });
    expect(await state()).toEqual(before);
    expect(fs.readFileSync((await exportTo('again.csv', { format: 'csv' })).file)).toEqual(bytes);

    const xlsx = await exportTo('all.xlsx', { format: 'xlsx', language: 'en' });
    expect(await importFile(t, xlsx.file)).toMatchObject({ unchanged: before.length, failed: 0 });
    expect(await state()).toEqual(before);
  });

  it('when an exported cell is edited, then re-importing the file changes that product only', async () => {
    const { file } = await exportTo('edit.csv', { format: 'csv' });
    const lines = fs.readFileSync(file, 'utf8').split('\r\n');
    const at = lines.findIndex((l) => l.startsWith('RT-2,'));
    lines[at] = lines[at].replace(',草稿,', ',上架,');
    fs.writeFileSync(file, lines.join('\r\n'));
    const total = Number((await t.runtime.db('products').count({ n: '*' }).first())?.n);
    expect(await importFile(t, file)).toMatchObject({ updated: 1, unchanged: total - 1, failed: 0 });
    expect((await t.runtime.db('products').where({ sku: 'RT-2' }).first()).status).toBe('published');
  });
});
