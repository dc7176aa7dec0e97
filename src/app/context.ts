import type { Knex } from 'knex';
import type { Config } from '../config/config';
import type { Logger } from '../shared/logger';
import type { MediaStorage } from '../media/storage';
import type { CatalogService } from '../catalog/catalog-service';
import type { SearchIndexer } from '../search/search-indexer';
import type { SearchEngine } from '../search/search-engine';

/** Everything the HTTP shell wires together; built once in server.ts (or a test). */
export interface AppContext {
  readonly config: Config;
  readonly db: Knex;
  readonly logger: Logger;
  readonly storage: MediaStorage;
  readonly catalog: CatalogService;
  /** Writers call this inside their transaction; search wiring provides the implementation. */
  readonly indexer: SearchIndexer;
  readonly search: SearchEngine;
}
