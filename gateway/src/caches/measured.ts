import type { LRUCache } from 'lru-cache';

/** What a cache reports on the metrics listener: the bytes it holds and those it may hold. */
export interface MeasuredCache {
  readonly bytes: number;
  readonly maxBytes: number;
}

/** An lru-cache bounded by `maxSize`, read as a MeasuredCache. */
export function measureOf<V extends NonNullable<unknown>>(lru: LRUCache<string, V>): MeasuredCache {
  return {
    get bytes() {
      return lru.calculatedSize;
    },
    maxBytes: lru.maxSize,
  };
}
