/**
 * A memo of a pure function by string key, within a bound: when it holds `limit` entries it starts
 * over. Cheaper than an LRU and enough where the same keys keep coming back (words, titles' runs).
 */
export function boundedMemo<V>(limit: number): (key: string, compute: () => V) => V {
  const entries = new Map<string, V>();
  return (key, compute) => {
    let value = entries.get(key);
    if (value === undefined) {
      value = compute();
      if (entries.size >= limit) entries.clear();
      entries.set(key, value);
    }
    return value;
  };
}
