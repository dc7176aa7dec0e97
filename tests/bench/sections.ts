import type { LoadResult } from './harness';
import { soakSection } from './soak';

export interface BenchContext {
  hello: string;
  shop: string;
  helloRes: LoadResult;
  dataDir: string;
  duration: number;
  products: number;
  appPid: number;
}

/** Benchmark sections beyond the storefront pages; each feature adds its own. */
export async function run(ctx: BenchContext): Promise<string[]> {
  const sections: string[] = [];
  // `npm run bench -- --soak`: ten minutes by default (BENCH_SOAK_SECONDS), so never by default.
  // Integrator: pass an article counter once news exists, e.g.
  //   soakSection(ctx, async () => ({ path: '/news/<slug>', readCount: async () => Number((await db('articles').where({ slug }).first('view_count')).view_count) }))
  if (process.argv.includes('--soak')) sections.push(...(await soakSection(ctx)));
  return sections;
}
