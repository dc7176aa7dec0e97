import request from 'supertest';
import { toDate } from '../../../src/shared/time';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { BROWSER_UA, STORY, countOccurrences, ejsEscape, jsonLdBlocks, visibleMarkup } from './news-test-helpers';

// JSON-LD is untyped JSON; the assertions below are what give it shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type JsonLd = Record<string, any>;

let t: TestApp;
beforeAll(async () => {
  // Absolute URLs come from PUBLIC_URL (never the Host header these tests also send).
  t = await createTestApp({ env: { PUBLIC_URL: 'http://shop.test' } });
});
afterAll(async () => t.close());

const storyUrl = `/news/${STORY.slug}`;

describe('the Yonhap story from the seed page', () => {
  it('when the seed page is read, then it has the story with seven paragraphs, a timestamp and a counter', () => {
    expect(STORY.title).toBe("Kim, Putin exchange messages on anniversary of Korea's liberation from Japan");
    expect(STORY.paragraphs).toHaveLength(7);
    expect(STORY.metaLine).toMatch(/^2024-09-21 05:32:44\s+点击:003$/);
    expect(STORY.dirtyCaptionLine).toContain('<strong></strong>');
  });

  it('when a crawler reads the story first, then it sees the seed counter 点击:003 and is not counted', async () => {
    const res = await request(t.app).get(storyUrl).set('User-Agent', 'Googlebot/2.1 (+http://www.google.com/bot.html)').expect(200);
    const counter = STORY.metaLine.split(/\s+/).pop()!;
    expect(counter).toBe('点击:003');
    expect(res.text).toContain(`>${counter}</span>`);
    const row = await t.runtime.db('articles').where({ slug: STORY.slug }).first('views');
    expect(Number(row.views)).toBe(3);
  });

  it('when the article is opened, then the headline, timestamp, counter, source and English body are shown exactly', async () => {
    const before = await t.runtime.db('articles').where({ slug: STORY.slug }).first('views');
    const res = await request(t.app).get(storyUrl).set('User-Agent', BROWSER_UA).expect(200);
    const html = res.text;
    expect(html).toContain(`<h1 id="article-title" lang="en">${ejsEscape(STORY.title)}</h1>`);
    const stamp = STORY.metaLine.slice(0, 19);
    expect(html).toContain(`<time class="published" datetime="2024-09-21T05:32:44+08:00">${stamp}</time>`);
    // This request counted itself: the seed's 3 (plus earlier reads in this file) plus one.
    const shown = Number(before.views) + 1;
    expect(html).toContain(`点击:${String(shown).padStart(3, '0')}`);
    expect(html).toContain('<div class="article-body" lang="en">');
    expect(html).toContain('来源：<span lang="en">Yonhap</span>');
    expect(html).toContain('<html lang="zh-CN">');
  });

  it.each(STORY.paragraphs.map((p, i) => [i + 1, p]))('when the article is opened, then paragraph %i is present byte for byte', async (_n, paragraph) => {
    const res = await request(t.app).get(storyUrl).set('User-Agent', BROWSER_UA).expect(200);
    expect(res.text).toContain(`<p>${ejsEscape(paragraph as string)}</p>`);
  });

  it('when the article is opened, then the caption is shown once, in a figcaption with the credit, and no empty tag survives', async () => {
    const res = await request(t.app).get(storyUrl).set('User-Agent', BROWSER_UA).expect(200);
    const caption = STORY.captionLine.replace(/ AP-Yonhap$/, '');
    const visible = visibleMarkup(res.text);
    expect(countOccurrences(visible, ejsEscape(caption))).toBe(1);
    expect(visible).toMatch(new RegExp(`<figcaption><span class="caption" lang="en">${caption.replace(/[.,]/g, '\\$&')}</span> <span class="credit">.*AP-Yonhap</span></span></figcaption>`));
    expect(res.text).not.toContain('<strong></strong>');
    expect(countOccurrences(visible, 'AP-Yonhap')).toBe(1);
    expect(visible).toMatch(/<figure class="lead-figure">\s*<picture>[\s\S]*<img src="\/media\/news\/[^"]+\.jpg" alt="[^"]+"/);
  });

  it('when the article is opened, then NewsArticle JSON-LD carries headline, dates, image caption and credit, author and publisher', async () => {
    const res = await request(t.app).get(storyUrl).set('User-Agent', BROWSER_UA).set('Host', 'shop.test').expect(200);
    const article = jsonLdBlocks(res.text).find((b) => b['@type'] === 'NewsArticle') as JsonLd;
    expect(article).toBeDefined();
    expect(article.headline).toBe(STORY.title);
    expect(article.datePublished).toBe('2024-09-21T05:32:44+08:00');
    expect(article.dateModified).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect(article.inLanguage).toBe('en');
    expect(article.image['@type']).toBe('ImageObject');
    expect(article.image.caption).toBe(STORY.captionLine.replace(/ AP-Yonhap$/, ''));
    expect(article.image.creditText).toBe('AP-Yonhap');
    expect(article.image.url).toMatch(/^http:\/\/shop\.test\/media\/news\//);
    expect(article.author).toEqual({ '@type': 'Organization', name: 'Yonhap' });
    expect(article.publisher.name).toBe('汽配商城');
    expect(article.mainEntityOfPage['@id']).toBe(`http://shop.test${storyUrl}`);
  });

  it('when the article is opened, then OpenGraph article tags describe it', async () => {
    const res = await request(t.app).get(storyUrl).set('User-Agent', BROWSER_UA).expect(200);
    expect(res.text).toContain('<meta property="og:type" content="article">');
    expect(res.text).toContain('<meta property="article:published_time" content="2024-09-21T05:32:44+08:00">');
    expect(res.text).toMatch(/<meta property="article:modified_time" content="[^"]+\+08:00">/);
    expect(res.text).toContain('<meta property="article:section" content="国际">');
    expect(res.text).toContain('<meta property="article:tag" content="朝鲜半岛">');
  });

  it('when the stored row is read, then published_at is the Shanghai wall time in UTC', async () => {
    const row = await t.runtime.db('articles').where({ slug: STORY.slug }).first();
    expect(toDate(row.published_at)!.toISOString()).toBe('2024-09-20T21:32:44.000Z');
    expect(row.image_credit).toBe('AP-Yonhap');
    expect(row.source).toBe('Yonhap');
    expect(row.lang).toBe('en');
  });
});

describe('articles and the shop, both ways', () => {
  it('when a demo article is opened, then its hand-picked products are shown as cards first, and it has a dateline, byline and pager', async () => {
    const res = await request(t.app).get('/news/how-to-choose-12v-24v-battery-charger').set('User-Agent', BROWSER_UA).expect(200);
    const section = res.text.slice(res.text.indexOf('<section class="related-products"'));
    const cards = [...section.matchAll(/class="card-link" href="(\/p\/[^"]+)"/g)].map((m) => m[1]);
    expect(cards.slice(0, 3)).toEqual(['/p/smart-battery-charger-12v-24v', '/p/motorcycle-battery-charger-12v-6v', '/p/pd-65w-dual-type-c-car-charger']);
    // Derived from the shared tags 充电器/12V/24V: more chargers follow the hand-picked ones.
    expect(cards.length).toBeGreaterThan(3);
    expect(res.text).toContain('<span class="dateline"><span class="visually-hidden">电头：</span><span lang="zh-CN">广州</span></span>');
    expect(res.text).toContain('作者：<span lang="zh-CN">汽配商城编辑部</span>');
    expect(res.text).toMatch(/<a class="pager-prev" rel="prev" href="\/news\/fitting-stainless-steel-sill-strips">/);
    const ld = jsonLdBlocks(res.text).find((b) => b['@type'] === 'NewsArticle') as JsonLd;
    expect(ld.dateline).toBe('广州');
  });

  it('when a product linked from an article is opened, then the article is listed under related articles', async () => {
    const res = await request(t.app).get('/p/baojun-730-tail-light-assembly').expect(200);
    const section = res.text.slice(res.text.indexOf('id="ra-h"'));
    expect(section).toContain('<a href="/news/tail-light-modification-rules">改装尾灯会被查吗？尾灯改装的几条底线</a>');
  });

  it('when a product shares only tags with an article, then the article is derived as related', async () => {
    // Not hand-picked by any article, but tagged 行车记录仪/4K like the dash cam guide.
    const picked = await t.runtime.db('article_products as ap').join('products as p', 'p.id', 'ap.product_id').where('p.slug', 'toyota-oem-style-4k-dash-cam').first('ap.article_id');
    expect(picked).toBeUndefined();
    const res = await request(t.app).get('/p/toyota-oem-style-4k-dash-cam').expect(200);
    expect(res.text).toContain('<a href="/news/dash-cam-buying-guide">');
  });

  it('when the home page is opened, then the latest news are listed newest first with times', async () => {
    const res = await request(t.app).get('/').expect(200);
    const section = res.text.slice(res.text.indexOf('id="news-h"'));
    const links = [...section.matchAll(/<li><a href="(\/news\/[^"]+)">/g)].map((m) => m[1]);
    expect(links[0]).toBe('/news/how-to-choose-12v-24v-battery-charger');
    expect(links.length).toBe(5);
    expect(section).toContain('<time datetime="2024-09-28T10:00:00+08:00">2024-09-28</time>');
  });
});

describe('unknown articles', () => {
  it.each([['/news/no-such-article'], ['/news/Bad_Slug'], ['/news/%E5%A4%B4%E6%9D%A1'], ['/news/tag/no-such-tag']])('when %s is requested, then 404', async (url) => {
    const res = await request(t.app).get(url).expect(404);
    expect(res.text).toContain('页面不存在');
  });
});
