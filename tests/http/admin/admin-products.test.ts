import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { photo } from '../../fixtures/uploads/make-fixtures';
import { createAdminTestApp, login, mediaFiles, type Agent } from './admin-test-kit';
import type { TestApp } from '../../helpers/test-app';

const SCRIPT = '<script>alert(1)</script>';
const ATTR = '"><img src=x onerror=alert(2)>';

describe('product editing', () => {
  let t: TestApp;
  let agent: Agent;
  let csrf: string;
  let ip: string;
  let categoryId: number;
  const images = { jpg: Buffer.alloc(0), png: Buffer.alloc(0), webp: Buffer.alloc(0) };

  beforeAll(async () => {
    t = await createAdminTestApp();
    ({ agent, csrf, ip } = await login(t));
    categoryId = (await t.runtime.db('categories').where({ slug: 'tail-lights' }).first('id')).id;
    images.jpg = await (await photo(400, 300)).jpeg().toBuffer();
    images.png = await (await photo(300, 200)).png().toBuffer();
    images.webp = await (await photo(200, 200)).webp().toBuffer();
  });
  afterAll(() => t.close());

  const post = (url: string, form: Record<string, string>) =>
    agent.post(url).set('X-Forwarded-For', ip).type('form').send({ _csrf: csrf, ...form });

  const validForm = (over: Record<string, string> = {}) => ({
    title: '五菱宏光 LED 尾灯总成', name_en: 'Wuling Hongguang LED tail light', category_id: String(categoryId), price: '268.00',
    compare_at: '320', stock: '12', description: '原厂尺寸，直接替换。\n带流水转向。', status: 'published', featured: '1',
    variants: '左 | 268 | 5\n右 | 268 | 5\n一对 | 499.5 | 2', specs: '电压 | 12V\n材质 | PC 灯罩', tags: '尾灯, 五菱，LED',
    ...over,
  });

  it('when a complete product form is posted, then the product, variants, specs and tags are stored and it shows on the storefront', async () => {
    const res = await post('/admin/products', validForm({ variants: '左 | 268 | 5\n右 | 268 | 5 | WL-TL-R\n一对 | 499.5 | 2' })).expect(303);
    const id = Number(/\/admin\/products\/(\d+)\/edit/.exec(res.headers.location)?.[1]);
    const row = await t.runtime.db('products').where({ id }).first();
    expect(row).toMatchObject({ title: '五菱宏光 LED 尾灯总成', price_fen: 26800, compare_at_fen: 32000, stock: 12, status: 'published', category_id: categoryId });
    const variants = await t.runtime.db('product_variants').where({ product_id: id }).orderBy('position');
    expect(variants.map((v) => [v.label, v.price_fen, v.stock])).toEqual([['左', 26800, 5], ['右', 26800, 5], ['一对', 49950, 2]]);
    expect(variants[1].sku).toBe('WL-TL-R');
    const tags = await t.runtime.db('tags as t').join('product_tags as pt', 'pt.tag_id', 't.id').where('pt.product_id', id).pluck('t.name');
    expect(tags.sort()).toEqual(['LED', '五菱', '尾灯'].sort());
    const page = await request(t.app).get(`/p/${row.slug}`).expect(200);
    expect(page.text).toContain('五菱宏光 LED 尾灯总成');
    expect(page.text).toContain('PC 灯罩');
  });

  it('when the form has errors, then it re-renders with 422, Chinese messages and every value kept', async () => {
    const before = await t.runtime.db('products').count({ n: '*' }).first();
    const res = await post('/admin/products', validForm({ title: '  ', price: '12.345', stock: '-1', variants: '坏行', name_en: 'Keep me <b>' })).expect(422);
    expect(res.text).toContain('data-code="validation_failed"');
    expect(res.text).toContain('id="err-title"');
    expect(res.text).toContain('id="err-price"');
    expect(res.text).toContain('id="err-stock"');
    expect(res.text).toContain('第 1 行格式应为');
    expect(res.text).toContain('value="12.345"');
    expect(res.text).toContain('value="Keep me &lt;b&gt;"');
    expect(res.text).toContain('原厂尺寸，直接替换。');
    expect(await t.runtime.db('products').count({ n: '*' }).first()).toEqual(before);
  });

  it('when a variant SKU already belongs to another product, then the form says so and nothing is written', async () => {
    const taken = (await t.runtime.db('product_variants').first('sku')).sku;
    const res = await post('/admin/products', validForm({ title: 'SKU 冲突测试', variants: `单个 | 10 | 1 | ${taken}` })).expect(422);
    expect(res.text).toContain('id="err-variants"');
    expect(await t.runtime.db('products').where({ title: 'SKU 冲突测试' }).first()).toBeUndefined();
  });

  it('when a product is edited, unpublished and published again, then the storefront follows each step', async () => {
    const res = await post('/admin/products', validForm({ title: '编辑测试商品', name_en: 'Edit test product' })).expect(303);
    const id = Number(/\/admin\/products\/(\d+)\/edit/.exec(res.headers.location)?.[1]);
    const { slug } = await t.runtime.db('products').where({ id }).first('slug');
    const edit = await agent.get(`/admin/products/${id}/edit`).set('X-Forwarded-For', ip).expect(200);
    expect(edit.text).toContain('左 | 268.00 | 5 | ');
    await post(`/admin/products/${id}`, validForm({ title: '编辑后的标题', name_en: 'Edit test product', price: '99' })).expect(303);
    expect((await request(t.app).get(`/p/${slug}`).expect(200)).text).toContain('编辑后的标题');
    await post(`/admin/products/${id}/unpublish`, {}).expect(303);
    await request(t.app).get(`/p/${slug}`).expect(404);
    await post(`/admin/products/${id}/publish`, {}).expect(303);
    await request(t.app).get(`/p/${slug}`).expect(200);
  });

  it('when a product with images is deleted, then its rows and all its media files are gone', async () => {
    const res = await post('/admin/products', validForm({ title: '待删除商品', variants: '' })).expect(303);
    const id = Number(/\/admin\/products\/(\d+)\/edit/.exec(res.headers.location)?.[1]);
    const mediaBefore = mediaFiles(t);
    await agent.post(`/admin/products/${id}/images`).set('X-Forwarded-For', ip).set('Accept', 'application/json').set('X-CSRF-Token', csrf)
      .field('alt', '图').attach('images', images.jpg, 'a.jpg').attach('images', images.png, 'b.png').expect(201);
    expect(mediaFiles(t).length).toBeGreaterThan(mediaBefore.length);
    await post(`/admin/products/${id}/delete`, {}).expect(303);
    expect(await t.runtime.db('products').where({ id }).first()).toBeUndefined();
    expect(await t.runtime.db('product_images').where({ product_id: id }).first()).toBeUndefined();
    expect(mediaFiles(t)).toEqual(mediaBefore);
  });

  it('when images are reordered, made cover, re-described and deleted, then positions stay 0..n-1 and deleted files disappear', async () => {
    const res = await post('/admin/products', validForm({ title: '图片管理测试', variants: '' })).expect(303);
    const id = Number(/\/admin\/products\/(\d+)\/edit/.exec(res.headers.location)?.[1]);
    const up = await agent.post(`/admin/products/${id}/images`).set('X-Forwarded-For', ip).set('Accept', 'application/json').set('X-CSRF-Token', csrf)
      .field('alt', 'A').field('alt', 'B').field('alt', 'C')
      .attach('images', images.jpg, 'a.jpg').attach('images', images.png, 'b.png').attach('images', images.webp, 'c.webp').expect(201);
    const [a, b, c] = up.body.images.map((i: { id: number }) => i.id);
    const order = async () => (await t.runtime.db('product_images').where({ product_id: id }).orderBy('position').select('id', 'position')).map((r) => r.id);

    await post(`/admin/products/${id}/images/${c}/move`, { dir: 'cover' }).expect(303);
    expect(await order()).toEqual([c, a, b]);
    await post(`/admin/products/${id}/images/${a}/move`, { dir: 'down' }).expect(303);
    expect(await order()).toEqual([c, b, a]);
    await agent.post(`/admin/products/${id}/images/order`).set('X-Forwarded-For', ip).set('Accept', 'application/json').set('X-CSRF-Token', csrf)
      .type('form').send({ order: `${a},${b},${c}` }).expect(200);
    expect(await order()).toEqual([a, b, c]);
    const stale = await agent.post(`/admin/products/${id}/images/order`).set('X-Forwarded-For', ip).set('Accept', 'application/json')
      .set('X-CSRF-Token', csrf).type('form').send({ order: `${a},${b}` });
    expect(stale.status).toBe(409);

    await post(`/admin/products/${id}/images/${b}/alt`, { alt: '新的替代文字' }).expect(303);
    expect((await t.runtime.db('product_images').where({ id: b }).first('alt')).alt).toBe('新的替代文字');
    const emptyAlt = await agent.post(`/admin/products/${id}/images/${b}/alt`).set('X-Forwarded-For', ip).set('Accept', 'application/json')
      .type('form').send({ _csrf: csrf, alt: ' ' });
    expect(emptyAlt.body.error.code).toBe('alt_required');

    const keys = JSON.parse((await t.runtime.db('product_images').where({ id: a }).first('variants')).variants).map((v: { key: string }) => v.key);
    await post(`/admin/products/${id}/images/${a}/delete`, {}).expect(303);
    expect(await order()).toEqual([b, c]);
    expect((await t.runtime.db('product_images').where({ product_id: id }).orderBy('position').pluck('position'))).toEqual([0, 1]);
    for (const key of keys) expect(fs.existsSync(path.join(t.dataDir, 'media', key))).toBe(false);
  });

  it('when every admin field holds markup, then the storefront and the admin pages render it inert', async () => {
    const res = await post('/admin/products', validForm({
      title: `标题${SCRIPT}${ATTR}`, name_en: `Name ${SCRIPT}${ATTR}`, description: `详情${SCRIPT}\n${ATTR}`,
      variants: `规格${SCRIPT} | 10 | 1`, specs: `参数${ATTR} | 值${SCRIPT}`, tags: `标签${SCRIPT}`, featured: '1',
    })).expect(303);
    const id = Number(/\/admin\/products\/(\d+)\/edit/.exec(res.headers.location)?.[1]);
    const { slug } = await t.runtime.db('products').where({ id }).first('slug');
    expect(slug).toMatch(/^[a-z0-9-]+$/);
    const pages = [
      (await request(t.app).get(`/p/${slug}`).expect(200)).text,
      (await request(t.app).get('/products?sort=newest').expect(200)).text,
      (await request(t.app).get('/').expect(200)).text,
      (await agent.get(`/admin/products/${id}/edit`).set('X-Forwarded-For', ip).expect(200)).text,
      (await agent.get('/admin/products').set('X-Forwarded-For', ip).expect(200)).text,
    ];
    for (const html of pages) {
      expect(html).not.toContain(SCRIPT);
      expect(html).not.toContain('<img src=x onerror');
      expect(html).toMatch(/&lt;script&gt;alert\(1\)&lt;\/script&gt;|\\u003cscript\\u003e/);
    }
    expect(pages[0]).toContain('&#34;&gt;&lt;img src=x onerror=alert(2)&gt;');
  });
});
