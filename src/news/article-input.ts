import { z } from 'zod';
import { parseShanghai } from '../shared/time';
import { ARTICLE_STATUSES, type ArticleStatus } from './article-repository';
import { sanitizeArticleHtml } from './article-sanitizer';
import type { StoredImageVariant } from './article-view-models';

/** Field names of the article form; errors are keyed by these. */
export type ArticleField =
  | 'title' | 'slug' | 'dek' | 'body' | 'byline' | 'source' | 'dateline' | 'section' | 'lang' | 'status'
  | 'publishedAt' | 'image' | 'imageAlt' | 'imageCaption' | 'imageCredit' | 'tags' | 'productSlugs';

export type FieldErrors = Partial<Record<ArticleField, string>>;

export interface ArticleImageInput {
  /** Base key from processImage(); variants hold the stored files. */
  readonly key: string;
  readonly width: number;
  readonly height: number;
  readonly variants: readonly StoredImageVariant[];
}

/** What the admin form (or a seed) hands in; strings as a form posts them, or typed values. */
export interface ArticleInput {
  title?: string;
  slug?: string;
  dek?: string;
  body?: string;
  byline?: string;
  source?: string;
  dateline?: string;
  section?: string;
  lang?: string;
  status?: string;
  /** `YYYY-MM-DD HH:mm[:ss]` Asia/Shanghai wall time, an ISO string with offset, or a Date. */
  publishedAt?: string | Date | null;
  image?: ArticleImageInput | null;
  imageAlt?: string;
  imageCaption?: string;
  imageCredit?: string;
  /** An array, or one string separated by commas / 、 / ，. */
  tags?: readonly string[] | string;
  productSlugs?: readonly string[] | string;
}

/** Validated, normalised and sanitised: what gets written. */
export interface ArticleData {
  slug: string | null;
  title: string;
  dek: string;
  body: string;
  byline: string;
  source: string;
  dateline: string;
  section: string;
  lang: string;
  status: ArticleStatus;
  publishedAt: Date | null;
  image: (ArticleImageInput & { alt: string; caption: string; credit: string }) | null;
  tags: string[];
  productSlugs: string[];
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LANG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

const text = (max: number, label: string) => z.string().trim().max(max, `${label}不能超过 ${max} 个字符`).default('');
/** A form list: an array, or one string separated by commas / 、 / ， / newlines; trimmed, deduplicated. */
export function splitList(v: string | readonly unknown[]): string[] {
  const items = typeof v === 'string' ? v.split(/[,，、\n]/) : v.filter((x): x is string => typeof x === 'string');
  return [...new Set(items.map((s) => s.trim()).filter(Boolean))];
}

const list = (max: number, itemMax: number, label: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .default([])
    .transform(splitList)
    .pipe(z.array(z.string().max(itemMax, `${label}每项不能超过 ${itemMax} 个字符`)).max(max, `${label}最多 ${max} 个`));

const variant = z.object({ width: z.number().int().positive(), height: z.number().int().positive(), key: z.string().min(1).max(200), format: z.enum(['webp', 'jpg']) });

const schema = z.object({
  title: z.string({ error: '请填写标题' }).trim().min(1, '请填写标题').max(300, '标题不能超过 300 个字符'),
  slug: z.string().trim().toLowerCase().max(160, '地址不能超过 160 个字符').regex(SLUG, '地址只能包含小写字母、数字和连字符').optional().or(z.literal('').transform(() => undefined)),
  dek: text(500, '导语'),
  body: z.string({ error: '请填写正文' }).max(200_000, '正文过长（最多 200000 个字符）'),
  byline: text(200, '作者'),
  source: text(200, '来源'),
  dateline: text(200, '电头'),
  section: text(60, '栏目'),
  lang: z.string().trim().regex(LANG, '语言代码无效，例如 zh-CN 或 en').default('zh-CN'),
  status: z.enum(ARTICLE_STATUSES, { error: '状态只能是草稿、定时发布或已发布' }).default('draft'),
  publishedAt: z.union([z.date(), z.string(), z.null()]).optional(),
  image: z.object({ key: z.string().min(1).max(200), width: z.number().int().positive(), height: z.number().int().positive(), variants: z.array(variant).min(1) }, { error: '图片信息无效' }).nullable().optional(),
  imageAlt: text(300, '图片替代文本'),
  imageCaption: text(500, '图片说明'),
  imageCredit: text(200, '图片来源'),
  tags: list(12, 40, '标签'),
  productSlugs: list(24, 160, '关联商品'),
});

function parseTime(v: string | Date | null | undefined): Date | null | 'invalid' {
  if (v === undefined || v === null || v === '') return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'invalid' : v;
  const wall = parseShanghai(v);
  if (wall) return wall;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v.trim())) {
    const d = new Date(v.trim());
    return Number.isNaN(d.getTime()) ? 'invalid' : d;
  }
  return 'invalid';
}

/**
 * Validates and normalises article input without touching the database (slug uniqueness and
 * product slugs are checked by the editor). `now` decides what "scheduled" means.
 */
export function parseArticleInput(input: ArticleInput, now: Date): { ok: true; data: ArticleData } | { ok: false; errors: FieldErrors } {
  const parsed = schema.safeParse(input);
  const errors: FieldErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'title') as ArticleField;
      errors[field] ??= issue.message;
    }
    return { ok: false, errors };
  }
  const v = parsed.data;
  const body = sanitizeArticleHtml(v.body);
  if (body === '') errors.body = '正文不能为空（不安全或空的标签已被移除）';
  let publishedAt = parseTime(v.publishedAt);
  if (publishedAt === 'invalid') {
    errors.publishedAt = '发布时间格式应为 YYYY-MM-DD HH:mm:ss（北京时间）';
    publishedAt = null;
  }
  if (v.status === 'scheduled') {
    if (!publishedAt) errors.publishedAt ??= '定时发布需要填写发布时间';
    else if (publishedAt.getTime() <= now.getTime()) errors.publishedAt = '定时发布时间必须晚于当前时间';
  }
  if (v.status === 'published' && !publishedAt) publishedAt = now;
  if (v.image && !v.imageAlt) errors.imageAlt = '请填写图片替代文本（供读屏软件使用）';
  if (!v.image && (v.imageCaption || v.imageCredit)) errors.image = '填写了图片说明或来源，但没有上传图片';
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    data: {
      slug: v.slug ?? null,
      title: v.title,
      dek: v.dek,
      body,
      byline: v.byline,
      source: v.source,
      dateline: v.dateline,
      section: v.section,
      lang: v.lang,
      status: v.status,
      publishedAt: publishedAt as Date | null,
      image: v.image ? { ...v.image, alt: v.imageAlt, caption: v.imageCaption, credit: v.imageCredit } : null,
      tags: v.tags,
      productSlugs: v.productSlugs,
    },
  };
}
