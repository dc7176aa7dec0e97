import { MeilisearchApiError, type IndexSwap, type Meilisearch } from 'meilisearch';
import { fold } from '../text';
import { DeliveryRejected } from '../outbox/outbox-worker';
import { PRIMARY_KEY } from './document-mapper';
import { indexSettings, type SettingsInput } from './index-settings';
import { isIndexNotFound, isTaskNotFound, isTaskTimeout, SettingsRejected, TaskOutage } from './meili-errors';
import { settle, settlePatiently, type TaskWait } from './meili-sink';

export { isIndexNotFound } from './meili-errors';

/** The oldest Meilisearch the settings work on: `typoTolerance.disableOnNumbers` came in 1.15 (`localizedAttributes` in 1.10). */
export const MIN_MEILISEARCH_VERSION = '1.15.0';
/** The swap request's `rename` field; older servers refuse the whole request when it is present. */
const SWAP_RENAME_SINCE = '1.18.0';

export function versionAtLeast(version: string, min: string): boolean {
  const a = version.split('.').map((n) => Number.parseInt(n, 10) || 0);
  const b = min.split('.').map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

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

/** Index life cycle: create (idempotent), apply settings, delete, swap. */
export class IndexAdmin {
  /** Settings tasks whose wait timed out, by index: the next ensure waits on them instead of resending. */
  private readonly pendingSettings = new Map<string, number>();
  private version: Promise<string> | null = null;

  constructor(
    private readonly client: Meilisearch,
    private readonly wait: TaskWait,
    private readonly settingsInput: () => Promise<SettingsInput>,
  ) {}

  /** GET /version, once per process (again after a failure, or after `forgetServer`). */
  serverVersion(): Promise<string> {
    this.version ??= this.client.getVersion().then(
      (v) => v.pkgVersion,
      (e: unknown) => {
        this.version = null;
        throw e;
      },
    );
    return this.version;
  }

  /** The server may have been replaced (upgraded, wiped): ask its version again, forget its tasks. */
  forgetServer(): void {
    this.version = null;
    this.pendingSettings.clear();
  }

  /** The index's creation time, or null when it does not exist: a change means it was recreated. */
  async createdAt(uid: string): Promise<string | null> {
    try {
      const raw = await this.client.getRawIndex(uid);
      return String(raw.createdAt);
    } catch (e) {
      if (isIndexNotFound(e)) return null;
      throw e;
    }
  }

  async exists(uid: string): Promise<boolean> {
    return (await this.createdAt(uid)) !== null;
  }

  /** Number of documents, or null when the index does not exist. */
  async documentCount(uid: string): Promise<number | null> {
    try {
      return (await this.client.index(uid).getStats()).numberOfDocuments;
    } catch (e) {
      if (isIndexNotFound(e)) return null;
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

  /**
   * Creates the index when missing and applies the settings; returns the index's creation time.
   * Settings the server refuses throw SettingsRejected (an operator must act); an internal or
   * cancelled settings task throws TaskOutage (retry later); a wait that times out keeps the task
   * and the next call waits on it.
   */
  async ensure(uid: string): Promise<string> {
    if (!(await this.exists(uid))) await this.create(uid);
    if (!(await this.awaitPendingSettings(uid))) {
      const input = await this.settingsInput();
      let taskUid: number;
      try {
        taskUid = (await this.client.index(uid).updateSettings(indexSettings({ ...input, synonyms: foldSynonyms(input.synonyms) }))).taskUid;
      } catch (e) {
        if (e instanceof MeilisearchApiError && e.response.status >= 400 && e.response.status < 500 && e.cause?.type === 'invalid_request') {
          throw new SettingsRejected(await this.explain(`${e.cause.code}: ${e.message}`));
        }
        throw e;
      }
      await this.settleSettings(uid, taskUid);
    }
    const created = await this.createdAt(uid);
    if (created === null) throw new TaskOutage(`index ${uid} vanished while its settings were applied`, 'index_not_found');
    return created;
  }

  /** True when a settings task sent earlier has now succeeded, so nothing needs sending. */
  private async awaitPendingSettings(uid: string): Promise<boolean> {
    const pending = this.pendingSettings.get(uid);
    if (pending === undefined) return false;
    try {
      await this.settleSettings(uid, pending);
      return true;
    } catch (e) {
      if (isTaskTimeout(e) || e instanceof SettingsRejected) throw e;
      if (e instanceof TaskOutage || isTaskNotFound(e)) return false;
      throw e;
    }
  }

  private async settleSettings(uid: string, taskUid: number): Promise<void> {
    this.pendingSettings.set(uid, taskUid);
    try {
      await settle(this.client, taskUid, this.wait);
      this.pendingSettings.delete(uid);
    } catch (e) {
      if (isTaskTimeout(e)) throw e;
      this.pendingSettings.delete(uid);
      if (e instanceof DeliveryRejected) throw new SettingsRejected(await this.explain(e.message));
      throw e;
    }
  }

  /** Names the server's version when it is older than the settings need: the usual cause. */
  private async explain(message: string): Promise<string> {
    const version = await this.serverVersion().catch(() => null);
    if (version && !versionAtLeast(version, MIN_MEILISEARCH_VERSION)) {
      return `Meilisearch ${version} is older than ${MIN_MEILISEARCH_VERSION}, the minimum qipei's index settings need; upgrade it. (${message})`;
    }
    return `index settings rejected by Meilisearch${version ? ` ${version}` : ''}: ${message}`;
  }

  /** Drops the settings tasks this process remembers for `uid`: new settings supersede them. */
  forgetSettings(uid: string): void {
    this.pendingSettings.delete(uid);
  }

  async delete(uid: string, between?: () => Promise<void>): Promise<void> {
    const task = await this.client.deleteIndex(uid);
    await this.settleLong(task.taskUid, between);
  }

  /** Swaps two indexes; `rename` is sent only to servers that know it (1.18+). */
  async swap(a: string, b: string, between?: () => Promise<void>): Promise<void> {
    const pair: IndexSwap = versionAtLeast(await this.serverVersion(), SWAP_RENAME_SINCE) ? { indexes: [a, b], rename: false } : ({ indexes: [a, b] } as unknown as IndexSwap);
    const task = await this.client.swapIndexes([pair]);
    await this.settleLong(task.taskUid, between);
  }

  private async settleLong(taskUid: number, between?: () => Promise<void>): Promise<void> {
    if (between) await settlePatiently(this.client, taskUid, this.wait, between);
    else await settle(this.client, taskUid, this.wait);
  }
}
