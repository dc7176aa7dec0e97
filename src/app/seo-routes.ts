import { Router } from 'express';
import type { AppContext } from './context';

/**
 * URLs per sitemap file. The protocol allows 50,000; a quarter of that keeps each file near 3 MB,
 * small enough for the page cache to hold (it refuses pages over a quarter of its budget).
 */
export const URLS_PER_SITEMAP = 12_500;

interface SitemapEntry {
  path: string;
  lastmod: Date | null;
}

function xmlEscape(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The site's public origin, from the same helper that makes canonical URLs (never a bare Host header). */
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

function urlset(base: string, entries: SitemapEntry[]): string {
  const body = entries.map((e) => `  <url><loc>${xmlEscape(base + e.path)}</loc>${e.lastmod ? `<lastmod>${e.lastmod.toISOString()}</lastmod>` : ''}</url>`).join('\n');
  return `${XML_HEAD}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
}

function newest(entries: SitemapEntry[]): Date | null {
  let max: Date | null = null;
  for (const e of entries) if (e.lastmod && (!max || e.lastmod > max)) max = e.lastmod;
  return max;
}

export function seoRoutes(ctx: AppContext): Router {
  const router = Router();

  const base = ctx.config.publicUrl;

  /** Every public URL, in a stable order: pages, categories, vehicles, articles, products. */
  const allEntries = async (): Promise<SitemapEntry[]> => {
    const [{ products, categories }, vehicles, articles] = await Promise.all([ctx.catalog.sitemapEntries(), ctx.fitment.landingPaths(), ctx.news.sitemapEntries()]);
    return [
      { path: '/', lastmod: null },
      { path: '/products', lastmod: null },
      { path: '/news', lastmod: articles[0]?.lastmod ?? null },
      ...categories,
      ...vehicles.map((path) => ({ path, lastmod: null })),
      ...articles,
      ...products,
    ];
  };

  router.get('/robots.txt', (_req, res) => {
    res.type('text/plain').send(`User-agent: *\nDisallow: /admin/\nDisallow: /api/\nDisallow: /search\nDisallow: /garage\nAllow: /\n\nSitemap: ${base}/sitemap.xml\n`);
  });

  // One file while everything fits in one; past that, an index of the numbered files, so no URL is left out.
  router.get('/sitemap.xml', async (_req, res) => {
    const entries = await allEntries();
    if (entries.length <= URLS_PER_SITEMAP) {
      res.type('application/xml').send(urlset(base, entries));
      return;
    }
    const files: string[] = [];
    for (let n = 1; (n - 1) * URLS_PER_SITEMAP < entries.length; n++) {
      const lastmod = newest(entries.slice((n - 1) * URLS_PER_SITEMAP, n * URLS_PER_SITEMAP));
      files.push(`  <sitemap><loc>${xmlEscape(`${base}/sitemap-${n}.xml`)}</loc>${lastmod ? `<lastmod>${lastmod.toISOString()}</lastmod>` : ''}</sitemap>`);
    }
    res.type('application/xml').send(`${XML_HEAD}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${files.join('\n')}\n</sitemapindex>\n`);
  });

  router.get(/^\/sitemap-([1-9]\d{0,5})\.xml$/, async (req, res, next) => {
    const n = Number((req.params as Record<string, string>)[0]);
    const entries = (await allEntries()).slice((n - 1) * URLS_PER_SITEMAP, n * URLS_PER_SITEMAP);
    if (!entries.length) return next();
    res.type('application/xml').send(urlset(base, entries));
  });

  return router;
}
