import type { Config } from '../config/config';
import { createDb } from '../db/knex';
import { migrateLatest } from '../db/migrate';
import { startSqliteMaintenance } from '../db/sqlite-maintenance';
import { assertNoDefaultAdmin } from '../admin';
import { createCatalogService } from '../catalog';
import { createFitmentShop } from '../fitment';
import { createNewsService } from '../news';
import { createCartService } from '../cart';
import { createOrders } from '../orders';
import { LocalMediaStorage } from '../media';
import { createLogger, type Logger } from '../shared/logger';
import { QueryStatsRecorder } from '../search/query-stats';
import { runSeeds } from '../../seeds';
import { createSearchEngine, createSearchIndexer, newsArticleDocuments as articleDocuments, startScheduledArticleIndexer } from './search-wiring';
import type { AppContext } from './context';

export interface Runtime extends AppContext {
  close(): Promise<void>;
}

/** config → db → migrate → services (→ seed an empty database). Used by server.ts, CLIs and tests. */
export async function bootstrap(config: Config, opts: { logger?: Logger; seed?: boolean; startWorkers?: boolean } = {}): Promise<Runtime> {
  const logger = opts.logger ?? createLogger(config.logLevel);
  for (const warning of config.warnings) logger.warn({ event: 'config_warning' }, warning);
  const db = createDb(config.database);
  try {
    await migrateLatest(db);
    // ASVS: production never runs with an admin that opens with a published default password.
    if (config.env === 'production') await assertNoDefaultAdmin(db);
    const storage = new LocalMediaStorage(config.mediaDir);
    const catalog = createCatalogService(db);
    const fitment = createFitmentShop(db);
    // The picker needs the vehicle tables even on databases seeded before fitment existed.
    await fitment.ensureVehicles();
    const search = createSearchEngine(config, db, logger, articleDocuments);
    await search.prepare?.();
    const indexer = createSearchIndexer(search, articleDocuments);
    const news = createNewsService(db, { catalog, indexer });
    const queryStats = new QueryStatsRecorder(db, { onError: (err) => logger.warn({ err }, 'search query stats not written; will retry') });
    const cart = createCartService(db);
    const orders = createOrders({ db, logger, secret: config.sessionSecret, siteUrl: config.publicUrl, smtpUrl: config.smtpUrl });
    const ctx: AppContext = { config, db, logger, storage, catalog, fitment, news, indexer, search, queryStats, cart, orders };
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
    let stopScheduler = () => {};
    let stopMaintenance = () => {};
    if (opts.startWorkers ?? true) {
      search.start?.();
      queryStats.start();
      orders.notifications.start();
      stopScheduler = startScheduledArticleIndexer(db, indexer, logger);
      stopMaintenance = startSqliteMaintenance(db, (r) => r.checkpointed && logger.info(r, 'sqlite: WAL checkpointed'), (err) => logger.warn({ err }, 'sqlite maintenance failed'));
    }
    return {
      ...ctx,
      async close() {
        stopScheduler();
        await orders.notifications.stop();
        stopMaintenance();
        await search.stop?.();
        await queryStats.stop();
        await db.destroy();
      },
    };
  } catch (err) {
    await db.destroy();
    throw err;
  }
}
