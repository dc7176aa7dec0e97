import request from 'supertest';
import { createAdminTestApp, login, type Agent } from './admin-test-kit';
import { searchCaughtUp } from '../../helpers/search-env';
import type { TestApp } from '../../helpers/test-app';

/** Runs on SQLite (embedded engine) and, under DATABASE_URL, on PostgreSQL with the Meilisearch stub. */
describe('categories in the admin', () => {
  let t: TestApp;
  let agent: Agent;
  let csrf: string;
  let ip: string;

  beforeAll(async () => {
    t = await createAdminTestApp();
    ({ agent, csrf, ip } = await login(t));
  });
  afterAll(() => t.close());

  const post = (url: string, form: Record<string, string> = {}) => agent.post(url).set('X-Forwarded-For', ip).type('form').send({ _csrf: csrf, ...form });
  const category = (where: Record<string, unknown>) => t.runtime.db('categories').where(where).first();
  const createCategory = async (name: string, nameEn: string, parentId: number | null = null) => {
    await post('/admin/categories', { name, name_en: nameEn, parent_id: parentId === null ? '' : String(parentId) }).expect(303);
    return category({ name });
  };
  const createProduct = async (title: string, categoryId: number) => {
    const res = await post('/admin/products', {
      title, name_en: '', category_id: String(categoryId), price: '99', compare_at: '', stock: '1', description: '', status: 'published',
      variants: '', specs: '', tags: '', fit_kind: 'universal',
    }).expect(303);
    return Number(/\/admin\/products\/(\d+)\/edit/.exec(res.headers.location)?.[1]);
  };
  const searchIds = async (q: string) => {
    await searchCaughtUp(t.runtime.search);
    const res = await request(t.app).get('/api/search?type=product&q=' + encodeURIComponent(q)).expect(200);
    return res.body.hits.map((h: { id: number }) => h.id) as number[];
  };

  it('when a category holding products is renamed, then search, its page and the product breadcrumb show the new name at once', async () => {
    const cat = await createCategory('旧名称灯罩', 'rename-check');
    const productId = await createProduct('测试商品 甲型号 改名检查', cat.id);
    const product = await t.runtime.db('products').where({ id: productId }).first('slug');
    // Warm the page cache with the old name.
    expect((await request(t.app).get(`/c/${cat.slug}`).expect(200)).text).toContain('旧名称灯罩');
    expect((await request(t.app).get(`/p/${product.slug}`).expect(200)).text).toContain('旧名称灯罩');
    expect(await searchIds('旧名称灯罩')).toContain(productId);

    await post(`/admin/categories/${cat.id}`, { name: '星际氛围饰件', name_en: 'rename-check', parent_id: '' }).expect(303);

    expect(await searchIds('星际氛围饰件')).toContain(productId);
    expect(await searchIds('旧名称灯罩')).not.toContain(productId);
    const page = await request(t.app).get(`/c/${cat.slug}`).expect(200);
    expect(page.text).toContain('星际氛围饰件');
    expect(page.text).not.toContain('旧名称灯罩');
    const detail = await request(t.app).get(`/p/${product.slug}`).expect(200);
    expect(detail.text).toContain('星际氛围饰件');
    const facets = await request(t.app).get('/api/search?type=product&q=' + encodeURIComponent('甲型号 改名检查')).expect(200);
    expect(Object.keys(facets.body.facetDistribution.category ?? {})).toContain(cat.slug);
  });

  it('when a category is moved under another, then it shows there; moving it under itself or its child is refused with a code', async () => {
    const parent = await createCategory('移动父级', 'move-parent');
    const child = await createCategory('移动子级', 'move-child', parent.id);
    const other = await createCategory('移动目标', 'move-target');
    await post(`/admin/categories/${parent.id}`, { name: '移动父级', name_en: 'move-parent', parent_id: String(other.id) }).expect(303);
    expect((await category({ id: parent.id })).parent_id).toBe(other.id);
    const page = await request(t.app).get(`/c/${child.slug}`).expect(200);
    expect(page.text.indexOf('移动目标')).toBeGreaterThan(-1);

    const cycle = await post(`/admin/categories/${other.id}`, { name: '移动目标', name_en: 'move-target', parent_id: String(child.id) }).expect(409);
    expect(cycle.text).toContain('data-code="category_cycle"');
    await post(`/admin/categories/${other.id}`, { name: '移动目标', name_en: 'move-target', parent_id: String(other.id) }).expect(409);
    expect((await category({ id: other.id })).parent_id).toBeNull();
  });

  it('when siblings are reordered, then their positions swap and the storefront order follows', async () => {
    const a = await createCategory('排序甲', 'order-a');
    const b = await createCategory('排序乙', 'order-b');
    await post(`/admin/categories/${b.id}/up`).expect(303);
    const [pa, pb] = [(await category({ id: a.id })).position, (await category({ id: b.id })).position];
    expect(pb).toBeLessThan(pa);
    const list = await agent.get('/admin/categories').set('X-Forwarded-For', ip).expect(200);
    expect(list.text.indexOf('排序乙')).toBeLessThan(list.text.indexOf('排序甲'));
  });

  it('when a category still holds products or subcategories, then deleting it is refused with a message and it stays', async () => {
    const full = await createCategory('有商品的分类', 'has-products');
    await createProduct('删除检查 商品', full.id);
    const refused = await post(`/admin/categories/${full.id}/delete`).expect(409);
    expect(refused.text).toContain('data-code="category_not_empty"');
    expect(await category({ id: full.id })).toBeDefined();

    const parent = await createCategory('有子分类的分类', 'has-children');
    await createCategory('子分类一', 'has-children-1', parent.id);
    const json = await agent.post(`/admin/categories/${parent.id}/delete`).set('X-Forwarded-For', ip).set('Accept', 'application/json').type('form').send({ _csrf: csrf }).expect(409);
    expect(json.body.error.code).toBe('category_has_children');

    const empty = await createCategory('空分类', 'empty-one');
    await post(`/admin/categories/${empty.id}/delete`).expect(303);
    expect(await category({ id: empty.id })).toBeUndefined();
  });

  it('when the form is invalid or the category unknown, then a 4xx with a code comes back and nothing changes', async () => {
    const before = Number((await t.runtime.db('categories').count({ n: '*' }).first())?.n);
    const blank = await post('/admin/categories', { name: '  ', name_en: '', parent_id: '' }).expect(422);
    expect(blank.text).toContain('data-code="validation_failed"');
    await post('/admin/categories', { name: '坏父级', name_en: '', parent_id: 'abc' }).expect(422);
    await post('/admin/categories', { name: '缺父级', name_en: '', parent_id: '999999' }).expect(404);
    await post('/admin/categories/999999/delete').expect(404);
    expect(Number((await t.runtime.db('categories').count({ n: '*' }).first())?.n)).toBe(before);
  });
});
