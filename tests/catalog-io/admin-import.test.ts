import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import request from 'supertest';
import type { TestApp } from '../helpers/test-app';
import { createAdminTestApp, login, type Agent } from '../http/admin/admin-test-kit';
import { csvText, goodRow, jpeg, mediaFiles, referencedKeys } from './catalog-io-kit';

async function zipOf(files: Record<string, Buffer | string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(files)) zip.file(name, data);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('admin import, export and bulk images', () => {
  let t: TestApp;
  let agent: Agent;
  let csrf: string;
  let ip: string;

  beforeAll(async () => {
    t = await createAdminTestApp();
    ({ agent, csrf, ip } = await login(t));
  });
  afterAll(async () => {
    await t.close();
  });

  const tmpDirs = () => {
    const root = path.join(t.dataDir, 'imports');
    return fs.existsSync(root) ? fs.readdirSync(root).filter((n) => n.startsWith('tmp-')) : [];
  };
  const upload = (sheet: { data: Buffer | string; name: string } | null, zip?: { data: Buffer; name: string }, token = csrf) => {
    let req = agent.post('/admin/import').set('X-Forwarded-For', ip).set('Accept', 'application/json').field('_csrf', token);
    if (sheet) req = req.attach('sheet', Buffer.from(sheet.data), sheet.name);
    if (zip) req = req.attach('images', zip.data, zip.name);
    return req;
  };
  /** Background jobs report through their status; bounded by rounds, never by wall-clock assertions. */
  const settled = async (token: string, until: string[]) => {
    for (let i = 0; i < 600; i++) {
      const job = (await agent.get(`/admin/import/${token}`).set('X-Forwarded-For', ip).set('Accept', 'application/json').expect(200)).body;
      if (until.includes(job.status)) return job;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('import job never settled');
  };

  it('when nobody is logged in, then the import, export and bulk pages are closed', async () => {
    await request(t.app).get('/admin/import').expect(303).expect('Location', /\/admin\/login/);
    await request(t.app).get('/admin/export.csv').expect(303);
    const res = await request(t.app).post('/admin/import').set('Accept', 'application/json').attach('sheet', Buffer.from('sku,title,price\n'), 'a.csv');
    expect([401, 403]).toContain(res.status);
  });

  it('when the CSRF token is missing, then the upload is refused before anything is stored', async () => {
    const res = await upload({ data: 'sku,title,price\nX,Y,1\n', name: 'a.csv' }, undefined, 'bogus');
    expect([res.status, res.body.error.code]).toEqual([403, 'csrf_invalid']);
    expect(tmpDirs()).toEqual([]);
  });

  it('when a sheet is uploaded, then a preview writes nothing, and confirming imports it with a progress page that works without script', async () => {
    const before = Number((await t.runtime.db('products').count({ n: '*' }).first())?.n);
    const res = await upload({ data: csvText([goodRow('ADM-1'), goodRow('ADM-2', { price: '' })]), name: '宝贝.csv' }).expect(202);
    const previewed = await settled(res.body.token, ['previewed', 'failed']);
    expect(previewed.preview).toMatchObject({ dryRun: true, created: 1, failed: 1 });
    expect(Number((await t.runtime.db('products').count({ n: '*' }).first())?.n)).toBe(before);
    const page = await agent.get(`/admin/import/${res.body.token}`).set('X-Forwarded-For', ip).expect(200);
    expect(page.text).toContain('data-code="price_missing"');
    expect(page.text).toContain(`action="/admin/import/${res.body.token}/confirm"`);

    await agent.post(`/admin/import/${res.body.token}/confirm`).set('X-Forwarded-For', ip).type('form').send({ _csrf: csrf }).expect(303);
    const done = await settled(res.body.token, ['done', 'failed']);
    expect(done.report).toMatchObject({ dryRun: false, created: 1, failed: 1 });
    expect(await t.runtime.db('products').where({ sku: 'ADM-1' }).first()).toBeTruthy();
    const again = await agent.post(`/admin/import/${res.body.token}/confirm`).set('X-Forwarded-For', ip).set('Accept', 'application/json').type('form').send({ _csrf: csrf });
    expect([again.status, again.body.error.code]).toEqual([409, 'import_not_confirmable']);
    expect(tmpDirs()).toEqual([]);
  });

  it('when a job is running, then its page refreshes itself by HTTP header and shows a progress bar; when it went silent, then it can be re-run', async () => {
    const now = Date.now();
    const token = 'a'.repeat(32);
    await t.runtime.db('import_jobs').insert({ token, status: 'running', file_name: 'big.csv', has_images: false, rows_done: 1200, percent: 40, created_at: now, updated_at: now });
    const page = await agent.get(`/admin/import/${token}`).set('X-Forwarded-For', ip).expect(200);
    expect(page.headers.refresh).toBe('2');
    expect(page.text).toContain('<progress max="100" value="40"');
    await t.runtime.db('import_jobs').where({ token }).update({ updated_at: now - 3_600_000 });
    const stalled = await agent.get(`/admin/import/${token}`).set('X-Forwarded-For', ip).expect(200);
    expect(stalled.headers.refresh).toBeUndefined();
    expect(stalled.text).toContain(`action="/admin/import/${token}/confirm"`);
  });

  it('when the sheet comes with a zip of images, then rows use them; a bomb or an escaping path is refused up front', async () => {
    const zip = await zipOf({ 'photos/z1.jpg': await jpeg(7), 'photos/z2.jpg': await jpeg(8) });
    const res = await upload({ data: csvText([goodRow('ZIP-1', { images: 'z1.jpg|z2.jpg' })]), name: 'z.csv' }, { data: zip, name: 'img.zip' }).expect(202);
    await settled(res.body.token, ['previewed']);
    await agent.post(`/admin/import/${res.body.token}/confirm`).set('X-Forwarded-For', ip).type('form').send({ _csrf: csrf }).expect(303);
    expect((await settled(res.body.token, ['done', 'failed'])).report).toMatchObject({ created: 1, failed: 0 });
    const p = await t.runtime.db('products').where({ sku: 'ZIP-1' }).first();
    expect(await t.runtime.db('product_images').where({ product_id: p.id }).orderBy('position').pluck('original_name')).toEqual(['z1.jpg', 'z2.jpg']);

    const bomb = await zipOf({ 'zeros.jpg': Buffer.alloc(20 * 1024 * 1024) });
    const refused = await upload({ data: 'sku,title,price\n', name: 'b.csv' }, { data: bomb, name: 'bomb.zip' });
    expect([refused.status, refused.body.error.code]).toEqual([400, 'zip_bomb']);
    const escaping = await upload({ data: 'sku,title,price\n', name: 'b.csv' }, { data: await zipOf({ '../evil.jpg': await jpeg(9) }), name: 'evil.zip' });
    expect([escaping.status, escaping.body.error.code]).toEqual([400, 'zip_unsafe_path']);
    const notSheet = await upload({ data: 'x', name: 'a.pdf' });
    expect([notSheet.status, notSheet.body.error.code]).toEqual([415, 'import_type_not_allowed']);
    expect(tmpDirs()).toEqual([]);
  });

  it('when the admin downloads the export, then it is a UTF-8 CSV with BOM (or XLSX) of every product', async () => {
    const csv = await agent.get('/admin/export.csv').set('X-Forwarded-For', ip).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="qipei-products-\d{8}\.csv"$/);
    const body = csv.body as Buffer;
    expect(body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = body.toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('商家编码,宝贝名称,英文名,分类,价格,原价,库存,状态,标签,参数,规格,宝贝描述,适用车型,图片');
    expect(lines.length - 1).toBe(Number((await t.runtime.db('products').count({ n: '*' }).first())?.n));
    const xlsx = await agent.get('/admin/export.xlsx').set('X-Forwarded-For', ip).expect(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('when images named by SKU are dropped on the product list, then they attach in order with the title as alt, and unknown SKUs are listed', async () => {
    const p = await t.runtime.db('products').where({ sku: 'ADM-1' }).first();
    const zip = await zipOf({ 'ADM-1-2.jpg': await jpeg(21), 'NOPE-9.jpg': await jpeg(22) });
    const res = await agent.post('/admin/products/images/bulk').set('X-Forwarded-For', ip).set('Accept', 'application/json')
      .field('_csrf', csrf)
      .attach('files', await jpeg(20), 'ADM-1.jpg')
      .attach('files', zip, 'more.zip')
      .attach('files', Buffer.from('<html><script>alert(1)</script></html>'), 'ADM-1-3.jpg')
      .attach('files', Buffer.from('hello'), 'notes.txt')
      .expect(200);
    const byFile = Object.fromEntries(res.body.results.map((r: { file: string; status: string }) => [r.file, r.status]));
    expect(byFile).toEqual({ 'ADM-1.jpg': 'attached', 'ADM-1-2.jpg': 'attached', 'NOPE-9.jpg': 'unknown_sku', 'ADM-1-3.jpg': 'rejected', 'notes.txt': 'bad_name' });
    expect(res.body.unknownSkus).toEqual(['NOPE']);
    const imgs = await t.runtime.db('product_images').where({ product_id: p.id }).orderBy('position').select('original_name', 'alt');
    expect(imgs).toEqual([{ original_name: 'ADM-1.jpg', alt: p.title }, { original_name: 'ADM-1-2.jpg', alt: p.title }]);
    expect(mediaFiles(t.dataDir)).toEqual(expect.arrayContaining(await referencedKeys(t.runtime.db)));
    expect(Number((await t.runtime.db('media_pending').count({ n: '*' }).first())?.n)).toBe(0);

    const page = await agent.post('/admin/products/images/bulk').set('X-Forwarded-For', ip).field('_csrf', csrf).attach('files', await jpeg(20), 'ADM-1.jpg').expect(200);
    expect(page.text).toContain('data-status="already_attached"');
    const list = await agent.get('/admin/products').set('X-Forwarded-For', ip).expect(200);
    expect(list.text).toContain('action="/admin/products/images/bulk"');
    expect(tmpDirs()).toEqual([]);
  });
});
