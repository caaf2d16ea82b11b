import RedisCache from '@graphql-mesh/cache-redis';
import type { KeyValueCache, KeyValueCacheSetOptions } from '@graphql-mesh/types';
import type { Redis } from 'ioredis';
import type { Logger } from '../../subgraphs/shared/src/logger';

/** Where the index sets live, apart from the cached values. */
const INDEX = 'response-cache-index:';

/** How long a request may wait on Redis before the gateway goes on without the cache. */
const TIMEOUT_MS = 250;

export interface SharedCacheOptions {
  url: string;
  logger: Logger;
  /**
   * Put before every key, so deployments that share a Redis (staging and production, say) never
   * serve each other's answers.
   */
  prefix: string;
  /** Answers older than this are gone from Redis even if no write evicted them. */
  ttlMs: number;
}

/**
 * The response cache in Redis, shared by every replica: an answer cached by one is served by all,
 * and a mutation through any of them evicts it in all.
 *
 * `@graphql-mesh/cache-redis` stores and reads the values. The response cache finds the answers
 * that hold a record through keys of the form `response-cache:<record>:<answer>`, asking for every
 * key under a prefix; the library answers that with a SCAN of the whole keyspace, ten keys a round
 * trip, once per record and once per answer a write touches. Here each such key is also added to a
 * set named after its prefix, so finding them is one SMEMBERS, whatever Redis holds.
 *
 * Redis is a cache, never a dependency: when it cannot be reached a read is a miss after
 * TIMEOUT_MS at most, writes to the cache are dropped, and the gateway answers from the
 * subgraphs. An eviction lost while Redis is away leaves an answer up to its TTL.
 */
export class SharedCache implements KeyValueCache<unknown>, Disposable {
  private readonly cache: RedisCache<unknown>;
  private readonly redis: Redis;
  private unreachable = false;

  constructor(private readonly options: SharedCacheOptions) {
    const url = new URL(options.url);
    url.searchParams.set('keyPrefix', options.prefix);
    this.cache = new RedisCache<unknown>({
      url: url.toString(),
      lazyConnect: false,
      logger: quiet,
    });
    // The library keeps its client to itself; the index sets need the same connection.
    this.redis = (this.cache as unknown as { client: Redis }).client;
    this.redis.on('error', (error: Error) => this.lost(error));
    this.redis.on('ready', () => {
      if (!this.unreachable) return;
      this.unreachable = false;
      options.logger.info('the response cache is shared through Redis again');
    });
  }

  get(key: string): Promise<unknown> {
    return this.bounded(undefined, () => this.cache.get(key));
  }

  set(key: string, value: unknown, options?: KeyValueCacheSetOptions): Promise<void> {
    return this.bounded(undefined, async () => {
      await this.cache.set(key, value, options);
      const index = indexOf(key);
      if (!index) return;
      const ttlMs = options?.ttl ? Math.ceil(options.ttl * 1000) : this.options.ttlMs;
      // The set lives as long as its longest-lived key: NX gives a new set its TTL, GT extends it.
      await this.redis
        .multi()
        .sadd(index, key)
        .pexpire(index, ttlMs, 'NX')
        .pexpire(index, ttlMs, 'GT')
        .exec();
    });
  }

  delete(key: string): Promise<boolean> {
    return this.bounded(false, async () => {
      const index = indexOf(key);
      if (index) await this.redis.srem(index, key);
      return this.cache.delete(key);
    });
  }

  getKeysByPrefix(prefix: string): Promise<string[]> {
    return this.bounded([], () =>
      // A member may outlive its key by the set's TTL; evicting a key that is gone is harmless.
      prefix.endsWith(':')
        ? this.redis.smembers(`${INDEX}${prefix}`)
        : this.cache.getKeysByPrefix(prefix),
    );
  }

  [Symbol.dispose](): void {
    this.cache[Symbol.dispose]();
  }

  /** The command's answer, or `otherwise` when Redis is away, fails or takes too long. */
  private async bounded<T>(otherwise: T, command: () => Promise<T>): Promise<T> {
    if (this.redis.status !== 'ready') return otherwise;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<T>((done) => {
      timer = setTimeout(done, TIMEOUT_MS, otherwise);
    });
    try {
      return await Promise.race([command(), late]);
    } catch (error) {
      this.lost(error);
      return otherwise;
    } finally {
      clearTimeout(timer);
    }
  }

  private lost(error: unknown): void {
    if (this.unreachable) return;
    this.unreachable = true;
    this.options.logger.warn(
      { err: error },
      'Redis is unreachable: answers are not cached until it is back',
    );
  }
}

/** `response-cache:<a>:<b>` is indexed under `response-cache:<a>:`; other keys are not. */
function indexOf(key: string): string | undefined {
  const last = key.lastIndexOf(':');
  if (!key.startsWith('response-cache:') || last <= 'response-cache:'.length) return undefined;
  return `${INDEX}${key.slice(0, last + 1)}`;
}

/** The library logs each connection at debug; the gateway logs what matters itself. */
const quiet = {
  log: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => quiet,
} as unknown as ConstructorParameters<typeof RedisCache>[0]['logger'];
