import { testDialect } from './test-db';

export interface TestSearch {
  /** Merged into the environment the test app's config is loaded from. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * Stands in until the Meilisearch stub (tests/helpers/meili-stub) is merged: an address where
 * nothing listens. Nothing on this branch talks to search yet; it only satisfies the config
 * rule that PostgreSQL needs MEILI_URL.
 */
const NO_MEILI_YET = 'http://127.0.0.1:9';

/**
 * THE hook for search in tests; createTestApp() and global setup call it once each.
 * SQLite: the embedded engine, nothing to start. PostgreSQL: the app requires Meilisearch,
 * so each test file gets its own. When the stub lands, the pg branch becomes:
 *
 *   const stub = await startMeiliStub();
 *   return { env: { MEILI_URL: stub.url }, close: () => stub.close() };
 *
 * A test that brings its own server passes `createTestApp({ env: { MEILI_URL } })` and this
 * hook is skipped.
 */
export async function startTestSearch(override: Record<string, string> = {}): Promise<TestSearch> {
  if (testDialect() !== 'pg' || override.MEILI_URL) return { env: {}, close: async () => {} };
  return { env: { MEILI_URL: NO_MEILI_YET }, close: async () => {} };
}
