import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import sharp from 'sharp';
import { makeUploadFixtures, type UploadFixtures } from '../../fixtures/uploads/make-fixtures';
import { createAdminTestApp, login, mediaFiles, type Agent } from './admin-test-kit';
import type { TestApp } from '../../helpers/test-app';

/** The EXIF tag that points at the GPS block (0x8825), in either byte order. */
function hasGpsTag(exif: Buffer | undefined): boolean {
  return !!exif && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])));
}

function tmpEntries(): string[] {
  return fs.readdirSync(os.tmpdir()).filter((n) => !n.startsWith('qipei-') && !n.startsWith('jest')).sort();
}

describe('image uploads', () => {
  let t: TestApp;
  let fx: UploadFixtures;
  let agent: Agent;
  let csrf: string;
  let ip: string;
  let productId: number;
  const fxDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qipei-fixtures-'));

  beforeAll(async () => {
    fx = await makeUploadFixtures(fxDir);
    t = await createAdminTestApp();
    ({ agent, csrf, ip } = await login(t));
    productId = (await t.runtime.db('products').orderBy('id').first('id')).id;
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(fxDir, { recursive: true, force: true });
  });

  const upload = (files: { name: string; data?: Buffer; filename?: string; contentType?: string }[], alt: string | string[] = '测试图片', id = productId) => {
    let req = agent.post(`/admin/products/${id}/images`).set('X-Forwarded-For', ip).set('Accept', 'application/json').set('X-CSRF-Token', csrf);
    for (const a of Array.isArray(alt) ? alt : [alt]) req = req.field('alt', a);
    for (const f of files) req = req.attach('images', f.data ?? fx.read(f.name), { filename: f.filename ?? f.name, contentType: f.contentType ?? 'image/jpeg' });
    return req;
  };
  const imageRows = async () => Number((await t.runtime.db('product_images').count({ n: '*' }).first())?.n);

  describe('refused uploads leave nothing behind', () => {
    const cases: [string, () => Parameters<typeof upload>[0], number, RegExp][] = [
      ['an SVG with a script', () => [{ name: 'script.svg', contentType: 'image/svg+xml' }], 415, /^upload_type_not_allowed$/],
      ['an SVG renamed .jpg and labelled image/jpeg', () => [{ name: 'svg-renamed.jpg' }], 415, /^upload_type_not_allowed$/],
      ['an HTML page renamed .jpg', () => [{ name: 'html-renamed.jpg' }], 415, /^upload_type_not_allowed$/],
      ['a PDF claiming to be a JPEG', () => [{ name: 'document.pdf', filename: 'photo.jpg' }], 415, /^upload_type_not_allowed$/],
      ['a zero-byte file', () => [{ name: 'empty.jpg' }], 400, /^upload_empty$/],
      ['a truncated JPEG', () => [{ name: 'truncated.jpg' }], 400, /^upload_unreadable$/],
      ['a JPEG with an HTML payload appended (polyglot)', () => [{ name: 'polyglot.jpg' }], 400, /^upload_polyglot$/],
      ['a PNG signature followed by garbage', () => [{ name: 'fake-header.png', contentType: 'image/png' }], 415, /^upload_type_not_allowed$/],
      ['a 10000×10000 pixel-flood PNG', () => [{ name: 'pixel-flood.png', contentType: 'image/png' }], 413, /^image_too_many_pixels$/],
      ['a file over 15 MB', () => [{ name: 'oversized.jpg' }], 413, /^upload_limit_file_size$/],
      ['eleven files at once', () => Array.from({ length: 11 }, (_, i) => ({ name: 'valid.jpg', filename: `p${i}.jpg` })), 400, /^upload_limit_/],
      ['a filename with a raw control character', () => [{ name: 'valid.jpg', filename: 'photo\u0001.jpg' }], 400, /^upload_(bad_filename|malformed)$/],
      ['a filename with an encoded line break', () => [{ name: 'valid.jpg', filename: 'photo%0A.jpg' }], 400, /^upload_bad_filename$/],
      ['a filename with a right-to-left override', () => [{ name: 'valid.jpg', filename: 'photo\u202egpj.exe' }], 400, /^upload_bad_filename$/],
      ['one good image alongside a bad one', () => [{ name: 'valid.jpg' }, { name: 'html-renamed.jpg' }], 415, /^upload_type_not_allowed$/],
    ];

    it.each(cases)('when the upload is %s, then it is refused with a 4xx code and no row, media file or temp file remains', async (_label, files, status, code) => {
      const [rowsBefore, mediaBefore, tmpBefore] = [await imageRows(), mediaFiles(t), tmpEntries()];
      const f = files();
      const res = await upload(f, f.map(() => '说明'));
      expect(res.status).toBe(status);
      expect(res.body.error.code).toMatch(code);
      expect(await imageRows()).toBe(rowsBefore);
      expect(mediaFiles(t)).toEqual(mediaBefore);
      expect(tmpEntries()).toEqual(tmpBefore);
    });

    it('when alt text is missing, then the upload is refused with alt_required before any file is stored', async () => {
      const mediaBefore = mediaFiles(t);
      const res = await upload([{ name: 'valid.jpg' }], '   ');
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('alt_required');
      expect(mediaFiles(t)).toEqual(mediaBefore);
    });

    it('when no file is sent, then it is 400 upload_no_files', async () => {
      const res = await agent.post(`/admin/products/${productId}/images`).set('X-Forwarded-For', ip).set('Accept', 'application/json')
        .set('X-CSRF-Token', csrf).field('alt', 'x');
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('upload_no_files');
    });

    it('when the CSRF token is missing or comes only after the file, then it is 403 and the file is never processed', async () => {
      const mediaBefore = mediaFiles(t);
      const none = await agent.post(`/admin/products/${productId}/images`).set('X-Forwarded-For', ip).set('Accept', 'application/json')
        .field('alt', 'x').attach('images', fx.read('valid.jpg'), 'a.jpg');
      expect(none.status).toBe(403);
      expect(none.body.error.code).toBe('csrf_invalid');
      const late = await agent.post(`/admin/products/${productId}/images`).set('X-Forwarded-For', ip).set('Accept', 'application/json')
        .field('alt', 'x').attach('images', fx.read('valid.jpg'), 'a.jpg').field('_csrf', csrf);
      expect(late.status).toBe(403);
      const wrongHeader = await upload([{ name: 'valid.jpg' }]).set('X-CSRF-Token', 'forged');
      expect(wrongHeader.status).toBe(403);
      expect(mediaFiles(t)).toEqual(mediaBefore);
    });

    it('when nobody is logged in, then an upload is refused with 401 and nothing is read into storage', async () => {
      const mediaBefore = mediaFiles(t);
      const res = await request(t.app).post(`/admin/products/${productId}/images`).set('Accept', 'application/json')
        .attach('images', fx.read('valid.jpg'), 'a.jpg');
      expect(res.status).toBe(401);
      expect(mediaFiles(t)).toEqual(mediaBefore);
    });

    it('when the product does not exist, then the upload is 404 and nothing is stored', async () => {
      const mediaBefore = mediaFiles(t);
      const res = await upload([{ name: 'valid.jpg' }], 'x', 999_999);
      expect(res.status).toBe(404);
      expect(mediaFiles(t)).toEqual(mediaBefore);
    });
  });

  describe('accepted uploads', () => {
    it('when a JPEG with GPS EXIF and orientation 6 is uploaded, then every served variant is upright, typed, immutable and has no EXIF', async () => {
      expect(hasGpsTag((await sharp(fx.read('gps.jpg')).metadata()).exif)).toBe(true);
      const res = await upload([{ name: 'gps.jpg' }], '带定位信息的照片').expect(201);
      const [img] = res.body.images;
      expect([img.width, img.height]).toEqual([600, 800]);
      expect(img.variants.length).toBeGreaterThanOrEqual(3);
      for (const url of img.variants as string[]) {
        const media = await request(t.app).get(url).buffer(true).parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        }).expect(200);
        expect(media.headers['x-content-type-options']).toBe('nosniff');
        expect(media.headers['cache-control']).toContain('immutable');
        expect(media.headers['content-type']).toBe(url.endsWith('.webp') ? 'image/webp' : 'image/jpeg');
        const meta = await sharp(media.body as Buffer).metadata();
        expect(meta.exif).toBeUndefined();
        expect(meta.format).toBe(url.endsWith('.webp') ? 'webp' : 'jpeg');
        expect(meta.height).toBeGreaterThan(meta.width ?? 0);
      }
      const row = await t.runtime.db('product_images').where({ id: img.id }).first();
      expect(row.storage_key).toMatch(/^products\/[0-9a-f]{2}\/[0-9a-f]{32}$/);
      expect([row.width, row.height]).toEqual([600, 800]);
    });

    it('when PNG, WebP, AVIF and an animated GIF arrive together, then all four are stored in order and the GIF keeps its first frame', async () => {
      const before = await t.runtime.db('product_images').where({ product_id: productId }).max({ p: 'position' }).first();
      const res = await upload([
        { name: 'valid.png', contentType: 'image/png' }, { name: 'valid.webp', contentType: 'image/webp' },
        { name: 'valid.avif', contentType: 'image/avif' }, { name: 'animated.gif', contentType: 'image/gif' },
      ], ['PNG 图', 'WebP 图', 'AVIF 图', 'GIF 图']).expect(201);
      expect(res.body.images).toHaveLength(4);
      const rows = await t.runtime.db('product_images').whereIn('id', res.body.images.map((i: { id: number }) => i.id)).orderBy('position');
      expect(rows.map((r) => r.alt)).toEqual(['PNG 图', 'WebP 图', 'AVIF 图', 'GIF 图']);
      expect(rows[0].position).toBe(Number(before?.p ?? -1) + 1);
      const gif = res.body.images[3];
      expect([gif.width, gif.height]).toEqual([120, 80]);
      const frame = await request(t.app).get(gif.variants[0]).responseType('blob').expect(200);
      const { data } = await sharp(frame.body as Buffer).raw().toBuffer({ resolveWithObject: true });
      expect(data[0]).toBeGreaterThan(150);
      expect(data[2]).toBeLessThan(80);
    });

    it('when the filename tries path traversal and markup, then only its escaped basename is kept as data', async () => {
      const res = await upload([{ name: 'valid.jpg', filename: '../../../etc/<img src=x onerror=alert(1)>.jpg' }]).expect(201);
      const row = await t.runtime.db('product_images').where({ id: res.body.images[0].id }).first();
      expect(row.original_name).not.toContain('/');
      expect(row.original_name).not.toContain('..');
      const page = await agent.get(`/admin/products/${productId}/edit`).set('X-Forwarded-For', ip).expect(200);
      expect(page.text).not.toContain('<img src=x onerror');
      expect(page.text).toContain('&lt;img src=x onerror=alert(1)&gt;.jpg');
      expect(fs.existsSync(path.join(t.dataDir, 'etc'))).toBe(false);
    });

    it('when the no-JS form posts the token as its first field, then the upload succeeds and redirects back', async () => {
      const res = await agent.post(`/admin/products/${productId}/images`).set('X-Forwarded-For', ip)
        .field('_csrf', csrf).field('alt', '无脚本上传').attach('images', fx.read('valid.jpg'), 'nojs.jpg').expect(303);
      expect(res.headers.location).toBe(`/admin/products/${productId}/edit?notice=images#images`);
      expect(await t.runtime.db('product_images').where({ alt: '无脚本上传' }).first()).toBeDefined();
    });
  });
});
