import request from 'supertest';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { cardBadge, pickVehicle } from './garage-client';

let t: TestApp;
beforeAll(async () => {
  // Absolute URLs come from PUBLIC_URL (never the Host header these tests also send).
  t = await createTestApp({ env: { PUBLIC_URL: 'http://shop.test' } });
});
afterAll(async () => t.close());

const TAIL_LIGHT_TITLE = '适用于宝骏730后尾灯总成14-21款转向刹车灯后组合灯倒车灯罩改装';

describe('vehicle landing pages', () => {
  it('when /vehicles/baojun/730 is opened, then it lists the seed tail light under its category, with breadcrumbs', async () => {
    const res = await request(t.app).get('/vehicles/baojun/730').set('Host', 'shop.test').expect(200);
    expect(res.text).toContain('href="/p/baojun-730-tail-light-assembly"');
    expect(res.text).toContain(TAIL_LIGHT_TITLE);
    expect(res.text).toMatch(/<h2 id="vg-\d+"><a href="\/c\/tail-lights">尾灯<\/a>/);
    expect(res.text).toContain('<nav class="breadcrumbs"');
    expect(res.text).toContain('<a href="/vehicles/baojun">宝骏</a>');
    expect(res.text).toContain('<span aria-current="page">730</span>');
    expect(res.text).toContain('<link rel="canonical" href="http://shop.test/vehicles/baojun/730">');
    const blocks = [...res.text.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
    const crumbs = blocks.find((b) => b['@type'] === 'BreadcrumbList');
    expect(crumbs.itemListElement.map((i: { name: string }) => i.name)).toEqual(['首页', '按车型选购', '宝骏', '730']);
  });

  it('when the landing page lists parts, then it lists no part of another model', async () => {
    const res = await request(t.app).get('/vehicles/baojun/730').expect(200);
    expect(res.text).not.toContain('href="/p/dongfeng-honda-envix-metal-grille-trim"');
    expect(res.text).not.toContain('href="/p/universal-reflective-scratch-cover-sticker"');
  });

  it('when the shopper’s active car is this model, then the badges use their year', async () => {
    const cookie = await pickVehicle(t.app, { make: 'baojun', model: '730', year: 2016 });
    const res = await request(t.app).get('/vehicles/baojun/730').set('Cookie', cookie).expect(200);
    expect(cardBadge(res.text, 'baojun-730-tail-light-assembly')).toEqual({ kind: 'fits', label: '适配 ✓' });
  });

  it('when the URL uses the Chinese make name, then it redirects to the slug URL', async () => {
    const res = await request(t.app).get(`/vehicles/${encodeURIComponent('宝骏')}/730`).expect(301);
    expect(res.headers.location).toBe('/vehicles/baojun/730');
  });

  it.each(['/vehicles/no-such-make', '/vehicles/baojun/no-such-model', '/vehicles/xx/730'])('when %s is opened, then it is a 404', async (path) => {
    await request(t.app).get(path).expect(404);
  });

  it('when a make page is opened, then it lists the make’s models with links and part counts', async () => {
    const res = await request(t.app).get('/vehicles/baojun').expect(200);
    expect(res.text).toMatch(/<a href="\/vehicles\/baojun\/730">730<\/a> <span class="count">2014–2021款[^<]* · [1-9]\d* 件配件<\/span>/);
    const index = await request(t.app).get('/vehicles').expect(200);
    expect(index.text).toContain('href="/vehicles/baojun"');
  });

  it('when the sitemap is read, then it has the landing pages of vehicles with parts', async () => {
    const res = await request(t.app).get('/sitemap.xml').set('Host', 'shop.test').expect(200);
    expect(res.text).toContain('<loc>http://shop.test/vehicles/baojun/730</loc>');
    expect(res.text).toContain('<loc>http://shop.test/vehicles/baojun</loc>');
    expect(res.text).not.toContain('<loc>http://shop.test/vehicles/baojun/rm-5</loc>');
  });

  it('when the landing page offers “I drive this car”, then the picker continues at the year step', async () => {
    const page = await request(t.app).get('/vehicles/baojun/730').expect(200);
    expect(page.text).toContain('<form class="vehicle-choose" method="get" action="/garage/select">');
    const next = await request(t.app).get('/garage/select').query({ make: 'baojun', model: '730', return: '/vehicles/baojun/730' }).expect(200);
    expect(next.text).toContain('id="ps-year"');
    expect(next.text).toContain('name="return" value="/vehicles/baojun/730"');
  });
});
