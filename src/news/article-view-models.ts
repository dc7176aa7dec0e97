import { mediaUrl } from '../catalog';
import { formatShanghai, isoShanghai, toDate } from '../shared/time';
import type { ArticleRow, ArticleStatus, TagRef } from './article-repository';
import { formatViews } from './view-counter';

export interface StoredImageVariant {
  readonly width: number;
  readonly height: number;
  readonly key: string;
  readonly format: 'webp' | 'jpg';
}

export interface ArticleImageView {
  src: string;
  srcset: string;
  fallback: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
}

export interface TagLink {
  slug: string;
  name: string;
  url: string;
}

export interface ArticleTime {
  date: Date;
  /** ISO 8601 with +08:00, for `<time datetime>` and structured data. */
  iso: string;
  /** `YYYY-MM-DD HH:mm:ss` in Asia/Shanghai, as the seed page shows it. */
  display: string;
}

export interface ArticleView {
  id: number | null;
  slug: string;
  url: string;
  title: string;
  dek: string;
  /** Sanitised on write; the only HTML a view prints unescaped. */
  bodyHtml: string;
  byline: string;
  source: string;
  dateline: string;
  section: string;
  lang: string;
  status: ArticleStatus;
  published: ArticleTime | null;
  updated: ArticleTime | null;
  views: number;
  viewsLabel: string;
  image: ArticleImageView | null;
  tags: TagLink[];
}

export interface ArticleSummary {
  id: number;
  url: string;
  title: string;
  dek: string;
  lang: string;
  published: ArticleTime | null;
  image: ArticleImageView | null;
  tags: TagLink[];
}

/** What the home page and product pages show; the shapes their views already expect. */
export interface NewsLink {
  url: string;
  title: string;
  iso: string;
  displayDate: string;
}

export function articleTime(value: unknown): ArticleTime | null {
  const date = toDate(value);
  return date ? { date, iso: isoShanghai(date), display: formatShanghai(date) } : null;
}

export function articleUrl(slug: string): string {
  return `/news/${slug}`;
}

export function tagLink(t: Pick<TagRef, 'slug' | 'name'>): TagLink {
  return { slug: t.slug, name: t.name, url: `/news/tag/${t.slug}` };
}

export function parseVariants(json: string): StoredImageVariant[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? (parsed as StoredImageVariant[]) : [];
  } catch {
    return [];
  }
}

export function imageView(
  img: { variants: readonly StoredImageVariant[]; alt: string; caption: string; credit: string } | null,
): ArticleImageView | null {
  if (!img) return null;
  const webp = img.variants.filter((v) => v.format === 'webp').sort((a, b) => a.width - b.width);
  const jpg = img.variants.find((v) => v.format === 'jpg');
  if (webp.length === 0) return null;
  const mid = webp.find((v) => v.width >= 1024) ?? webp[webp.length - 1];
  return {
    src: mediaUrl(mid.key),
    srcset: webp.map((v) => `${mediaUrl(v.key)} ${v.width}w`).join(', '),
    fallback: jpg ? mediaUrl(jpg.key) : mediaUrl(mid.key),
    width: mid.width,
    height: mid.height,
    alt: img.alt,
    caption: img.caption,
    credit: img.credit,
  };
}

export function rowImage(row: ArticleRow): ArticleImageView | null {
  if (!row.image_key) return null;
  return imageView({ variants: parseVariants(row.image_variants), alt: row.image_alt, caption: row.image_caption, credit: row.image_credit });
}

export function toArticleView(row: ArticleRow, tags: readonly TagRef[]): ArticleView {
  return {
    id: row.id,
    slug: row.slug,
    url: articleUrl(row.slug),
    title: row.title,
    dek: row.dek,
    bodyHtml: row.body,
    byline: row.byline,
    source: row.source,
    dateline: row.dateline,
    section: row.section,
    lang: row.lang,
    status: row.status,
    published: articleTime(row.published_at),
    updated: articleTime(row.updated_at),
    views: Number(row.views),
    viewsLabel: formatViews(Number(row.views)),
    image: rowImage(row),
    tags: tags.map(tagLink),
  };
}

export function toSummary(row: ArticleRow, tags: readonly TagRef[]): ArticleSummary {
  return { id: row.id, url: articleUrl(row.slug), title: row.title, dek: row.dek, lang: row.lang, published: articleTime(row.published_at), image: rowImage(row), tags: tags.map(tagLink) };
}

export function toNewsLink(row: Pick<ArticleRow, 'slug' | 'title' | 'published_at'>): NewsLink {
  const t = articleTime(row.published_at);
  return { url: articleUrl(row.slug), title: row.title, iso: t?.iso ?? '', displayDate: t?.display.slice(0, 10) ?? '' };
}
