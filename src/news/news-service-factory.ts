import type { Knex } from 'knex';
import type { CatalogService } from '../catalog';
import type { SearchIndexer } from '../search/search-indexer';
import { createArticleEditor } from './article-editor';
import { createNewsReader } from './news-service';
import { formatViews } from './view-counter';

/** The newsroom service in AppContext: read side for pages, write side for the admin. */
export function createNewsService(db: Knex, deps: { catalog: CatalogService; indexer: SearchIndexer; now?: () => Date }) {
  return { ...createNewsReader(db, deps), ...createArticleEditor(db, deps), formatViews };
}

export type NewsService = ReturnType<typeof createNewsService>;
