import { MeilisearchApiError, type Meilisearch } from 'meilisearch';
import { fold } from '../text';
import { PRIMARY_KEY } from './document-mapper';
import { indexSettings, type SettingsInput } from './index-settings';
import { settle, type TaskWait } from './meili-sink';
import { DeliveryRejected } from '../outbox/outbox-worker';

/** Synonyms in the folded form queries are sent in (尾燈 → 尾灯), merged and de-duplicated. */
export function foldSynonyms(raw: Record<string, string[]>): Record<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const [key, values] of Object.entries(raw)) {
    const k = fold(key).trim();
    if (!k) continue;
    const set = out.get(k) ?? new Set<string>();
    for (const v of values) {
      const f = fold(v).trim();
      if (f && f !== k) set.add(f);
    }
    out.set(k, set);
  }
  return Object.fromEntries([...out].filter(([, s]) => s.size > 0).map(([k, s]) => [k, [...s]]));
}

export function isIndexNotFound(e: unknown): boolean {
  return e instanceof MeilisearchApiError && e.cause?.code === 'index_not_found';
}

/** Index life cycle: create (idempotent), apply settings, delete, swap. */
export class IndexAdmin {
  constructor(
    private readonly client: Meilisearch,
    private readonly wait: TaskWait,
    private readonly settingsInput: () => Promise<SettingsInput>,
  ) {}

  async exists(uid: string): Promise<boolean> {
    try {
      await this.client.getRawIndex(uid);
      return true;
    } catch (e) {
      if (isIndexNotFound(e)) return false;
      throw e;
    }
  }

  async create(uid: string): Promise<void> {
    const task = await this.client.createIndex(uid, { primaryKey: PRIMARY_KEY });
    try {
      await settle(this.client, task.taskUid, this.wait);
    } catch (e) {
      if (!(e instanceof DeliveryRejected && e.message.startsWith('index_already_exists'))) throw e;
    }
  }

  /** Creates the index when missing and applies the settings; a rejected setting is a start-up error. */
  async ensure(uid: string): Promise<void> {
    if (!(await this.exists(uid))) await this.create(uid);
    const input = await this.settingsInput();
    const task = await this.client.index(uid).updateSettings(indexSettings({ ...input, synonyms: foldSynonyms(input.synonyms) }));
    await settle(this.client, task.taskUid, this.wait);
  }

  async delete(uid: string): Promise<void> {
    const task = await this.client.deleteIndex(uid);
    await settle(this.client, task.taskUid, this.wait);
  }

  async swap(a: string, b: string): Promise<void> {
    const task = await this.client.swapIndexes([{ indexes: [a, b], rename: false }]);
    await settle(this.client, task.taskUid, this.wait);
  }
}
