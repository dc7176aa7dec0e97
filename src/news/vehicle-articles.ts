import type { Knex } from 'knex';
import { articleRepository, whereVisible, type ArticleRow } from './article-repository';
import { toDate } from '../shared/time';
import { toNewsLink, type NewsLink } from './article-view-models';

type Db = Knex | Knex.Transaction;

/** How many of the newest visible articles a title match looks at: a demo newsroom, not an archive. */
const TITLE_SCAN = 500;

function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/**
 * Visible articles about a vehicle, best first. An article "mentions the model" when it names the
 * make and the model (a tag `宝骏730` / `宝骏 730`, or the make and model each in a tag or the
 * title); it "mentions the make" when a tag is the make or the title contains it. Model mentions
 * rank above make-only ones, then newest first. A model name alone ("730") never counts: it is
 * too short and too shared to mean this car without its make.
 *
 * Tags go through the tag index (tags.name → article_tags.tag_id); titles are checked in memory
 * over the newest visible articles (bounded by TITLE_SCAN and the (status, published_at) index),
 * which also lets `宝骏 730` match `宝骏730` without dialect-specific SQL.
 */
export async function articlesForVehicle(db: Db, makeName: string, modelName: string | null, limit: number, now: Date = new Date()): Promise<NewsLink[]> {
  const make = makeName.trim();
  const model = modelName?.trim() || null;
  if (!make || limit <= 0) return [];
  const makeKey = fold(make);
  const modelKey = model ? fold(model) : null;
  const tagNames = model ? [make, model, `${make}${model}`, `${make} ${model}`] : [make];

  const tagged = (await whereVisible(db, db('article_tags as at').join('articles as a', 'a.id', 'at.article_id').join('tags as t', 't.id', 'at.tag_id'), now)
    .whereIn('t.name', tagNames)
    .select('a.id', 't.name')) as { id: number; name: string }[];
  const recent = (await whereVisible(db, db('articles as a'), now)
    .orderBy([{ column: 'a.published_at', order: 'desc' }, { column: 'a.id', order: 'desc' }])
    .limit(TITLE_SCAN)
    .select('a.id', 'a.title')) as { id: number; title: string }[];
  const titled = recent.filter((r) => fold(r.title).includes(makeKey));

  const signals = new Map<number, { make: boolean; model: boolean }>();
  const mark = (id: number, what: { make?: boolean; model?: boolean }) => {
    const s = signals.get(Number(id)) ?? { make: false, model: false };
    signals.set(Number(id), { make: s.make || !!what.make, model: s.model || !!what.model });
  };
  for (const r of tagged) {
    const key = fold(r.name);
    if (key === makeKey) mark(r.id, { make: true });
    else if (modelKey && key === makeKey + modelKey) mark(r.id, { make: true, model: true });
    else if (modelKey && key === modelKey) mark(r.id, { model: true });
  }
  for (const r of titled) mark(r.id, { make: true, model: modelKey !== null && fold(r.title).includes(modelKey) });

  const ids = [...signals.entries()].filter(([, s]) => s.make).map(([id]) => id);
  if (ids.length === 0) return [];
  const rows = await articleRepository(db).visibleByIds(ids, now);
  const at = (r: ArticleRow) => toDate(r.published_at)?.getTime() ?? 0;
  return rows
    .map((r) => ({ r, strong: signals.get(Number(r.id))!.model ? 1 : 0 }))
    .sort((x, y) => y.strong - x.strong || at(y.r) - at(x.r) || y.r.id - x.r.id)
    .slice(0, limit)
    .map(({ r }) => toNewsLink(r));
}
