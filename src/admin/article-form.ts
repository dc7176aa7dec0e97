import type { ArticleForEdit, ArticleInput } from '../news';
import { parseShanghai } from '../shared/time';

/**
 * Raw article form values, kept exactly as typed so a form with errors re-renders what was sent.
 * Validation and sanitising belong to the newsroom's editor (parseArticleInput); this file only
 * moves strings between the form and the editor.
 */
export interface ArticleFormValues {
  title: string;
  slug: string;
  dek: string;
  body: string;
  byline: string;
  source: string;
  dateline: string;
  section: string;
  lang: string;
  status: string;
  publishedAt: string;
  tags: string;
  productSlugs: string;
  imageAlt: string;
  imageCaption: string;
  imageCredit: string;
}

const FIELDS: readonly (keyof ArticleFormValues)[] = [
  'title', 'slug', 'dek', 'body', 'byline', 'source', 'dateline', 'section', 'lang', 'status', 'publishedAt', 'tags', 'productSlugs',
  'imageAlt', 'imageCaption', 'imageCredit',
];

/** Fields whose newlines matter; browsers post CRLF. */
const MULTILINE = new Set<keyof ArticleFormValues>(['body', 'productSlugs']);

export function emptyArticleForm(): ArticleFormValues {
  return {
    title: '', slug: '', dek: '', body: '', byline: '', source: '', dateline: '', section: '', lang: 'zh-CN', status: 'draft',
    publishedAt: '', tags: '', productSlugs: '', imageAlt: '', imageCaption: '', imageCredit: '',
  };
}

export function readArticleForm(body: unknown): ArticleFormValues {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const out = emptyArticleForm();
  for (const f of FIELDS) {
    const v = b[f];
    // A repeated field (an array) is not something our forms send: treat it as empty, never join it.
    const s = typeof v === 'string' ? v : '';
    out[f] = MULTILINE.has(f) ? s.replace(/\r\n?/g, '\n') : s;
  }
  if (out.lang === '' && typeof b.lang !== 'string') out.lang = 'zh-CN';
  return out;
}

/**
 * The stored article as form values. A scheduled article whose time has passed is already live,
 * so it is shown (and saved) as published: saving it as "scheduled" would be refused because a
 * schedule must lie in the future.
 */
export function articleToForm(a: ArticleForEdit, now: Date): ArticleFormValues {
  const at = a.publishedAt ? parseShanghai(a.publishedAt) : null;
  const status = a.status === 'scheduled' && at && at.getTime() <= now.getTime() ? 'published' : a.status;
  return {
    title: a.title, slug: a.slug, dek: a.dek, body: a.body, byline: a.byline, source: a.source, dateline: a.dateline, section: a.section,
    lang: a.lang, status, publishedAt: a.publishedAt, tags: a.tags.join('，'), productSlugs: a.productSlugs.join('\n'),
    imageAlt: a.imageAlt, imageCaption: a.imageCaption, imageCredit: a.imageCredit,
  };
}

/** What the editor takes: the lead image is not a form field, it comes from the stored article. */
export function formToInput(v: ArticleFormValues, image: ArticleInput['image']): ArticleInput {
  return { ...v, image: image ?? null };
}
