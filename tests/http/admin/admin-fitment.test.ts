import request from 'supertest';
import { createAdminTestApp, login, type Agent } from './admin-test-kit';
import { searchCaughtUp } from '../../helpers/search-env';
import type { TestApp } from '../../helpers/test-app';

describe('fitment in the admin product form', () => {
  let t: TestApp;
  let agent: Agent;
  let csrf: string;
  let ip: string;
  let ids: { baojun: number; m730: number; m560: number; honda: number; civic: number };

  beforeAll(async () => {
    t = await createAdminTestApp();
    ({ agent, csrf, ip } = await login(t));
    const db = t.runtime.db;
    const make = async (slug: string) => Number((await db('vehicle_makes').where({ slug }).first('id')).id);
    const model = async (makeId: number, name: string) => Number((await db('vehicle_models').where({ make_id: makeId, name }).first('id')).id);
    const baojun = await make('baojun');
    const honda = await make('honda');
    ids = { baojun, m730: await model(baojun, '730'), m560: await model(baojun, '560'), honda, civic: await model(honda, '思域') };
  });
  afterAll(() => t.close());

  const post = (url: string, form: Record<string, string>) => agent.post(url).set('X-Forwarded-For', ip).type('form').send({ _csrf: csrf, ...form });
  const get = (url: string) => agent.get(url).set('X-Forwarded-For', ip);
  const base = (over: Record<string, string> = {}) => ({
    title: '适用于宝骏730后尾灯总成14-21款 测试款', name_en: '', category_id: '', price: '199', compare_at: '', stock: '3',
    description: '', status: 'published', variants: '', specs: '', tags: '', ...over,
  });
  const idFrom = (location: string) => Number(/\/admin\/products\/(\d+)\/edit/.exec(location)?.[1]);
  const fitRows = (productId: number) =>
    t.runtime.db('product_fitments').where({ product_id: productId }).orderBy('id').select('make_id', 'model_id', 'year_from', 'year_to', 'position', 'source');
  const product = (productId: number) => t.runtime.db('products').where({ id: productId }).first('fitment_kind', 'fitment_confirmed', 'fitment_spec', 'slug');
  const confirmed = (v: unknown) => v === true || Number(v) === 1;

  it('when "suggest from title" is pressed without JavaScript, then the form re-renders with the parsed rows selected and nothing is saved', async () => {
    const before = Number((await t.runtime.db('products').count({ n: '*' }).first())?.n);
    const res = await post('/admin/products', { ...base(), action: 'suggest', fit_kind: 'auto' }).expect(200);
    expect(res.text).toMatch(new RegExp(`name="fit_make_0"[\\s\\S]*?<option value="${ids.baojun}" selected>`));
    expect(res.text).toMatch(new RegExp(`name="fit_model_0"[\\s\\S]*?<option value="${ids.m730}" selected>`));
    expect(res.text).toMatch(/name="fit_from_0"[^>]*value="2014"/);
    expect(res.text).toMatch(/name="fit_to_0"[^>]*value="2021"/);
    expect(res.text).toMatch(/name="fit_pos_0"[\s\S]*?<option value="后" selected>/);
    expect(res.text).toMatch(/<option value="vehicle" selected>/);
    expect(res.text).toContain('value="适用于宝骏730后尾灯总成14-21款 测试款"');
    expect(Number((await t.runtime.db('products').count({ n: '*' }).first())?.n)).toBe(before);
  });

  it('when the JSON suggestion is asked for, then it gives the same rows; a too-long title is a 400 with a code', async () => {
    const res = await get('/admin/fitment/suggest?title=' + encodeURIComponent('十代思域 前唇')).set('Accept', 'application/json').expect(200);
    expect(res.body).toMatchObject({ kind: 'vehicle', rows: [{ make: String(ids.honda), model: String(ids.civic), from: '2016', to: '2021', pos: '前' }] });
    const bad = await get('/admin/fitment/suggest?title=' + 'x'.repeat(301)).set('Accept', 'application/json').expect(400);
    expect(bad.body.error.code).toBe('invalid_title');
  });

  it('when a new product is saved with fitment left on auto, then the title fitment is stored unconfirmed and the list filters it', async () => {
    const res = await post('/admin/products', { ...base({ title: '宝骏560 雾灯框 自动解析测试' }), fit_kind: 'auto' }).expect(303);
    const id = idFrom(res.headers.location);
    expect(await fitRows(id)).toEqual([{ make_id: ids.baojun, model_id: ids.m560, year_from: null, year_to: null, position: null, source: 'title' }]);
    expect(confirmed((await product(id)).fitment_confirmed)).toBe(false);
    const list = await get('/admin/products?fitment=unconfirmed').expect(200);
    expect(list.text).toContain('宝骏560 雾灯框 自动解析测试');
    expect(list.text).toContain('data-fit-state="unconfirmed"');
    const edit = await get(`/admin/products/${id}/edit`).expect(200);
    expect(edit.text).toContain('data-fit-unconfirmed');
  });

  it('when the admin edits the rows and saves, then manual rows replace the parsed ones, it is confirmed and search finds it by the new model', async () => {
    const created = await post('/admin/products', { ...base({ title: '宝骏730 脚垫 确认测试 甲乙丙' }), fit_kind: 'auto' }).expect(303);
    const id = idFrom(created.headers.location);
    await post(`/admin/products/${id}`, {
      ...base({ title: '宝骏730 脚垫 确认测试 甲乙丙' }), fit_kind: 'vehicle',
      fit_make_0: String(ids.baojun), fit_model_0: String(ids.m730), fit_from_0: '2016', fit_to_0: '2019', fit_pos_0: '',
      fit_make_1: String(ids.honda), fit_model_1: String(ids.civic), fit_from_1: '', fit_to_1: '', fit_pos_1: '前',
      fit_make_2: String(ids.baojun), fit_model_2: String(ids.m560), fit_del_2: '1',
    }).expect(303);
    expect(await fitRows(id)).toEqual([
      { make_id: ids.baojun, model_id: ids.m730, year_from: 2016, year_to: 2019, position: null, source: 'manual' },
      { make_id: ids.honda, model_id: ids.civic, year_from: null, year_to: null, position: '前', source: 'manual' },
    ]);
    expect(confirmed((await product(id)).fitment_confirmed)).toBe(true);
    await searchCaughtUp(t.runtime.search);
    const search = await request(t.app).get('/api/search?type=product&q=' + encodeURIComponent('确认测试 甲乙丙') + '&make=honda&model=civic').expect(200);
    expect(search.body.hits.map((h: { id: number }) => h.id)).toContain(id);
    const list = await get('/admin/products?fitment=unconfirmed').expect(200);
    expect(list.text).not.toContain('确认测试 甲乙丙');
  });

  it('when the admin sets universal or spec, then the kind is stored with no rows and the unknown filter lists unknown ones only', async () => {
    const uni = idFrom((await post('/admin/products', { ...base({ title: '通用座垫 规格测试一' }), fit_kind: 'universal' }).expect(303)).headers.location);
    const spec = idFrom((await post('/admin/products', { ...base({ title: '充电器 规格测试二' }), fit_kind: 'spec', fit_volts: '24, 12' }).expect(303)).headers.location);
    const unk = idFrom((await post('/admin/products', { ...base({ title: '宝骏730 规格测试三' }), fit_kind: 'unknown' }).expect(303)).headers.location);
    expect(await product(uni)).toMatchObject({ fitment_kind: 'universal' });
    expect(await product(spec)).toMatchObject({ fitment_kind: 'spec', fitment_spec: JSON.stringify({ voltage: [12, 24] }) });
    expect(await product(unk)).toMatchObject({ fitment_kind: 'unknown' });
    expect(await fitRows(unk)).toEqual([]);
    const list = await get('/admin/products?fitment=unknown').expect(200);
    expect(list.text).toContain('宝骏730 规格测试三');
    expect(list.text).not.toContain('通用座垫 规格测试一');
  });

  it('when a fitment row is invalid, then the form re-renders with 422 and a fitment message, and nothing is written', async () => {
    const before = Number((await t.runtime.db('products').count({ n: '*' }).first())?.n);
    const wrongModel = await post('/admin/products', { ...base(), fit_kind: 'vehicle', fit_make_0: String(ids.honda), fit_model_0: String(ids.m730) }).expect(422);
    expect(wrongModel.text).toContain('id="err-fitment"');
    await post('/admin/products', { ...base(), fit_kind: 'vehicle', fit_make_0: String(ids.baojun), fit_from_0: '2021', fit_to_0: '2014' }).expect(422);
    await post('/admin/products', { ...base(), fit_kind: 'spec', fit_volts: '13' }).expect(422);
    await post('/admin/products', { ...base(), fit_kind: 'vehicle' }).expect(422);
    await post('/admin/products', { ...base(), fit_kind: 'sideways' }).expect(422);
    expect(Number((await t.runtime.db('products').count({ n: '*' }).first())?.n)).toBe(before);
  });

  it('when "add row" is pressed, then the form comes back with two empty rows and the kind set to vehicles', async () => {
    const res = await post('/admin/products', { ...base(), action: 'add_row', fit_kind: 'auto', fit_make_0: String(ids.baojun) }).expect(200);
    expect(res.text).toContain('name="fit_make_2"');
    expect(res.text).not.toContain('name="fit_make_3"');
    expect(res.text).toMatch(/<option value="vehicle" selected>/);
  });

  it('when a product has more vehicle rows than the form holds, then the form offers to keep them and saving loses none', async () => {
    const id = idFrom((await post('/admin/products', { ...base({ title: '多车型 保留测试' }), fit_kind: 'unknown' }).expect(303)).headers.location);
    const rows = Array.from({ length: 40 }, (_, i) => ({ product_id: id, make_id: ids.baojun, model_id: ids.m730, year_from: 1990 + i, year_to: 1990 + i, position: null, note: '', source: 'manual' }));
    await t.runtime.db('product_fitments').insert(rows);
    await t.runtime.db('products').where({ id }).update({ fitment_kind: 'vehicle' });
    const edit = await get(`/admin/products/${id}/edit`).expect(200);
    expect(edit.text).toMatch(/<option value="keep" selected>/);
    await post(`/admin/products/${id}`, { ...base({ title: '多车型 保留测试 改名' }), fit_kind: 'keep' }).expect(303);
    expect((await fitRows(id)).length).toBe(40);
    expect(await t.runtime.db('products').where({ id }).first('title')).toEqual({ title: '多车型 保留测试 改名' });
  });
});
