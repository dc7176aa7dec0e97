import request from 'supertest';
import { articlesForVehicle } from '../../../src/news';
import { createTestApp, type TestApp } from '../../helpers/test-app';

const TAIL_LIGHT_ARTICLE = '/news/tail-light-modification-rules';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

function relatedSection(html: string): string {
  return /<section aria-labelledby="va-h">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
}

async function create(input: { title: string; tags: string; status?: string; publishedAt?: string }): Promise<string> {
  const res = await t.runtime.news.createArticle({ body: '<p>车型资讯正文。</p>', status: 'published', ...input });
  if (!res.ok) throw new Error(JSON.stringify(res.errors));
  return `/news/${res.slug}`;
}

describe('articles on vehicle pages', () => {
  it('when /vehicles/baojun/730 is opened, then the seeded article tagged 宝骏730 is listed under 相关资讯', async () => {
    const res = await request(t.app).get('/vehicles/baojun/730').expect(200);
    const section = relatedSection(res.text);
    expect(section).toContain('<h2 id="va-h">相关资讯</h2>');
    expect(section).toContain(`<a href="${TAIL_LIGHT_ARTICLE}">改装尾灯会被查吗？尾灯改装的几条底线</a>`);
  });

  it('when articles mention a model, only its make, only a bare model number, or are drafts, then model mentions rank first and the rest follow the rules', async () => {
    const makeOnly = await create({ title: '宝骏车主保养日历', tags: '宝骏，保养', publishedAt: '2024-12-01 10:00:00' });
    const modelTag = await create({ title: '七座 MPV 的尾门防水条', tags: '宝骏 730，密封条', publishedAt: '2024-10-01 10:00:00' });
    const modelTitle = await create({ title: '宝骏730 脚垫实测', tags: '脚垫', publishedAt: '2024-10-02 10:00:00' });
    const bareModel = await create({ title: '730 是什么意思', tags: '730', publishedAt: '2024-12-02 10:00:00' });
    const draft = await create({ title: '宝骏730 草稿', tags: '宝骏730', status: 'draft' });
    const future = await create({ title: '宝骏730 新款前瞻', tags: '宝骏730', status: 'scheduled', publishedAt: '2099-01-01 00:00:00' });

    const links = (await articlesForVehicle(t.runtime.db, '宝骏', '730', 20)).map((l) => l.url);
    const strong = [modelTitle, modelTag, TAIL_LIGHT_ARTICLE];
    expect(links.slice(0, 3).sort()).toEqual([...strong].sort());
    expect(links.indexOf(modelTitle)).toBeLessThan(links.indexOf(modelTag));
    expect(links).toContain(makeOnly);
    expect(links.indexOf(makeOnly)).toBeGreaterThan(2);
    for (const hidden of [bareModel, draft, future]) expect(links).not.toContain(hidden);

    const other = (await articlesForVehicle(t.runtime.db, '宝骏', '510', 20)).map((l) => l.url);
    expect(other).toEqual(expect.arrayContaining([makeOnly, modelTitle, TAIL_LIGHT_ARTICLE]));
    expect(other).not.toContain(modelTag);
    expect((await articlesForVehicle(t.runtime.db, '宝骏', '730', 2)).length).toBe(2);

    const page = relatedSection((await request(t.app).get('/vehicles/baojun/730').expect(200)).text);
    expect(page.indexOf(modelTitle)).toBeGreaterThan(-1);
    expect(page).not.toContain(draft);
  });

  it('when a make is a tag of a seeded article, then its models list it; an unknown make lists nothing', async () => {
    expect((await t.runtime.news.articlesForVehicle('本田', '思域', 5)).map((l) => l.url)).toContain('/news/cleaning-front-grille');
    expect(await articlesForVehicle(t.runtime.db, '没有这个品牌', null, 5)).toEqual([]);
  });
});
