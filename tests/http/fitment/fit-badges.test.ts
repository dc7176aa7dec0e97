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

const TAIL_LIGHT = 'baojun-730-tail-light-assembly';
const HONDA_GRILLE = 'dongfeng-honda-envix-metal-grille-trim';
const UNIVERSAL = 'universal-reflective-scratch-cover-sticker';
const CHARGER = 'smart-battery-charger-12v-24v';
const UNKNOWN = 'long-sword-hood-rear-window-sticker';

/** Every product card of the full catalogue (two pages of 60). */
async function allCards(cookie: string): Promise<string> {
  const pages = await Promise.all(['1', '2'].map((page) => request(t.app).get('/products').query({ per_page: '60', page }).set('Cookie', cookie).expect(200)));
  return pages.map((p) => p.text).join('\n');
}

function fitBox(html: string): { status: string; kind: string; text: string } {
  const m = /<p class="fit-message" data-fit-status="([a-z_]+)" data-fit-kind="([a-z]+)">([\s\S]*?)<\/p>/.exec(html);
  if (!m) throw new Error('no fit box on the page');
  return { status: m[1], kind: m[2], text: m[3] };
}

describe('fit badges on listing cards', () => {
  it('when 宝骏 730 2016 is active, then each kind of product shows its state', async () => {
    const html = await allCards(baojun2016);
    expect(cardBadge(html, TAIL_LIGHT)).toEqual({ kind: 'fits', label: '适配 ✓' });
    expect(cardBadge(html, HONDA_GRILLE)).toEqual({ kind: 'no_fit', label: '不适配' });
    expect(cardBadge(html, UNIVERSAL)).toEqual({ kind: 'universal', label: '通用' });
    expect(cardBadge(html, CHARGER)).toEqual({ kind: 'universal', label: '按电压适配 12V/24V' });
    expect(cardBadge(html, UNKNOWN)).toEqual({ kind: 'unknown', label: '未知' });
  });

  it('when no vehicle is chosen, then only universal and spec parts carry a badge', async () => {
    const html = await allCards('');
    expect(cardBadge(html, TAIL_LIGHT)).toBeNull();
    expect(cardBadge(html, HONDA_GRILLE)).toBeNull();
    expect(cardBadge(html, UNKNOWN)).toBeNull();
    expect(cardBadge(html, UNIVERSAL)).toEqual({ kind: 'universal', label: '通用' });
    expect(cardBadge(html, CHARGER)?.kind).toBe('universal');
  });

  it('when the listing URL names a vehicle, then badges speak for that vehicle (rows covering every year fit without a year)', async () => {
    const anyYear = await request(t.app).get('/c/tail-lights').query({ make: 'baojun', model: '730' }).expect(200);
    expect(cardBadge(anyYear.text, TAIL_LIGHT)?.kind).toBe('fits');
    const civic = await request(t.app).get('/c/tail-lights').query({ make: 'honda', model: 'civic', year: '2018' }).expect(200);
    expect(cardBadge(civic.text, TAIL_LIGHT)?.kind).toBe('no_fit');
  });

  it('when the home page is shown with a vehicle active, then its cards carry badges too', async () => {
    const home = await request(t.app).get('/').set('Cookie', baojun2016).expect(200);
    expect(home.text).toMatch(/class="fit-badge fit-(fits|no_fit|universal|unknown)"/);
  });
});

describe('the product page fit box', () => {
  it('when 宝骏 730 2016 is active, then the tail light says it fits and lists its vehicles', async () => {
    const page = await request(t.app).get(`/p/${TAIL_LIGHT}`).set('Cookie', baojun2016).expect(200);
    const box = fitBox(page.text);
    expect(box).toMatchObject({ status: 'fits', kind: 'vehicle' });
    expect(box.text).toContain('适配你的 宝骏 730 (2016款)');
    expect(page.text).toContain('<caption>适用车型</caption>');
    expect(page.text).toContain('<a href="/vehicles/baojun/730">730</a>');
    expect(page.text).toContain('2014–2021款');
  });

  it('when 宝骏 730 2016 is active, then a 本田 part says it does not fit', async () => {
    const page = await request(t.app).get(`/p/${HONDA_GRILLE}`).set('Cookie', baojun2016).expect(200);
    expect(fitBox(page.text)).toMatchObject({ status: 'no_fit', kind: 'vehicle' });
    expect(page.text).toContain('<a href="/vehicles/honda">本田</a>');
  });

  it.each([
    [UNIVERSAL, 'universal', 'universal'],
    [CHARGER, 'spec', 'spec'],
    [UNKNOWN, 'unknown', 'unknown'],
  ])('when %s is opened with a vehicle active, then the box states its kind (%s)', async (slug, kind, status) => {
    const page = await request(t.app).get(`/p/${slug}`).set('Cookie', baojun2016).expect(200);
    expect(fitBox(page.text)).toMatchObject({ kind, status });
    expect(page.text).not.toContain('<caption>适用车型</caption>');
  });

  it('when no vehicle is chosen, then a vehicle-specific part invites the shopper to pick one', async () => {
    const page = await request(t.app).get(`/p/${TAIL_LIGHT}`).expect(200);
    expect(fitBox(page.text).status).toBe('unknown');
    expect(page.text).toContain(`href="/garage/select?return=%2Fp%2F${TAIL_LIGHT}"`);
  });

  it('when a product lists vehicles, then its JSON-LD names them in isAccessoryOrSparePartFor', async () => {
    const page = await request(t.app).get(`/p/${TAIL_LIGHT}`).expect(200);
    const blocks = [...page.text.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
    const product = blocks.find((b) => b['@type'] === 'Product');
    expect(product.isAccessoryOrSparePartFor).toEqual([
      { '@type': 'Car', name: '宝骏 730', brand: { '@type': 'Brand', name: '宝骏' }, model: '730', vehicleModelDate: '2014/2021' },
    ]);
    const universal = await request(t.app).get(`/p/${UNIVERSAL}`).expect(200);
    expect(universal.text).not.toContain('isAccessoryOrSparePartFor');
  });
});

describe('cached pages and other consumers', () => {
  it('when the same page is requested with different garages, then each shopper sees their own fit', async () => {
    const civic = await pickVehicle(t.app, { make: 'honda', model: 'civic', year: 2018 });
    const url = `/p/${TAIL_LIGHT}`;
    for (let round = 0; round < 2; round++) {
      expect(fitBox((await request(t.app).get(url).set('Host', 'shop.test').set('Cookie', baojun2016).expect(200)).text).status).toBe('fits');
      expect(fitBox((await request(t.app).get(url).set('Host', 'shop.test').set('Cookie', civic).expect(200)).text).status).toBe('no_fit');
      expect(fitBox((await request(t.app).get(url).set('Host', 'shop.test').expect(200)).text).status).toBe('unknown');
    }
  });

  it('when search asks for fits flags and document fields, then they agree with the badges', async () => {
    const ids = new Map<string, number>();
    for (const slug of [TAIL_LIGHT, HONDA_GRILLE, UNIVERSAL]) ids.set(slug, (await t.runtime.db('products').where({ slug }).first('id')).id);
    const vehicle = await t.runtime.fitment.resolve({ make: 'baojun', model: '730', year: 2016 });
    const flags = await t.runtime.fitment.fitsFlags([...ids.values()], vehicle);
    expect(flags.get(ids.get(TAIL_LIGHT)!)).toBe(true);
    expect(flags.get(ids.get(HONDA_GRILLE)!)).toBe(false);
    expect(flags.get(ids.get(UNIVERSAL)!)).toBeNull();
    const fields = await t.runtime.fitment.searchFields([...ids.values()]);
    expect(fields.get(ids.get(TAIL_LIGHT)!)).toEqual({ vehicles: [{ make: '宝骏', model: '730', yearFrom: 2014, yearTo: 2021 }], universal: false });
    expect(fields.get(ids.get(UNIVERSAL)!)).toEqual({ vehicles: [], universal: true });
  });
});
