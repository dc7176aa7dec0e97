import type { Config } from '../config/config';
import { createDb } from '../db/knex';
import { migrateLatest } from '../db/migrate';
import { createCatalogService } from '../catalog';
import { LocalMediaStorage } from '../media';
import { createLogger, type Logger } from '../shared/logger';
import { runSeeds } from '../../seeds';
import { createSearchEngine, createSearchIndexer } from './search-wiring';
import type { AppContext } from './context';

export interface Runtime extends AppContext {
  close(): Promise<void>;
}

/** config → db → migrate → services (→ seed an empty database). Used by server.ts, CLIs and tests. */
export async function bootstrap(config: Config, opts: { logger?: Logger; seed?: boolean; startWorkers?: boolean } = {}): Promise<Runtime> {
  const logger = opts.logger ?? createLogger(config.logLevel);
  const db = createDb(config.database);
  try {
    await migrateLatest(db);
    const storage = new LocalMediaStorage(config.mediaDir);
    const catalog = createCatalogService(db);
    const search = createSearchEngine(config, db, logger);
    const indexer = createSearchIndexer(search);
    const ctx: AppContext = { config, db, logger, storage, catalog, indexer, search };
    if (opts.seed ?? config.seedOnStart) {
      const empty = !(await db('products').first('id'));
      if (empty) {
        logger.info('empty database: seeding demo content');
        await runSeeds(db, { storage, afterProductWrite: (trx, id) => indexer.productChanged(trx, id) });
      }
    }
    if (opts.startWorkers ?? true) search.start?.();
    return {
      ...ctx,
      async close() {
        await search.stop?.();
        await db.destroy();
      },
    };
  } catch (err) {
    await db.destroy();
    throw err;
  }
}
