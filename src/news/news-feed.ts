import { Feed } from 'feed';
import type { FeedEntry } from './news-service';

/**
 * The `feed` package marks titles and summaries `type="html"`, but ours are plain text: escape
 * the characters that would make a reader see markup in them (quotes are harmless in text).
 */
function textAsHtml(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/**
 * It also writes category attributes escaping `&` and `"` but not `<`, which XML forbids in an
 * attribute value: the term is the (ASCII) tag slug, and the label keeps a look-alike instead.
 */
function attributeSafe(s: string): string {
  return s.replace(/</g, '\uFF1C');
}

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
      title: textAsHtml(a.title),
      link: url,
      date: updatedAt,
      published: a.published?.date,
      description: a.dek ? textAsHtml(a.dek) : undefined,
      content: a.bodyHtml,
      author: a.byline ? [{ name: a.byline }] : undefined,
      category: a.tags.map((t) => ({ name: attributeSafe(t.name), term: t.slug })),
      image: a.image ? { url: `${site.base}${a.image.fallback}`, type: 'image/jpeg' } : undefined,
    });
  }
  return feed.atom1();
}
