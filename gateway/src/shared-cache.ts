import RedisCache from '@graphql-mesh/cache-redis';
import type { KeyValueCache, KeyValueCacheSetOptions } from '@graphql-mesh/types';
import type { Redis } from 'ioredis';
import type { Logger } from '../../subgraphs/shared/src/logger';

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
}

/**
 * The response cache in Redis, shared by every replica: an answer cached by one is served by all.
 * `@graphql-mesh/cache-redis` stores and reads the values; no answer is ever looked for by
 * prefix, since the data generation in each key retires answers (response-cache.ts).
 *
 * Redis is a cache, never a dependency: when it cannot be reached a read is a miss after
 * TIMEOUT_MS at most, writes to the cache are dropped, and the gateway answers from the
 * subgraphs.
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
    // The library keeps its client to itself; its state says whether Redis can answer.
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
    return this.bounded(undefined, () => this.cache.set(key, value, options));
  }

  delete(key: string): Promise<boolean> {
    return this.bounded(false, () => this.cache.delete(key));
  }

  getKeysByPrefix(prefix: string): Promise<string[]> {
    return this.bounded([], () => this.cache.getKeysByPrefix(prefix));
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

/** The library logs each connection at debug; the gateway logs what matters itself. */
const quiet = {
  log: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => quiet,
} as unknown as ConstructorParameters<typeof RedisCache>[0]['logger'];
