import type { Knex } from 'knex';
import { bumpContentVersion } from '../shared/content-version';
import { BadRequestError } from '../shared/errors';
import { loadSynonymGroups, SYNONYMS_TABLE } from './synonyms';

export const STOPWORDS_TABLE = 'search_stopwords';
/** The topic both engines' caches (and the result cache) key on; bumped by every settings edit. */
export const SEARCH_SETTINGS_TOPIC = 'search';

export const LIMITS = Object.freeze({ wordLength: 40, groupWords: 20, groups: 300, stopWords: 300, textLength: 50_000 });

/** Words a shopper could type: no markup, quotes, backslashes or control characters. */
const FORBIDDEN = /[<>&"'`\\{}\p{Cc}]/u;
const WORD_SEPARATORS = /[,，、;；|]+/;

export class SearchSettingsError extends BadRequestError {
  constructor(message: string, code: string, line?: number) {
    super(message, code, line === undefined ? undefined : { line });
  }
}

function checkWord(word: string, line?: number): void {
  const where = line === undefined ? '' : `第 ${line} 行：`;
  if (FORBIDDEN.test(word)) throw new SearchSettingsError(`${where}“${word.slice(0, 20)}”含有不允许的字符（< > & " ' \` \\ { } 或控制字符）`, 'invalid_characters', line);
  if (Array.from(word).length > LIMITS.wordLength) throw new SearchSettingsError(`${where}词“${Array.from(word).slice(0, 20).join('')}…”超过 ${LIMITS.wordLength} 个字符`, 'word_too_long', line);
}

function checkText(text: string): void {
  if (text.length > LIMITS.textLength) throw new SearchSettingsError(`内容过长（最多 ${LIMITS.textLength} 个字符）`, 'text_too_long');
}

/**
 * The synonyms editor's text: one group per line, words separated by commas (，、; |).
 * Every group needs two different words; nothing is saved unless every line is valid.
 */
export function parseSynonymGroups(text: string): string[][] {
  checkText(text);
  const groups: string[][] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    const words = raw.split(WORD_SEPARATORS).map((w) => w.trim().replace(/\s+/g, ' ')).filter((w) => w !== '');
    if (words.length === 0) throw new SearchSettingsError(`第 ${line} 行：同义词组是空的`, 'empty_group', line);
    words.forEach((w) => checkWord(w, line));
    const unique = [...new Map(words.map((w) => [w.toLowerCase(), w])).values()];
    if (unique.length < 2) throw new SearchSettingsError(`第 ${line} 行：一组同义词至少要有两个不同的词`, 'group_too_small', line);
    if (unique.length > LIMITS.groupWords) throw new SearchSettingsError(`第 ${line} 行：一组最多 ${LIMITS.groupWords} 个词（现有 ${unique.length} 个）`, 'group_too_large', line);
    groups.push(unique);
  });
  if (groups.length > LIMITS.groups) throw new SearchSettingsError(`同义词组最多 ${LIMITS.groups} 组（现有 ${groups.length} 组）`, 'too_many_groups');
  return groups;
}

/** The stop-word editor's text: words separated by new lines, spaces or commas. */
export function parseStopWords(text: string): string[] {
  checkText(text);
  const words = [...new Set(text.split(/[\s,，、;；|]+/).map((w) => w.trim()).filter((w) => w !== ''))];
  words.forEach((w) => checkWord(w));
  if (words.length > LIMITS.stopWords) throw new SearchSettingsError(`停用词最多 ${LIMITS.stopWords} 个（现有 ${words.length} 个）`, 'too_many_words');
  return words;
}

export function formatSynonymGroups(groups: readonly (readonly string[])[]): string {
  return groups.map((g) => g.join(', ')).join('\n');
}

export async function loadStopWords(db: Knex | Knex.Transaction): Promise<string[]> {
  return (await db(STOPWORDS_TABLE).orderBy('word').pluck('word')) as string[];
}

export { loadSynonymGroups };

/**
 * Replaces every group in one transaction. New rows get new ids and a new updated_at, so the
 * embedded engine's per-query check (count, max id, max updated_at) sees the change on the next
 * query; the content version moves so every instance's result cache lets go of old answers.
 */
/** Runs inside a settings save's transaction (the Meilisearch adapter's outbox row). */
export type SettingsSaveHook = (trx: Knex.Transaction) => Promise<void>;

export async function saveSynonymGroups(db: Knex, groups: readonly (readonly string[])[], within?: SettingsSaveHook, now = Date.now()): Promise<void> {
  await db.transaction(async (trx) => {
    await trx(SYNONYMS_TABLE).del();
    for (let i = 0; i < groups.length; i += 100) {
      await trx(SYNONYMS_TABLE).insert(groups.slice(i, i + 100).map((words) => ({ words: JSON.stringify(words), updated_at: now })));
    }
    await bumpContentVersion(trx, SEARCH_SETTINGS_TOPIC);
    await within?.(trx);
  });
}

/** Replaces the stop-word list in one transaction (same versioning as the synonyms). */
export async function saveStopWords(db: Knex, words: readonly string[], within?: SettingsSaveHook, now = Date.now()): Promise<void> {
  await db.transaction(async (trx) => {
    await trx(STOPWORDS_TABLE).del();
    for (let i = 0; i < words.length; i += 100) {
      await trx(STOPWORDS_TABLE).insert(words.slice(i, i + 100).map((word) => ({ word, updated_at: now })));
    }
    await bumpContentVersion(trx, SEARCH_SETTINGS_TOPIC);
    await within?.(trx);
  });
}
