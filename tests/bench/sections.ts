import type { LoadResult } from './harness';

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
export async function run(_ctx: BenchContext): Promise<string[]> {
  return [];
}
