import type { Knex } from 'knex';
import type { MediaStorage } from '../src/media';
import * as catalog from './01_catalog';
import * as news from './02_news';

export interface SeedContext {
  readonly storage: MediaStorage;
  /** Lets the running app keep derived state (search) in step, inside the seed's transaction. */
  readonly afterProductWrite?: (trx: Knex.Transaction, productId: number) => Promise<void>;
  /** Same for articles: called inside the transaction that wrote the article. */
  readonly afterArticleWrite?: (trx: Knex.Transaction, articleId: number) => Promise<void>;
}

/** Seeds in order; each is idempotent, so running them on a seeded database changes nothing. */
export const SEEDS: { name: string; seed(knex: Knex, ctx: SeedContext): Promise<void> }[] = [
  { name: '01_catalog', seed: catalog.seed },
  { name: '02_news', seed: news.seed },
];

export async function runSeeds(knex: Knex, ctx: SeedContext): Promise<void> {
  for (const s of SEEDS) await s.seed(knex, ctx);
}
