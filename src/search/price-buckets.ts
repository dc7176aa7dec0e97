/**
 * Price facet buckets (yuan), shared by both engines so `facetDistribution.price` has the same keys.
 * A bucket holds prices in [from, to); the last one is open.
 */
export const PRICE_BUCKETS: readonly { readonly key: string; readonly from: number; readonly to: number | null }[] = [
  { key: '0-50', from: 0, to: 50 },
  { key: '50-100', from: 50, to: 100 },
  { key: '100-200', from: 100, to: 200 },
  { key: '200-500', from: 200, to: 500 },
  { key: '500+', from: 500, to: null },
];

export function priceBucket(price: number): string {
  for (const b of PRICE_BUCKETS) if (price >= b.from && (b.to === null || price < b.to)) return b.key;
  return PRICE_BUCKETS[0].key;
}
