import type { Config } from '../config/config';
import { createDb } from '../db/knex';
import { migrateLatest } from '../db/migrate';
import { createCatalogService } from '../catalog';
import { createNewsService } from '../news';
import { LocalMediaStorage } from '../media';
import { createLogger, type Logger } from '../shared/logger';
import { runSeeds } from '../../seeds';
import type { AppContext } from './context';

export interface Runtime extends AppContext {
  close(): Promise<void>;
}

/** config → db → migrate → services (→ seed an empty database). Used by server.ts, CLIs and tests. */
export async function bootstrap(config: Config, opts: { logger?: Logger; seed?: boolean } = {}): Promise<Runtime> {
  const logger = opts.logger ?? createLogger(config.logLevel);
  const db = createDb(config.database);
  try {
    await migrateLatest(db);
    const storage = new LocalMediaStorage(config.mediaDir);
    const catalog = createCatalogService(db);
    // Replaced by the search engine's indexer when search is wired in (src/search).
    const indexer: AppContext['indexer'] = {
      productChanged: async () => {},
      productRemoved: async () => {},
      articleChanged: async () => {},
      articleRemoved: async () => {},
    };
    const news = createNewsService(db, { catalog, indexer });
    const ctx: AppContext = { config, db, logger, storage, catalog, news, indexer };
    if (opts.seed ?? config.seedOnStart) {
      const empty = !(await db('products').first('id'));
      if (empty) {
        logger.info('empty database: seeding demo content');
        await runSeeds(db, {
          storage,
          afterProductWrite: (trx, id) => indexer.productChanged(trx, id),
          afterArticleWrite: (trx, id) => indexer.articleChanged(trx, id),
        });
      }
    }
    return { ...ctx, close: () => db.destroy() };
  } catch (err) {
    await db.destroy();
    throw err;
  }
}
