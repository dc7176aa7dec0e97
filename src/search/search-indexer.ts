import type { Knex } from 'knex';

/**
 * What writers call inside their transaction after changing a product or an article, so the
 * search index (embedded) or the outbox (Meilisearch) changes in the same commit as the row.
 * The implementation reads the committed-to-be row through `trx` and builds the document.
 */
export interface SearchIndexer {
  productChanged(trx: Knex.Transaction, productId: number): Promise<void>;
  /** Many products in one go (spreadsheet imports): one document load and one index write. */
  productsChanged?(trx: Knex.Transaction, productIds: readonly number[]): Promise<void>;
  productRemoved(trx: Knex.Transaction, productId: number): Promise<void>;
  articleChanged(trx: Knex.Transaction, articleId: number): Promise<void>;
  articleRemoved(trx: Knex.Transaction, articleId: number): Promise<void>;
}
