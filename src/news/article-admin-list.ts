import type { Knex } from 'knex';
import { formatShanghai, toDate } from '../shared/time';
import { timeBinding, type ArticleStatus } from './article-repository';
import { articleUrl } from './article-view-models';

/** What a reader sees now: live (visible), waiting for its time, or a draft. */
export type AdminArticleState = 'live' | 'scheduled' | 'draft';

export interface AdminArticleRow {
  id: number;
  slug: string;
  url: string;
  title: string;
  status: ArticleStatus;
  state: AdminArticleState;
  /** Asia/Shanghai `YYYY-MM-DD HH:mm:ss`, or '' when unset. */
  publishedAt: string;
  views: number;
}

const PER_PAGE = 50;

/** The state rule is whereVisible's, evaluated for one row. */
export function articleState(status: string, publishedAt: Date | null, now: Date): AdminArticleState {
  if (status === 'draft' || !publishedAt) return 'draft';
  return publishedAt.getTime() <= now.getTime() ? 'live' : 'scheduled';
}

/**
 * Every article for the back office, drafts and future ones included, newest change first.
 * `state` filters by what readers see (so a scheduled article whose time passed lists as live).
 */
export async function listArticlesForAdmin(db: Knex, opts: { page: number; state?: AdminArticleState; now?: Date }) {
  const now = opts.now ?? new Date();
  const at = timeBinding(db, now);
  const base = () => {
    const q = db('articles as a');
    if (opts.state === 'draft') q.where((w) => w.where('a.status', 'draft').orWhereNull('a.published_at'));
    else if (opts.state === 'live') q.whereIn('a.status', ['published', 'scheduled']).whereNotNull('a.published_at').where('a.published_at', '<=', at);
    else if (opts.state === 'scheduled') q.whereIn('a.status', ['published', 'scheduled']).where('a.published_at', '>', at);
    return q;
  };
  const [rows, count] = await Promise.all([
    base().select('a.id', 'a.slug', 'a.title', 'a.status', 'a.published_at', 'a.views').orderBy([{ column: 'a.updated_at', order: 'desc' }, { column: 'a.id', order: 'desc' }]).limit(PER_PAGE).offset((opts.page - 1) * PER_PAGE),
    base().count({ n: '*' }).first() as Promise<{ n: number | string } | undefined>,
  ]);
  const total = Number(count?.n ?? 0);
  const items = (rows as { id: number; slug: string; title: string; status: ArticleStatus; published_at: unknown; views: number }[]).map((r): AdminArticleRow => {
    const published = toDate(r.published_at);
    return {
      id: Number(r.id), slug: r.slug, url: articleUrl(r.slug), title: r.title, status: r.status,
      state: articleState(r.status, published, now), publishedAt: published ? formatShanghai(published) : '', views: Number(r.views),
    };
  });
  return { items, total, page: opts.page, pageCount: Math.max(1, Math.ceil(total / PER_PAGE)) };
}
