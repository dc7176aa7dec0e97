import request from 'supertest';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { bannerOf, garageCookieFrom, pickVehicle } from './garage-client';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const BAOJUN_730_2016 = { make: 'baojun', model: '730', year: 2016 };
const CIVIC_2018 = { make: 'honda', model: 'civic', year: 2018 };

describe('vehicle picker without JavaScript', () => {
  it('when only a make is submitted, then the next page offers that make’s models and keeps the return path', async () => {
    const res = await request(t.app).get('/garage/select').query({ make: 'baojun', model: '', year: '', return: '/c/tail-lights' }).expect(200);
    expect(res.text).toContain('<option value="730">730');
    expect(res.text).toContain('name="return" value="/c/tail-lights"');
    expect(res.text).not.toContain('id="ps-year"');
    expect(garageCookieFrom(res)).toBeUndefined();
  });

  it('when make and model are submitted, then the next page offers the model’s production years only', async () => {
    const res = await request(t.app).get('/garage/select').query({ make: 'baojun', model: '730', return: '/c/tail-lights' }).expect(200);
    const years = [...res.text.matchAll(/<option value="(\d{4})"/g)].map((m) => Number(m[1]));
    expect(years).toContain(2016);
    expect(Math.min(...years)).toBe(2014);
    expect(Math.max(...years)).toBe(2021);
  });

  it('when make, model and year are submitted, then the garage cookie is set and the shopper goes back with a banner', async () => {
    const res = await request(t.app)
      .get('/garage/select')
      .query({ make: 'baojun', model: '730', year: '2016', return: '/c/tail-lights?sort=price_asc' })
      .set('Sec-Fetch-Site', 'same-origin')
      .expect(303);
    expect(res.headers.location).toBe('/c/tail-lights?sort=price_asc');
    const setCookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('qp_garage='))!;
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie.split(';')[0].length).toBeLessThan(200);
    const page = await request(t.app).get('/c/tail-lights').set('Cookie', garageCookieFrom(res)!).expect(200);
    expect(bannerOf(page.text)).toBe('正在为 宝骏 730 (2016款) 选购');
  });

  it('when the year is outside the model’s production years, then it is refused with a clear message and the year step again', async () => {
    const res = await request(t.app).get('/garage/select').query({ make: 'baojun', model: '730', year: '2030' }).expect(400);
    expect(res.text).toContain('data-code="year_out_of_range"');
    expect(res.text).toContain('年份不在730的生产年份内（2014–2021）');
    expect(res.text).toContain('id="ps-year"');
    expect(garageCookieFrom(res)).toBeUndefined();
  });

  it('when the make is unknown, then the picker says so with a 400 and starts over at the make', async () => {
    const res = await request(t.app).get('/garage/select').query({ make: 'no-such-make' }).expect(400);
    expect(res.text).toContain('data-code="unknown_make"');
    expect(res.text).not.toContain('id="ps-model"');
  });

  it('when the return path points off-site, then the redirect stays on this site', async () => {
    for (const evil of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', '/%0d%0aSet-Cookie:x=1']) {
      const res = await request(t.app)
        .get('/garage/select')
        .query({ ...BAOJUN_730_2016, year: '2016', return: evil })
        .set('Sec-Fetch-Site', 'same-origin')
        .expect(303);
      expect(res.headers.location.startsWith('/')).toBe(true);
      expect(res.headers.location.startsWith('//')).toBe(false);
      expect(res.headers.location).not.toContain('evil.example');
      expect(res.headers['set-cookie']?.length).toBe(1);
    }
  });

  it('when the return path escapes only after normalising (dot segments, encoded dots), then neither the redirect nor the back link leaves the site', async () => {
    for (const evil of ['/.//evil.example/phish', '/%2e//evil.example/phish', '/x/..//evil.example/phish', '/./\\evil.example', '/\t/evil.example']) {
      const res = await request(t.app)
        .get('/garage/select')
        .query({ ...BAOJUN_730_2016, year: '2016', return: evil })
        .set('Sec-Fetch-Site', 'same-origin')
        .expect(303);
      expect(new URL(res.headers.location, 'https://shop.example/').host).toBe('shop.example');
      expect(res.headers.location).not.toContain('evil.example');
      // The picker page shows the same path as its back link and in its forms.
      const page = await request(t.app).get('/garage/select').query({ make: 'baojun', return: evil }).expect(200);
      const links = [...page.text.matchAll(/(?:href|value)="([^"]*)"/g)].map((m) => m[1].replace(/&#34;/g, '"').replace(/&amp;/g, '&'));
      expect(links.filter((l) => l.startsWith('/') && new URL(l, 'https://shop.example/').host !== 'shop.example')).toEqual([]);
      expect(page.text).not.toContain('evil.example');
    }
  });

  it('when the final step comes from another site, then a confirmation is shown and nothing is stored', async () => {
    const res = await request(t.app).get('/garage/select').query({ ...BAOJUN_730_2016, year: '2016' }).set('Sec-Fetch-Site', 'cross-site').expect(200);
    expect(garageCookieFrom(res)).toBeUndefined();
    expect(res.text).toContain('宝骏 730 (2016款)');
    expect(res.text).toContain('name="year" value="2016"');
  });
});

describe('my garage', () => {
  it('when two vehicles are added, then the second is active and the garage lists both', async () => {
    const one = await pickVehicle(t.app, BAOJUN_730_2016);
    const two = await pickVehicle(t.app, CIVIC_2018, one);
    const home = await request(t.app).get('/').set('Cookie', two).expect(200);
    expect(bannerOf(home.text)).toBe('正在为 本田 思域 (2018款) 选购');
    const garage = await request(t.app).get('/garage').set('Cookie', two).expect(200);
    expect(garage.text).toContain('宝骏 730 (2016款)');
    expect(garage.text).toContain('本田 思域 (2018款)');
  });

  it('when another vehicle is switched to, then it becomes the active one', async () => {
    const cookie = await pickVehicle(t.app, CIVIC_2018, await pickVehicle(t.app, BAOJUN_730_2016));
    const res = await request(t.app).post('/garage/activate').set('Cookie', cookie).set('Origin', 'http://shop.test').set('Host', 'shop.test').type('form').send({ index: '0', return: '/products' }).expect(303);
    expect(res.headers.location).toBe('/products');
    const page = await request(t.app).get('/products').set('Cookie', garageCookieFrom(res)!).expect(200);
    expect(bannerOf(page.text)).toBe('正在为 宝骏 730 (2016款) 选购');
  });

  it('when the active vehicle is removed, then the remaining one becomes active; clearing empties the garage', async () => {
    const cookie = await pickVehicle(t.app, CIVIC_2018, await pickVehicle(t.app, BAOJUN_730_2016));
    const removed = await request(t.app).post('/garage/remove').set('Cookie', cookie).type('form').send({ index: '1' }).expect(303);
    expect(removed.headers.location).toBe('/garage');
    const after = garageCookieFrom(removed)!;
    expect(bannerOf((await request(t.app).get('/').set('Cookie', after)).text)).toBe('正在为 宝骏 730 (2016款) 选购');
    const cleared = await request(t.app).post('/garage/clear').set('Cookie', after).type('form').send({}).expect(303);
    expect(garageCookieFrom(cleared)).toBe('');
    expect(bannerOf((await request(t.app).get('/').set('Cookie', 'qp_garage=')).text)).toBeNull();
  });

  it('when more than five vehicles are added, then the oldest makes room and the newest is active', async () => {
    const picks = [
      { make: 'baojun', model: '730', year: 2015 },
      { make: 'baojun', model: '730', year: 2016 },
      { make: 'baojun', model: '730', year: 2017 },
      { make: 'baojun', model: '730', year: 2018 },
      { make: 'baojun', model: '730', year: 2019 },
      { make: 'honda', model: 'civic', year: 2018 },
    ];
    let cookie = '';
    for (const p of picks) cookie = await pickVehicle(t.app, p, cookie);
    const garage = await request(t.app).get('/garage').set('Cookie', cookie).expect(200);
    expect((garage.text.match(/class="garage-item/g) ?? []).length).toBe(5);
    expect(garage.text).not.toContain('宝骏 730 (2015款)');
    expect(bannerOf(garage.text)).toBe('正在为 本田 思域 (2018款) 选购');
  });

  it('when the same vehicle is picked twice, then it is stored once', async () => {
    const cookie = await pickVehicle(t.app, BAOJUN_730_2016, await pickVehicle(t.app, BAOJUN_730_2016));
    const garage = await request(t.app).get('/garage').set('Cookie', cookie).expect(200);
    expect((garage.text.match(/class="garage-item/g) ?? []).length).toBe(1);
  });

  it.each([
    ['garbage', 'qp_garage=%%%not-base64'],
    ['bad JSON', `qp_garage=${Buffer.from('{"v":[').toString('base64url')}`],
    ['wrong shape', `qp_garage=${Buffer.from(JSON.stringify({ v: [['baojun', '730', 'x']], a: 0 })).toString('base64url')}`],
    ['too many vehicles', `qp_garage=${Buffer.from(JSON.stringify({ v: Array(6).fill(['baojun', '730', 2016]), a: 0 })).toString('base64url')}`],
    ['unknown model', `qp_garage=${Buffer.from(JSON.stringify({ v: [['baojun', 'nope', 2016]], a: 0 })).toString('base64url')}`],
    ['year out of range', `qp_garage=${Buffer.from(JSON.stringify({ v: [['baojun', '730', 2030]], a: 0 })).toString('base64url')}`],
    ['huge', `qp_garage=${'A'.repeat(3000)}`],
  ])('when the cookie is tampered with (%s), then it is ignored and pages still render', async (_label, cookie) => {
    for (const path of ['/', '/products', '/p/baojun-730-tail-light-assembly', '/garage']) {
      const res = await request(t.app).get(path).set('Cookie', cookie).expect(200);
      expect(bannerOf(res.text)).toBeNull();
    }
  });

  it('when a garage form is posted from another site, then it is refused and the cookie is untouched', async () => {
    const cookie = await pickVehicle(t.app, BAOJUN_730_2016);
    const viaFetchMeta = await request(t.app).post('/garage/clear').set('Cookie', cookie).set('Sec-Fetch-Site', 'cross-site').type('form').send({}).expect(403);
    expect(viaFetchMeta.body.error?.code ?? viaFetchMeta.text).toContain('cross_site');
    expect(garageCookieFrom(viaFetchMeta)).toBeUndefined();
    const viaOrigin = await request(t.app).post('/garage/clear').set('Cookie', cookie).set('Host', 'shop.test').set('Origin', 'https://evil.example').type('form').send({}).expect(403);
    expect(garageCookieFrom(viaOrigin)).toBeUndefined();
  });

  it('when a garage form has a bad index, then it is a 400 naming the parameter', async () => {
    const cookie = await pickVehicle(t.app, BAOJUN_730_2016);
    const res = await request(t.app).post('/garage/activate').set('Cookie', cookie).set('Accept', 'application/json').type('form').send({ index: 'x' }).expect(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_parameter', parameter: 'index' });
  });
});
