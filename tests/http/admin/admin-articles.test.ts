import request from 'supertest';
import { photo } from '../../fixtures/uploads/make-fixtures';
import type { TestApp } from '../../helpers/test-app';
import { articleClient, articleForm, newsPage, refuseUpdatesOf, searchArticleUrls } from './admin-article-kit';
import { createAdminTestApp, csrfFrom, login, mediaFiles, freshIp } from './admin-test-kit';

const HAN = /[\u4e00-\u9fff]/;

describe('admin article editing', () => {
  let t: TestApp;
  let c: ReturnType<typeof articleClient>;
  let jpeg: Buffer;

  beforeAll(async () => {
    t = await createAdminTestApp();
    c = articleClient(t, await login(t));
    jpeg = await (await photo(640, 360)).jpeg().toBuffer();
  });
  afterAll(() => t.close());

  const feed = async () => (await request(t.app).get('/news/feed.xml').expect(200)).text;
  const newsList = async () => (await request(t.app).get('/news').expect(200)).text;

  it('when an article is created through the form, then it is on /news, its page, the feed and found by /api/search', async () => {
    const { id, slug } = await c.create({ title: '后台新文章 Quokkalamp 尾灯改装' });
    expect(slug).toMatch(/^[a-z0-9-]+$/);
    const page = await newsPage(t, slug).expect(200);
    expect(page.text).toContain('后台新文章 Quokkalamp 尾灯改装');
    expect(page.text).toContain('<h2>小标题</h2>');
    expect(page.text).toContain('href="/p/baojun-730-tail-light-assembly"');
    expect(await newsList()).toContain(`href="/news/${slug}"`);
    expect(await feed()).toContain(`/news/${slug}`);
    expect(await searchArticleUrls(t, 'Quokkalamp')).toContain(`/news/${slug}`);
    const list = await c.get('/admin/articles').expect(200);
    const row = new RegExp(`<tr data-article-id="${id}">[\\s\\S]*?</tr>`).exec(list.text)?.[0] ?? '';
    expect(row).toContain('data-state="live"');
    expect(row).toMatch(/<time>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}<\/time>/);
    expect(row).toMatch(/<td>\d+<\/td>/);
  });

  it('when an article is edited, then its page and search show the new text and the old word finds nothing', async () => {
    const { id, slug } = await c.create({ title: '编辑前 Narwhalgrille 标题' });
    expect(await searchArticleUrls(t, 'Narwhalgrille')).toContain(`/news/${slug}`);
    const edit = await c.get(`/admin/articles/${id}/edit`).expect(200);
    expect(edit.text).toContain('value="编辑前 Narwhalgrille 标题"');
    expect(edit.text).toContain('尾灯，测试标签');
    await c.post(`/admin/articles/${id}`, articleForm({ title: '编辑后 Pangolinmat 标题', slug, body: '<p>新的正文。</p>', tags: '脚垫' })).expect(303);
    const page = await newsPage(t, slug).expect(200);
    expect(page.text).toContain('编辑后 Pangolinmat 标题');
    expect(page.text).toContain('新的正文。');
    expect(page.text).not.toContain('编辑前 Narwhalgrille 标题');
    expect(await searchArticleUrls(t, 'Pangolinmat')).toContain(`/news/${slug}`);
    expect(await searchArticleUrls(t, 'Narwhalgrille')).not.toContain(`/news/${slug}`);
  });

  it('when an article is scheduled for the future or saved as a draft, then it is hidden everywhere until published', async () => {
    const scheduled = await c.create({ title: '定时文章 Axolotlwiper', status: 'scheduled', publishedAt: '2099-01-01 08:00:00', tags: '定时专用标签' });
    const draft = await c.create({ title: '草稿文章 Axolotlwiper', status: 'draft' });
    for (const { slug } of [scheduled, draft]) {
      await newsPage(t, slug).expect(404);
      expect(await newsList()).not.toContain(`/news/${slug}`);
      expect(await feed()).not.toContain(`/news/${slug}`);
      expect((await request(t.app).get('/sitemap.xml').expect(200)).text).not.toContain(`/news/${slug}`);
    }
    await request(t.app).get('/news/tag/ding-shi-zhuan-yong-biao-qian').expect(404);
    expect(await searchArticleUrls(t, 'Axolotlwiper')).toEqual([]);
    const list = await c.get('/admin/articles?state=scheduled').expect(200);
    expect(list.text).toContain(`/admin/articles/${scheduled.id}/edit`);
    expect(list.text).toContain('2099-01-01 08:00:00');
    expect((await c.get('/admin/articles?state=draft').expect(200)).text).toContain(`/admin/articles/${draft.id}/edit`);

    await c.post(`/admin/articles/${draft.id}/publish`, {}).expect(303);
    await newsPage(t, draft.slug).expect(200);
    expect(await searchArticleUrls(t, 'Axolotlwiper')).toEqual([`/news/${draft.slug}`]);
    await c.post(`/admin/articles/${draft.id}/unpublish`, {}).expect(303);
    await newsPage(t, draft.slug).expect(404);
    expect(await searchArticleUrls(t, 'Axolotlwiper')).toEqual([]);
  });

  it('when a live article is scheduled through the schedule form, then it disappears; a past time is refused with 422', async () => {
    const { id, slug } = await c.create({ title: '改为定时 Capybarahorn' });
    const past = await c.post(`/admin/articles/${id}/schedule`, { publishedAt: '2001-01-01 00:00:00' }).expect(422);
    expect(past.text).toContain('id="err-publishedAt"');
    await newsPage(t, slug).expect(200);
    await c.post(`/admin/articles/${id}/schedule`, { publishedAt: '2098-06-01 09:30:00' }).expect(303);
    await newsPage(t, slug).expect(404);
    expect(await searchArticleUrls(t, 'Capybarahorn')).toEqual([]);
    expect(await t.runtime.db('articles').where({ id }).first('status')).toEqual({ status: 'scheduled' });
  });

  it('when an article with a lead image is deleted, then its page is 404, search forgets it and its image files are gone', async () => {
    const before = mediaFiles(t);
    const { id, slug } = await c.create({ title: '将被删除 Dugongmirror' });
    await c.uploadLead(id, jpeg, { alt: '删除测试图' }).expect(303);
    expect(mediaFiles(t).length).toBeGreaterThan(before.length);
    expect(await searchArticleUrls(t, 'Dugongmirror')).toEqual([`/news/${slug}`]);
    const res = await c.post(`/admin/articles/${id}/delete`, {}).expect(303);
    expect(res.headers.location).toBe('/admin/articles?notice=deleted');
    await newsPage(t, slug).expect(404);
    expect(await searchArticleUrls(t, 'Dugongmirror')).toEqual([]);
    expect(mediaFiles(t)).toEqual(before);
    await c.get(`/admin/articles/${id}/edit`).expect(404);
  });

  it('when the form has errors, then it re-renders with 422, Chinese messages per field and every value kept', async () => {
    const before = Number((await t.runtime.db('articles').count({ n: '*' }).first())!.n);
    const form = articleForm({
      title: '  ', dek: '保留的导语 <b>粗</b>', body: '<p>保留的正文 & 符号</p>', lang: 'english!', status: 'scheduled', publishedAt: '',
      tags: '保留标签一，保留标签二', productSlugs: 'baojun-730-tail-light-assembly\r\nno-such-product', byline: '保留的作者',
    });
    const res = await c.post('/admin/articles', form).expect(422);
    expect(res.text).toContain('data-code="validation_failed"');
    for (const field of ['title', 'lang']) {
      const msg = new RegExp(`<p class="field-error" id="err-${field}">([^<]+)</p>`).exec(res.text)?.[1];
      expect(msg).toMatch(HAN);
    }
    expect(res.text).toContain('aria-invalid="true" aria-describedby="err-title"');
    expect(res.text).toContain('value="保留的导语 &lt;b&gt;粗&lt;/b&gt;"');
    expect(res.text).toContain('&lt;p&gt;保留的正文 &amp; 符号&lt;/p&gt;</textarea>');
    expect(res.text).toContain('value="保留标签一，保留标签二"');
    expect(res.text).toContain('value="保留的作者"');
    expect(res.text).toContain('value="english!"');
    expect(res.text).toMatch(/<option value="scheduled" selected>/);
    expect(res.text).toContain('baojun-730-tail-light-assembly\nno-such-product</textarea>');
    expect(Number((await t.runtime.db('articles').count({ n: '*' }).first())!.n)).toBe(before);

    const second = await c.post('/admin/articles', articleForm({ status: 'scheduled', publishedAt: '明天早上', productSlugs: 'no-such-product' })).expect(422);
    expect(/id="err-productSlugs">([^<]+)</.exec(second.text)?.[1]).toContain('no-such-product');
    expect(/id="err-publishedAt">([^<]+)</.exec(second.text)?.[1]).toMatch(HAN);
    expect(second.text).toContain('value="明天早上"');
    expect(Number((await t.runtime.db('articles').count({ n: '*' }).first())!.n)).toBe(before);
  });

  it('when the CSRF token is missing or wrong, then every article write is refused with 403 and nothing changes', async () => {
    const { id, slug } = await c.create({ title: 'CSRF 保护文章' });
    const s = await login(t);
    const without = (url: string) => s.agent.post(url).set('X-Forwarded-For', s.ip).set('Accept', 'application/json').type('form').send(articleForm({ title: '被篡改' }));
    for (const url of ['/admin/articles', `/admin/articles/${id}`, `/admin/articles/${id}/delete`, `/admin/articles/${id}/unpublish`, '/admin/articles/preview']) {
      const res = await without(url);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('csrf_invalid');
    }
    const wrong = await s.agent.post(`/admin/articles/${id}`).set('X-Forwarded-For', s.ip).type('form').send({ ...articleForm({ title: '被篡改' }), _csrf: 'x'.repeat(40) });
    expect(wrong.status).toBe(403);
    const upload = await s.agent.post(`/admin/articles/${id}/image`).set('X-Forwarded-For', s.ip).set('Accept', 'application/json').field('alt', '图')
      .attach('images', jpeg, { filename: 'a.jpg', contentType: 'image/jpeg' });
    expect(upload.status).toBe(403);
    const crossSite = await s.agent.post(`/admin/articles/${id}/delete`).set('X-Forwarded-For', s.ip).set('Sec-Fetch-Site', 'cross-site').type('form').send({ _csrf: s.csrf });
    expect(crossSite.status).toBe(403);
    expect((await newsPage(t, slug).expect(200)).text).toContain('CSRF 保护文章');
  });

  it('when nobody is logged in, then pages redirect to the login and writes get 401', async () => {
    const ip = freshIp();
    for (const path of ['/admin/articles', '/admin/articles/new', '/admin/articles/1/edit']) {
      const res = await request(t.app).get(path).set('X-Forwarded-For', ip).expect(303);
      expect(res.headers.location).toBe(`/admin/login?next=${encodeURIComponent(path)}`);
    }
    const login = await request.agent(t.app).get('/admin/login').set('X-Forwarded-For', ip).expect(200);
    for (const path of ['/admin/articles', '/admin/articles/preview', '/admin/articles/1/delete']) {
      const res = await request(t.app).post(path).set('X-Forwarded-For', ip).set('Accept', 'application/json').type('form').send({ _csrf: csrfFrom(login.text), ...articleForm() });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('login_required');
    }
  });

  it('when an article is previewed, then the page view renders inside the admin, marked 预览, and nothing is saved or indexed', async () => {
    const { id, slug } = await c.create({ title: '预览前 Tapirlight' });
    const versions = async () => t.runtime.db('content_versions').orderBy('name').select('name', 'version');
    const [countBefore, rowBefore, versionsBefore] = [await t.runtime.db('articles').count({ n: '*' }).first(), await t.runtime.db('articles').where({ id }).first(), await versions()];
    const res = await c.post(`/admin/articles/${id}/preview`, articleForm({ title: '预览中 Okapilight', slug, body: '<p>预览正文</p><script>alert(1)</script>' })).expect(200);
    expect(res.text).toContain('data-preview');
    expect(res.text).toMatch(/<h2 id="preview-h" class="preview-banner">预览/);
    expect(res.text).toContain('<h1 id="article-title" lang="zh-CN">预览中 Okapilight</h1>');
    expect(res.text).toContain('<p>预览正文</p>');
    expect(res.text).not.toContain('<script>alert(1)</script>');
    expect(res.text).toContain('class="admin"');
    expect(res.text).toContain('value="预览中 Okapilight"');
    expect(res.text).toContain('相关商品');
    const fresh = await c.post('/admin/articles/preview', articleForm({ title: '全新预览 Okapilight' })).expect(200);
    expect(fresh.text).toContain('全新预览 Okapilight');

    expect(await t.runtime.db('articles').count({ n: '*' }).first()).toEqual(countBefore);
    expect(await t.runtime.db('articles').where({ id }).first()).toEqual(rowBefore);
    expect(await versions()).toEqual(versionsBefore);
    expect(await searchArticleUrls(t, 'Okapilight')).toEqual([]);
    expect((await newsPage(t, slug).expect(200)).text).toContain('预览前 Tapirlight');

    const invalid = await c.post('/admin/articles/preview', articleForm({ title: '' })).expect(422);
    expect(invalid.text).toContain('id="err-title"');
    expect(invalid.text).not.toContain('data-preview');
  });

  it('when a lead image is uploaded with alt, caption and credit, then the page shows them as separate fields; missing alt is refused', async () => {
    const { id, slug } = await c.create({ title: '题图文章' });
    const noAlt = await c.uploadLead(id, jpeg, { alt: '  ' }).set('Accept', 'application/json');
    expect(noAlt.status).toBe(400);
    expect(noAlt.body.error.code).toBe('alt_required');
    const fake = await c.uploadLead(id, Buffer.from('<html><script>alert(1)</script></html>'), { alt: '假图片' }).set('Accept', 'application/json');
    expect(fake.status).toBe(415);
    expect(await t.runtime.db('articles').where({ id }).first('image_key')).toEqual({ image_key: null });

    await c.uploadLead(id, jpeg, { alt: '尾灯特写', caption: '改装后的尾灯', credit: '测试摄影' }).expect(303);
    const page = (await newsPage(t, slug).expect(200)).text;
    expect(page).toContain('alt="尾灯特写"');
    expect(page).toContain('<span class="caption" lang="zh-CN">改装后的尾灯</span>');
    expect(page).toMatch(/<span class="credit">.*测试摄影/);
    const firstKey = (await t.runtime.db('articles').where({ id }).first('image_key')).image_key as string;

    // Editing the text keeps the photo; its alt can be changed in the form.
    await c.post(`/admin/articles/${id}`, articleForm({ title: '题图文章', slug, imageAlt: '新的替代文字', imageCaption: '改装后的尾灯', imageCredit: '测试摄影' })).expect(303);
    expect((await newsPage(t, slug).expect(200)).text).toContain('alt="新的替代文字"');
    const noAltInForm = await c.post(`/admin/articles/${id}`, articleForm({ title: '题图文章', slug, imageAlt: '' })).expect(422);
    expect(noAltInForm.text).toContain('id="err-imageAlt"');

    const filesBefore = mediaFiles(t);
    await c.uploadLead(id, jpeg, { alt: '换一张' }).expect(303);
    const secondKey = (await t.runtime.db('articles').where({ id }).first('image_key')).image_key as string;
    expect(secondKey).not.toBe(firstKey);
    expect(mediaFiles(t).some((f) => f.startsWith(firstKey))).toBe(false);
    expect(mediaFiles(t).length).toBe(filesBefore.length);

    await c.post(`/admin/articles/${id}/image/delete`, {}).expect(303);
    expect(await t.runtime.db('articles').where({ id }).first('image_key')).toEqual({ image_key: null });
    expect(mediaFiles(t).some((f) => f.startsWith(secondKey))).toBe(false);
  });

  it('when the database refuses the article update after the image variants were stored, then the request fails and no new file stays in the media directory', async () => {
    const { id } = await c.create({ title: '保存失败的题图文章' });
    const before = mediaFiles(t);
    const allow = await refuseUpdatesOf(t.runtime.db, id);
    try {
      const res = await c.uploadLead(id, jpeg, { alt: '不会保存的图片' }).set('Accept', 'application/json');
      expect(res.status).toBe(500);
    } finally {
      await allow();
    }
    expect(await t.runtime.db('articles').where({ id }).first('image_key')).toEqual({ image_key: null });
    expect(mediaFiles(t)).toEqual(before);
    // The same upload works once the database accepts it, so the files were made and then removed.
    await c.uploadLead(id, jpeg, { alt: '这次保存' }).expect(303);
    expect(mediaFiles(t).length).toBeGreaterThan(before.length);
  });

  it('when the admin nav is shown, then it links to the articles', async () => {
    const res = await c.get('/admin/products').expect(200);
    expect(res.text).toContain('<a href="/admin/articles">文章</a>');
  });
});
