import type { Knex } from 'knex';
import { Router, type Request, type Response } from 'express';
import {
  formatSynonymGroups, loadStopWords, loadSynonymGroups, parseStopWords, parseSynonymGroups, saveStopWords, saveSynonymGroups,
  SEARCH_SETTINGS_LIMITS, SearchSettingsError, topQueries, zeroResultQueries,
} from '../search';
import { wantsJson } from './admin-request';
import type { AdminDeps } from './admin-routes';
import { SEARCH_TEXT as T } from './admin-strings';

const DAYS = 30;
const LIST = 50;
const NOTICES: Record<string, string> = { synonyms: T.synonymsSaved, stopwords: T.stopWordsSaved, later: T.engineLater };

interface Drafts {
  synonyms?: string;
  stopWords?: string;
  error?: { message: string; code: string; form: 'synonyms' | 'stopwords' };
}

function field(body: unknown, name: string): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

/** Search insight: what shoppers look for and miss, and the word lists both engines use. */
export function searchInsightRoutes({ ctx }: AdminDeps): Router {
  const router = Router();

  async function render(res: Response, status: number, drafts: Drafts, notice: string | null) {
    const [top, zero, groups, stopWords] = await Promise.all([
      topQueries(ctx.db, { days: DAYS, limit: LIST }),
      zeroResultQueries(ctx.db, { days: DAYS, limit: LIST }),
      loadSynonymGroups(ctx.db),
      loadStopWords(ctx.db),
    ]);
    res.status(status).render('admin/search', {
      title: T.title, days: DAYS, top, zero, notice, limits: SEARCH_SETTINGS_LIMITS, error: drafts.error ?? null,
      synonymsText: drafts.synonyms ?? formatSynonymGroups(groups),
      stopWordsText: drafts.stopWords ?? stopWords.join('\n'),
      groupCount: groups.length, stopWordCount: stopWords.length,
    });
  }

  /**
   * Meilisearch gets the new settings now; if it cannot be reached, the save still stands and the
   * settings row written with it (`settingsChanged`) sends them once it is back.
   */
  async function applyToEngine(): Promise<boolean> {
    if (!ctx.search.refreshSettings) return true;
    try {
      await ctx.search.refreshSettings();
      return true;
    } catch (err) {
      ctx.logger.warn({ err }, 'search settings saved but not yet applied to the engine');
      return false;
    }
  }

  async function save(req: Request, res: Response, form: 'synonyms' | 'stopwords', run: (text: string) => Promise<void>) {
    const text = field(req.body, form === 'synonyms' ? 'synonyms' : 'stopwords');
    try {
      await run(text);
    } catch (err) {
      if (!(err instanceof SearchSettingsError)) throw err;
      if (wantsJson(req)) return res.status(400).json({ error: { code: err.code, message: err.message, ...err.details } });
      return render(res, 400, { [form === 'synonyms' ? 'synonyms' : 'stopWords']: text, error: { message: err.message, code: err.code, form } }, null);
    }
    const applied = await applyToEngine();
    res.redirect(303, `/admin/search?notice=${applied ? form : 'later'}`);
  }

  const engineHook = ctx.search.settingsChanged ? (trx: Knex.Transaction) => ctx.search.settingsChanged!(trx) : undefined;

  router.get('/search', async (req, res) => {
    const notice = typeof req.query.notice === 'string' && Object.hasOwn(NOTICES, req.query.notice) ? NOTICES[req.query.notice] : null;
    await render(res, 200, {}, notice);
  });

  router.post('/search/synonyms', (req, res) => save(req, res, 'synonyms', (text) => saveSynonymGroups(ctx.db, parseSynonymGroups(text), engineHook)));
  router.post('/search/stopwords', (req, res) => save(req, res, 'stopwords', (text) => saveStopWords(ctx.db, parseStopWords(text), engineHook)));

  return router;
}
