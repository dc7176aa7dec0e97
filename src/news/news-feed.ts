import { Feed } from 'feed';
import type { FeedEntry } from './news-service';

/** Atom 1.0 via the `feed` package: full sanitised HTML content, summary = dek, tags as categories. */
export function buildAtomFeed(entries: readonly FeedEntry[], site: { base: string; siteName: string }): string {
  const newest = entries.reduce<Date | undefined>((max, e) => (!max || e.updatedAt > max ? e.updatedAt : max), undefined);
  const feed = new Feed({
    id: `${site.base}/news`,
    title: `${site.siteName} · 资讯`,
    description: '汽车用品选购、安装与用车资讯',
    link: `${site.base}/news`,
    language: 'zh-CN',
    updated: newest ?? new Date(0),
    generator: false,
    feedLinks: { atom: `${site.base}/news/feed.xml` },
    copyright: `© ${site.siteName}`,
  });
  for (const { article: a, updatedAt } of entries) {
    const url = `${site.base}${a.url}`;
    feed.addItem({
      id: url,
      title: a.title,
      link: url,
      date: updatedAt,
      published: a.published?.date,
      description: a.dek || undefined,
      content: a.bodyHtml,
      author: a.byline ? [{ name: a.byline }] : undefined,
      category: a.tags.map((t) => ({ name: t.name, term: t.name })),
      image: a.image ? { url: `${site.base}${a.image.fallback}`, type: 'image/jpeg' } : undefined,
    });
  }
  return feed.atom1();
}
