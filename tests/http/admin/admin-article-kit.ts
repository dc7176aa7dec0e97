import type { Knex } from 'knex';
import { testDialect } from '../../helpers/test-db';
import { searchCaughtUp } from '../../helpers/search-env';
import request from 'supertest';
import type { TestApp } from '../../helpers/test-app';
import type { Agent } from './admin-test-kit';

export const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';

/** A complete, valid article form as the browser posts it. */
export function articleForm(over: Record<string, string> = {}): Record<string, string> {
  return {
    title: '后台测试文章', slug: '', dek: '后台写的导语', body: '<p>第一段。</p>\r\n<h2>小标题</h2>\r\n<p>第二段。</p>', byline: '测试编辑', source: '汽配商城',
    dateline: '柳州', section: '用车知识', lang: 'zh-CN', status: 'published', publishedAt: '', tags: '尾灯，测试标签', productSlugs: 'baojun-730-tail-light-assembly',
    ...over,
  };
}

export function editIdOf(location: string | undefined): number {
  const m = /^\/admin\/articles\/(\d+)\/edit/.exec(location ?? '');
  if (!m) throw new Error(`not an edit redirect: ${location}`);
  return Number(m[1]);
}

/** An agent bound to one client IP and CSRF token, with the article-form helpers tests need. */
export function articleClient(t: TestApp, s: { agent: Agent; csrf: string; ip: string }) {
  const post = (url: string, form: Record<string, string>) => s.agent.post(url).set('X-Forwarded-For', s.ip).type('form').send({ _csrf: s.csrf, ...form });
  const get = (url: string) => s.agent.get(url).set('X-Forwarded-For', s.ip);
  return {
    post,
    get,
    async create(over: Record<string, string> = {}): Promise<{ id: number; slug: string }> {
      const res = await post('/admin/articles', articleForm(over));
      if (res.status !== 303) throw new Error(`create failed: ${res.status} ${[...res.text.matchAll(/id="err-[^"]+">[^<]*/g)].map((m) => m[0]).join('; ')}`);
      const id = editIdOf(res.headers.location);
      const row = await t.runtime.db('articles').where({ id }).first('slug');
      return { id, slug: row.slug };
    },
    uploadLead(id: number, image: Buffer, fields: { alt: string; caption?: string; credit?: string }) {
      let req = s.agent.post(`/admin/articles/${id}/image`).set('X-Forwarded-For', s.ip).field('_csrf', s.csrf).field('alt', fields.alt);
      if (fields.caption !== undefined) req = req.field('caption', fields.caption);
      if (fields.credit !== undefined) req = req.field('credit', fields.credit);
      return req.attach('images', image, { filename: 'lead.jpg', contentType: 'image/jpeg' });
    },
  };
}

/** Article URLs in an /api/search answer. */
export async function searchArticleUrls(t: TestApp, q: string): Promise<string[]> {
  // Meilisearch (the PostgreSQL suite) is fed by the outbox: let it deliver before looking.
  await searchCaughtUp(t.runtime.search);
  const res = await request(t.app).get('/api/search').query({ q, type: 'article' }).expect(200);
  return (res.body.hits as { type: string; url: string }[]).filter((h) => h.type === 'article').map((h) => h.url);
}

export function newsPage(t: TestApp, slug: string) {
  return request(t.app).get(`/news/${slug}`).set('User-Agent', BROWSER_UA);
}

/**
 * A real database failure while the article is saved: a trigger that refuses any update of one
 * article row (the database raises, the editor throws; nothing is mocked).
 */
export async function refuseUpdatesOf(db: Knex, articleId: number): Promise<() => Promise<void>> {
  if (testDialect() === 'pg') {
    await db.raw("create or replace function qt_refuse_update() returns trigger as $$ begin raise exception 'refused by test trigger'; end $$ language plpgsql");
    await db.raw(`create trigger qt_refuse_article before update on articles for each row when (old.id = ${Number(articleId)}) execute function qt_refuse_update()`);
    return async () => {
      await db.raw('drop trigger qt_refuse_article on articles');
      await db.raw('drop function qt_refuse_update()');
    };
  }
  await db.raw(`create trigger qt_refuse_article before update on articles when old.id = ${Number(articleId)} begin select raise(abort, 'refused by test trigger'); end`);
  return async () => {
    await db.raw('drop trigger qt_refuse_article');
  };
}
