import { Router } from 'express';
import type { AppContext } from './context';

const MAX_SITEMAP_URLS = 50_000;

function xmlEscape(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function seoRoutes(ctx: AppContext): Router {
  const router = Router();

  const base = ctx.config.publicUrl;

  router.get('/robots.txt', (_req, res) => {
    res.type('text/plain').send(`User-agent: *\nDisallow: /admin/\nDisallow: /api/\nDisallow: /search\nDisallow: /garage\nAllow: /\n\nSitemap: ${base}/sitemap.xml\n`);
  });

  router.get('/sitemap.xml', async (_req, res) => {
    const [{ products, categories }, vehicles, articles] = await Promise.all([ctx.catalog.sitemapEntries(), ctx.fitment.landingPaths(), ctx.news.sitemapEntries()]);
    const entries = [
      { path: '/', lastmod: null as Date | null },
      { path: '/products', lastmod: null },
      { path: '/news', lastmod: articles[0]?.lastmod ?? null },
      ...categories,
      ...vehicles.map((path) => ({ path, lastmod: null as Date | null })),
      ...articles,
      ...products,
    ];
    // The sitemap protocol allows 50,000 URLs per file; past that, products beyond the cap are left
    // out until a sitemap index is written (noted in the closing note).
    const body = entries
      .slice(0, MAX_SITEMAP_URLS)
      .map((e) => `  <url><loc>${xmlEscape(base + e.path)}</loc>${e.lastmod ? `<lastmod>${e.lastmod.toISOString()}</lastmod>` : ''}</url>`)
      .join('\n');
    res.type('application/xml').send(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`);
  });

  return router;
}
