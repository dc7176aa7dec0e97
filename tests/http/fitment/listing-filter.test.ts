import request from 'supertest';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { cardBadge, pickVehicle } from './garage-client';

let t: TestApp;
let baojun2016: string;
beforeAll(async () => {
  t = await createTestApp();
  baojun2016 = await pickVehicle(t.app, { make: 'baojun', model: '730', year: 2016 });
});
afterAll(async () => t.close());

function cardSlugs(html: string): string[] {
  return [...html.matchAll(/<a class="card-link" href="\/p\/([a-z0-9-]+)">/g)].map((m) => m[1]);
}

describe('fits=1 on listings', () => {
  it('when fits=1 is asked for the active 730 2016, then only fitting and universal parts are listed', async () => {
    const res = await request(t.app).get('/products').query({ fits: '1', per_page: '60' }).set('Cookie', baojun2016).expect(200);
    const slugs = cardSlugs(res.text);
    expect(slugs).toContain('baojun-730-tail-light-assembly');
    expect(slugs).toContain('universal-reflective-scratch-cover-sticker');
    expect(slugs).not.toContain('dongfeng-honda-envix-metal-grille-trim');
    expect(slugs).not.toContain('long-sword-hood-rear-window-sticker');
    for (const slug of slugs) expect(['fits', 'universal']).toContain(cardBadge(res.text, slug)?.kind);
    // Every product the database says fits (or is universal) is there, and the count says so.
    const expected = await t.runtime.db('products as p')
      .where('p.status', 'published')
      .andWhere((w) =>
        w
          .where('p.fitment_kind', 'universal')
          .orWhereIn('p.id', t.runtime.db('product_fitments as f').join('vehicle_models as m', 'm.id', 'f.model_id').where('m.slug', '730').andWhere((y) => y.whereNull('f.year_from').orWhere('f.year_from', '<=', 2016)).andWhere((y) => y.whereNull('f.year_to').orWhere('f.year_to', '>=', 2016)).select('f.product_id')),
      )
      .pluck('p.slug');
    expect(slugs.sort()).toEqual(expected.sort());
    expect(res.text).toContain(`共 ${expected.length} 件`);
  });

  it('when fits=1 is combined with a category and the URL vehicle, then the filter form keeps both', async () => {
    const res = await request(t.app).get('/c/tail-lights').query({ make: 'baojun', model: '730', year: '2016', fits: '1' }).expect(200);
    expect(cardSlugs(res.text)).toEqual(expect.arrayContaining(['baojun-730-tail-light-assembly', 'baojun-510-560-730-tail-light-shell']));
    expect(cardSlugs(res.text)).not.toContain('vw-sagitar-2019-rear-tail-light');
    expect(res.text).toContain('name="make" value="baojun"');
    expect(res.text).toContain('data-fits="on"');
  });

  it('when fits=1 is asked with no vehicle, then the listing is unfiltered and asks for a vehicle', async () => {
    const all = await request(t.app).get('/products').expect(200);
    const res = await request(t.app).get('/products').query({ fits: '1' }).expect(200);
    expect(res.text).toContain('data-code="fits_needs_vehicle"');
    expect(/共 (\d+) 件/.exec(res.text)![1]).toBe(/共 (\d+) 件/.exec(all.text)![1]);
  });
});

describe('bad vehicles in listing URLs', () => {
  it.each([
    [{ make: 'xx' }, 'unknown_make'],
    [{ make: 'baojun', model: 'nope' }, 'unknown_model'],
    [{ make: 'baojun', model: '730', year: '2030' }, 'year_out_of_range'],
    [{ make: 'baojun', year: '2016' }, 'year_requires_model'],
  ])('when /products gets %j, then it is a 400 page with the message (%s) and the picker', async (query, code) => {
    const res = await request(t.app).get('/products').query(query).expect(400);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain(`data-code="${code}"`);
    expect(res.text).toContain('class="vehicle-picker"');
  });

  it('when a JSON client sends an unknown make, then the 400 is JSON with the code', async () => {
    const res = await request(t.app).get('/products').query({ make: 'xx' }).set('Accept', 'application/json').expect(400);
    expect(res.body.error).toMatchObject({ status: 400, code: 'unknown_make' });
  });

  it('when the year is not a number, then it is refused as an invalid parameter', async () => {
    const res = await request(t.app).get('/c/tail-lights').query({ make: 'baojun', model: '730', year: 'abc' }).expect(400);
    expect(res.text).toContain('data-code="invalid_parameter"');
  });
});

describe('/api/vehicles', () => {
  it('when the makes are asked for, then 宝骏 is among them with its slug', async () => {
    const res = await request(t.app).get('/api/vehicles/makes').expect(200);
    expect(res.body.makes).toEqual(expect.arrayContaining([expect.objectContaining({ name: '宝骏', slug: 'baojun' })]));
  });

  it('when a make’s models are asked for (by slug or name), then they come with production years', async () => {
    for (const make of ['baojun', '宝骏']) {
      const res = await request(t.app).get('/api/vehicles/models').query({ make }).expect(200);
      expect(res.body.models).toEqual(expect.arrayContaining([{ name: '730', nameEn: expect.any(String), slug: '730', yearFrom: 2014, yearTo: 2021 }]));
    }
  });

  it('when a model’s years are asked for, then they are its production years, newest first', async () => {
    const res = await request(t.app).get('/api/vehicles/years').query({ make: 'baojun', model: '730' }).expect(200);
    expect(res.body.years).toEqual([2021, 2020, 2019, 2018, 2017, 2016, 2015, 2014]);
  });

  it.each([
    ['/api/vehicles/models', { make: 'xx' }, 'unknown_make'],
    ['/api/vehicles/models', {}, 'make_required'],
    ['/api/vehicles/years', { make: 'baojun', model: 'nope' }, 'unknown_model'],
    ['/api/vehicles/years', { make: 'xx', model: '730' }, 'unknown_make'],
    ['/api/vehicles/years', { make: 'baojun' }, 'model_required'],
  ])('when %s gets %j, then it is a JSON 400 with code %s', async (path, query, code) => {
    const res = await request(t.app).get(path).query(query).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body.error).toMatchObject({ status: 400, code });
  });

  it('when a parameter is repeated, then it is a 400 naming it', async () => {
    const res = await request(t.app).get('/api/vehicles/models?make=baojun&make=honda').expect(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_parameter', parameter: 'make' });
  });
});
