import type { KeyValueCache, KeyValueCacheSetOptions } from '@graphql-mesh/types';
import { LRUCache } from 'lru-cache';
import type { MeasuredCache } from './measured';

/** An entry's map slot, list node and bookkeeping beside its key and value; a rough figure. */
const ENTRY_BYTES = 128;
/**
 * Heap an answer takes per character of its JSON: about 2.2 for answers shaped like the graph's
 * (lists of objects with short strings, parsed with JSON.parse on Node 20), rounded up.
 */
const ANSWER_BYTES_PER_CHAR = 3;
/** An answer over this share of the budget is not cached: it would push out many others. */
const LARGEST_SHARE = 16;

function jsonLength(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return Number.MAX_SAFE_INTEGER;
  }
}

/**
 * The response cache of one replica (REDIS_URL unset): an LRU bounded by the estimated bytes of
 * its answers and by a number of entries, implementing the KeyValueCache the response-cache
 * plugin writes to (its answers, and an entry per record an answer holds, for eviction).
 */
export class MemoryResponseCache implements KeyValueCache<NonNullable<unknown>>, MeasuredCache {
  private readonly lru: LRUCache<string, NonNullable<unknown>>;

  constructor({ maxBytes, maxEntries }: { maxBytes: number; maxEntries: number }) {
    this.lru = new LRUCache({
      max: maxEntries,
      maxSize: maxBytes,
      maxEntrySize: Math.max(1, Math.floor(maxBytes / LARGEST_SHARE)),
      sizeCalculation: (value, key) =>
        Math.min(
          Number.MAX_SAFE_INTEGER,
          ENTRY_BYTES + 2 * key.length + ANSWER_BYTES_PER_CHAR * jsonLength(value),
        ),
    });
  }

  get bytes(): number {
    return this.lru.calculatedSize;
  }

  get maxBytes(): number {
    return this.lru.maxSize;
  }

  get(key: string) {
    return this.lru.get(key);
  }

  /** `ttl` is in seconds, as the KeyValueCache interface has it. */
  set(key: string, value: NonNullable<unknown>, options?: KeyValueCacheSetOptions): void {
    const ttl = options?.ttl;
    this.lru.set(key, value, ttl && ttl > 0 ? { ttl: ttl * 1000 } : undefined);
  }

  delete(key: string): boolean {
    return this.lru.delete(key);
  }

  getKeysByPrefix(prefix: string): string[] {
    return [...this.lru.keys()].filter((key) => key.startsWith(prefix));
  }

  [Symbol.dispose](): void {
    this.lru.clear();
  }
}
