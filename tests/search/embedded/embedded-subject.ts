import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Knex } from 'knex';
import { createDb } from '../../../src/db/knex';
import { migrateLatest } from '../../../src/db/migrate';
import { EmbeddedSearchEngine, type DocumentSource } from '../../../src/search/embedded';
import type { SearchDocument } from '../../../src/search/search-engine';
import type { ConformanceSubject } from '../conformance/conformance';

/** A source over an in-memory list, standing in for the catalogue and newsroom loaders in reindex tests. */
export function listSource(docs: () => readonly SearchDocument[], batchSize = 10): DocumentSource {
  return {
    count: async () => docs().length,
    batches: async function* () {
      const all = docs();
      for (let i = 0; i < all.length; i += batchSize) yield all.slice(i, i + batchSize);
    },
  };
}

export async function embeddedSubject(): Promise<ConformanceSubject & { dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qipei-search-'));
  const db: Knex = createDb({ client: 'sqlite3', filename: path.join(dir, 'test.sqlite') });
  await migrateLatest(db);
  let loaded: readonly SearchDocument[] = [];
  const engine = new EmbeddedSearchEngine(db, listSource(() => loaded));
  return {
    engine, db, dir,
    async load(docs) {
      loaded = [...loaded, ...docs];
      await db.transaction((trx) => engine.index(trx, docs));
    },
    async teardown() {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
