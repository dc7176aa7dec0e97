import type { Knex } from 'knex';

/**
 * Default synonym groups: every word of a group is a synonym of every other (Meilisearch's
 * "mutual" association). Chinese part names ↔ English trade names ↔ Taiwan/Hong Kong spellings.
 * Edited as rows of `search_synonyms`, not here: this list only seeds an empty table.
 */
export const DEFAULT_SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['尾灯', 'tail light', 'tail lamp', 'taillight', '尾燈'],
  ['中网', 'grille', 'grill', '水箱罩'],
  ['门槛条', 'door sill', 'sill strip', 'sill plate', '迎宾踏板'],
  ['充电器', 'charger', '充电机'],
  ['引擎盖', 'hood', 'bonnet', '机盖'],
  ['车贴', 'sticker', 'decal', '贴纸'],
  ['脚垫', 'floor mat', 'car mat'],
  ['座套', 'seat cover'],
  ['行车记录仪', 'dash cam', 'dashcam'],
  ['手机支架', 'phone holder', 'phone mount'],
  ['香水', 'car perfume', 'air freshener'],
  ['电瓶', 'battery', '蓄电池'],
  ['后视镜', 'mirror', 'rearview mirror'],
  ['大灯', 'headlight', 'headlamp'],
  ['雾灯', 'fog light', 'fog lamp'],
  ['轮毂', 'rim', 'wheel rim'],
  ['雨刮', 'wiper', '雨刷'],
  ['挡泥板', 'mudguard', 'mud flap'],
];

export const SYNONYMS_TABLE = 'search_synonyms';

/** Inserts the default groups when the table is empty; safe to call on every start. */
export async function seedDefaultSynonyms(db: Knex | Knex.Transaction): Promise<void> {
  const row = await db(SYNONYMS_TABLE).count<{ n: number | string }[]>({ n: '*' }).first();
  if (Number(row?.n ?? 0) > 0) return;
  const now = Date.now();
  await db(SYNONYMS_TABLE).insert(DEFAULT_SYNONYM_GROUPS.map((words) => ({ words: JSON.stringify(words), updated_at: now })));
}

/** Groups as stored: each a list of mutually synonymous words or phrases. */
export async function loadSynonymGroups(db: Knex | Knex.Transaction): Promise<string[][]> {
  const rows = await db(SYNONYMS_TABLE).select<{ words: string }[]>('words').orderBy('id');
  const groups: string[][] = [];
  for (const r of rows) {
    try {
      const parsed: unknown = JSON.parse(r.words);
      if (Array.isArray(parsed)) groups.push(parsed.filter((w): w is string => typeof w === 'string' && w.trim() !== '').map((w) => w.trim()));
    } catch {
      // A hand-edited row that is not JSON is skipped rather than breaking every search.
    }
  }
  return groups.filter((g) => g.length > 1);
}

/**
 * The same data in Meilisearch's `synonyms` setting format: each word maps to all the others
 * (lowercased, as Meilisearch normalises them anyway).
 */
export async function loadSynonyms(db: Knex | Knex.Transaction): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const group of await loadSynonymGroups(db)) {
    const lower = group.map((w) => w.toLowerCase());
    for (const w of lower) {
      const others = lower.filter((o) => o !== w);
      out[w] = [...new Set([...(out[w] ?? []), ...others])];
    }
  }
  return out;
}
