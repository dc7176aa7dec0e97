import { startMeiliStub } from './meili-stub';
import { testDialect } from './test-db';

export interface TestSearch {
  /** Merged into the environment the test app's config is loaded from. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * THE hook for search in tests; createTestApp() and global setup call it once each.
 * SQLite: the embedded engine, nothing to start. PostgreSQL: the app requires Meilisearch
 * (the embedded engine is SQLite-only), so each caller gets a Meilisearch stub of its own;
 * per-file stubs keep parallel test files from seeing each other's indexes.
 * A test that brings its own server passes `createTestApp({ env: { MEILI_URL, MEILI_API_KEY } })`
 * and no stub is started.
 */
export async function startTestSearch(override: Record<string, string> = {}): Promise<TestSearch> {
  if (testDialect() !== 'pg' || override.MEILI_URL) return { env: {}, close: async () => {} };
  const stub = await startMeiliStub();
  return { env: { MEILI_URL: stub.url, MEILI_API_KEY: stub.apiKey }, close: () => stub.close() };
}

type Drainable = { drain?: () => Promise<unknown>; health(): Promise<{ outboxLag?: number }> };

/**
 * Meilisearch sees a committed write once the outbox worker has delivered it; this delivers
 * what is pending and returns when the outbox is empty. The embedded engine indexes inside the
 * writer's transaction, so there it returns at once. Bounded by rounds, not by a clock.
 */
export async function searchCaughtUp(search: unknown, rounds = 500): Promise<void> {
  const engine = search as Drainable | undefined;
  if (!engine?.drain) return;
  for (let i = 0; i < rounds; i++) {
    await engine.drain();
    if (((await engine.health()).outboxLag ?? 0) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the search outbox was never delivered');
}
