import type { ArticleView } from './article-view-models';

export interface SiteInfo {
  /** Absolute origin, e.g. `https://shop.example`. */
  readonly base: string;
  readonly siteName: string;
  readonly logoPath: string;
}

// Bylines that name a desk or agency rather than a person.
const DESK = /编辑部|新闻社|通讯社|报社|editors|desk|staff|news agency/i;

/**
 * schema.org NewsArticle: caption and creditText live on the ImageObject and `dateline` on the
 * article itself, which is exactly what blog engines flatten into body text.
 */
export function newsArticleJsonLd(a: ArticleView, site: SiteInfo): Record<string, unknown>[] {
  const url = `${site.base}${a.url}`;
  const image = a.image
    ? {
        '@type': 'ImageObject',
        url: `${site.base}${a.image.fallback}`,
        contentUrl: `${site.base}${a.image.src}`,
        width: a.image.width,
        height: a.image.height,
        caption: a.image.caption || undefined,
        creditText: a.image.credit || undefined,
      }
    : undefined;
  const publisher = { '@type': 'Organization', name: site.siteName, logo: { '@type': 'ImageObject', url: `${site.base}${site.logoPath}` } };
  return [
    {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      '@id': url,
      mainEntityOfPage: { '@type': 'WebPage', '@id': url },
      url,
      headline: a.title,
      description: a.dek || undefined,
      inLanguage: a.lang,
      datePublished: a.published?.iso,
      dateModified: a.updated?.iso ?? a.published?.iso,
      dateline: a.dateline || undefined,
      articleSection: a.section || undefined,
      keywords: a.tags.length ? a.tags.map((t) => t.name).join(',') : undefined,
      image,
      // Wire copy without a byline is authored by the agency, not by us.
      author: a.byline ? { '@type': a.byline === a.source || DESK.test(a.byline) ? 'Organization' : 'Person', name: a.byline } : a.source ? { '@type': 'Organization', name: a.source } : publisher,
      sourceOrganization: a.source ? { '@type': 'Organization', name: a.source } : undefined,
      publisher,
      interactionStatistic: { '@type': 'InteractionCounter', interactionType: 'https://schema.org/ReadAction', userInteractionCount: a.views },
    },
    {
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: '首页', item: `${site.base}/` },
        { '@type': 'ListItem', position: 2, name: '资讯', item: `${site.base}/news` },
        { '@type': 'ListItem', position: 3, name: a.title, item: url },
      ],
    },
  ];
}

/** OpenGraph `article:*` properties, as [property, content] pairs for the layout. */
export function articleOpenGraphExtra(a: ArticleView): [string, string][] {
  const extra: [string, string][] = [];
  if (a.published) extra.push(['article:published_time', a.published.iso]);
  if (a.updated) extra.push(['article:modified_time', a.updated.iso]);
  if (a.section) extra.push(['article:section', a.section]);
  for (const t of a.tags) extra.push(['article:tag', t.name]);
  if (a.image?.alt) extra.push(['og:image:alt', a.image.alt]);
  extra.push(['og:locale', a.lang.replace('-', '_')]);
  return extra;
}
