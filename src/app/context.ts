import type { Knex } from 'knex';
import type { Config } from '../config/config';
import type { Logger } from '../shared/logger';
import type { MediaStorage } from '../media/storage';
import type { CatalogService } from '../catalog/catalog-service';
import type { FitmentShop } from '../fitment';
import type { SearchIndexer } from '../search/search-indexer';
import type { SearchEngine } from '../search/search-engine';
import type { QueryStatsRecorder } from '../search/query-stats';
import type { NewsService } from '../news';
import type { CartService } from '../cart';
import type { Orders } from '../orders';

/** Everything the HTTP shell wires together; built once in server.ts (or a test). */
export interface AppContext {
  readonly config: Config;
  readonly db: Knex;
  readonly logger: Logger;
  readonly storage: MediaStorage;
  readonly catalog: CatalogService;
  /** Shopper-side fitment: garage, badges, fit box, picker data. */
  readonly fitment: FitmentShop;
  readonly news: NewsService;
  /** Writers call this inside their transaction; search wiring provides the implementation. */
  readonly indexer: SearchIndexer;
  readonly search: SearchEngine;
  /** Counts shoppers' queries per day for the admins' search insight (absent: nothing is counted). */
  readonly queryStats?: QueryStatsRecorder;
  readonly cart: CartService;
  /** Checkout, order lookup, the order desk and the notification worker. */
  readonly orders: Orders;
}
