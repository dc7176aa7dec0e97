import { Router, type Request, type Response } from 'express';
import { BadRequestError, NotFoundError } from '../shared/errors';
import { MAX_PAGE } from '../shared/query-params';
import { htmlToText } from './article-sanitizer';
import { articleOpenGraphExtra, newsArticleJsonLd } from './article-structured-data';
import { buildAtomFeed } from './news-feed';
import type { NewsService } from './news-service-factory';
import { isCountableView } from './view-counter';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SITE_NAME = '汽配商城';

/** `page` is the only parameter; anything else (utm_*, …) is ignored and never reaches a view. */
export function parseNewsPage(query: Record<string, unknown>): number {
  const raw = query.page;
  if (raw === undefined || raw === '') return 1;
  if (typeof raw !== 'string') throw new BadRequestError('参数 page 只能出现一次', 'invalid_parameter', { parameter: 'page' });
  if (!/^\d{1,9}$/.test(raw)) throw new BadRequestError('参数 page 无效：必须是正整数', 'invalid_parameter', { parameter: 'page' });
  const page = Number(raw);
  if (page < 1 || page > MAX_PAGE) throw new BadRequestError(`参数 page 无效：范围是 1 到 ${MAX_PAGE}`, 'invalid_parameter', { parameter: 'page' });
  return page;
}

function slugParam(req: Request): string {
  const slug = String(req.params.slug);
  // A malformed slug cannot name an article: same answer as an unknown one.
  if (!SLUG.test(slug) || slug.length > 160) throw new NotFoundError('文章不存在或尚未发布', 'unknown_article');
  return slug;
}

function pageHref(base: string, page: number): string {
  return page > 1 ? `${base}?page=${page}` : base;
}

export function newsRoutes(news: NewsService): Router {
  const router = Router();

  const listing = (tagged: boolean) => async (req: Request, res: Response) => {
    const page = parseNewsPage(req.query as Record<string, unknown>);
    const tagSlug = tagged ? slugParam(req) : undefined;
    const result = await news.list({ page, tagSlug });
    const base = result.tag ? result.tag.url : '/news';
    const title = result.tag ? `标签：${result.tag.name}` : '资讯';
    res.render('news/list', {
      ...result,
      title: page > 1 ? `${title}（第 ${page} 页）` : title,
      description: result.tag ? `与「${result.tag.name}」相关的汽车用品资讯` : '汽车用品选购、安装与用车资讯',
      canonical: pageHref(base, page),
      pageLink: (p: number) => pageHref(base, p),
      headExtra: '',
    });
  };

  router.get('/news', listing(false));

  router.get('/news/feed.xml', async (_req, res) => {
    const base = res.locals.canonicalBase as string;
    const xml = buildAtomFeed(await news.feedEntries(), { base, siteName: SITE_NAME });
    res.type('application/atom+xml; charset=utf-8').send(xml);
  });

  router.get('/news/tag/:slug', listing(true));

  router.get('/news/:slug', async (req, res) => {
    const page = await news.page(slugParam(req));
    const countable = isCountableView({ method: req.method, userAgent: req.get('user-agent'), purpose: req.get('sec-purpose') ?? req.get('purpose') });
    if (countable) {
      const views = await news.recordView(page.article.id!);
      page.article = { ...page.article, views, viewsLabel: news.formatViews(views) };
    }
    const a = page.article;
    const base = res.locals.canonicalBase as string;
    const summary = a.dek || htmlToText(a.bodyHtml).split('\n')[0].slice(0, 150);
    // The counter changes on every read: never let a cache answer for the server.
    res.set('Cache-Control', 'no-cache');
    res.render('news/article', {
      ...page,
      title: a.title,
      description: summary,
      canonical: a.url,
      jsonLd: newsArticleJsonLd(a, { base, siteName: SITE_NAME, logoPath: (res.locals.asset as (p: string) => string)('img/favicon.svg') }),
      openGraph: {
        type: 'article',
        title: a.title,
        description: summary,
        url: `${base}${a.url}`,
        image: a.image ? `${base}${a.image.fallback}` : null,
        extra: articleOpenGraphExtra(a),
      },
    });
  });

  return router;
}
