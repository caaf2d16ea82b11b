import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { Logger } from '../logger';
import { connectSharedRedis, type SharedRedis } from '../redis-client';

export interface RateLimitDecision {
  allowed: boolean;
  /** Requests left in the caller's window. */
  remaining: number;
  /** When the caller's window ends, in ms from now. */
  resetMs: number;
}

/** Counts requests per caller in fixed windows that start with the caller's first request. */
export interface RateLimiter {
  take(key: string, weight?: number): Promise<RateLimitDecision>;
  close(): Promise<void>;
}

export interface RateLimitOptions {
  /** Requests per window. */
  max: number;
  windowMs: number;
}

/**
 * Counts `weight` requests for `key`. `consume` resolves while the caller is within the limit and
 * rejects with a `RateLimiterRes` once over it; any other rejection is a failure, thrown as is.
 * Refused requests count too.
 */
async function decide(
  limiter: RateLimiterAbstract,
  key: string,
  weight: number,
): Promise<RateLimitDecision> {
  // The Redis limiter rejects other weights with an Error, which would pass for Redis failing.
  if (!Number.isInteger(weight) || weight < 0) {
    throw new RangeError(`A rate limit weight is a whole number of requests, not ${weight}`);
  }
  let allowed = true;
  let result: RateLimiterRes;
  try {
    result = await limiter.consume(key, weight);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    allowed = false;
    result = rejection;
  }
  return {
    allowed,
    remaining: result.remainingPoints,
    resetMs: Math.max(0, Math.round(result.msBeforeNext)),
  };
}

/**
 * One process's limit, in memory, to the millisecond. Each caller's count is dropped by a timer
 * (which does not keep the process alive) when its window ends, so many callers cannot grow
 * memory forever.
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly limiter: RateLimiterMemory;

  constructor(options: RateLimitOptions) {
    this.limiter = new RateLimiterMemory({
      points: options.max,
      duration: options.windowMs / 1000,
      keyPrefix: '',
    });
  }

  take(key: string, weight = 1): Promise<RateLimitDecision> {
    return decide(this.limiter, key, weight);
  }

  async close(): Promise<void> {}
}

/** The replica's own count, which answers whenever Redis cannot; `onAnswer` hears each time. */
class ReplicaCount extends RateLimiterMemory {
  constructor(
    options: ConstructorParameters<typeof RateLimiterMemory>[0],
    private readonly onAnswer: () => void,
  ) {
    super(options);
  }

  override consume(...args: Parameters<RateLimiterMemory['consume']>): Promise<RateLimiterRes> {
    this.onAnswer();
    return super.consume(...args);
  }
}

/**
 * A limit shared by every replica through Redis, under the keys `${prefix}${key}`. When Redis
 * cannot be reached the replica counts alone, in memory, so losing Redis loosens the limit but
 * never refuses callers. Redis windows are whole seconds, rounded up: the store sets a key's
 * time to live in seconds, and a window under one second would never end there.
 */
class RedisRateLimiter implements RateLimiter {
  private readonly shared: SharedRedis;
  private readonly redis: Redis;
  private readonly limiter: RateLimiterRedis;
  private degraded = false;
  private closed = false;
  /** Settles once the first connection is made or has failed: until then, nothing is counted. */
  private readonly connected: Promise<void>;

  constructor(
    url: string,
    private readonly options: RateLimitOptions & { prefix: string; logger: Logger },
  ) {
    this.shared = connectSharedRedis(url);
    this.redis = this.shared.redis;
    // A replica that has just started would otherwise count its first callers alone.
    this.connected = this.shared.connected;
    this.redis.on('error', (error: Error) => this.degrade(error));
    this.redis.on('ready', () => {
      if (!this.degraded) return;
      this.degraded = false;
      options.logger.info('rate limits are shared through Redis again');
    });
    const limit = {
      points: options.max,
      duration: Math.max(1, Math.ceil(options.windowMs / 1000)),
      keyPrefix: '',
    };
    this.limiter = new RateLimiterRedis({
      ...limit,
      storeClient: this.redis,
      // While the client is not connected, the replica's count answers at once.
      rejectIfRedisNotReady: true,
      insuranceLimiter: new ReplicaCount(limit, () => this.degrade()),
    });
  }

  private degrade(error?: unknown): void {
    if (this.degraded || this.closed) return;
    this.degraded = true;
    this.options.logger.warn(
      { err: error, redisStatus: this.redis.status },
      'Redis is unreachable: rate limits are counted by this replica alone until it is back',
    );
  }

  async take(key: string, weight = 1): Promise<RateLimitDecision> {
    await this.connected;
    return decide(this.limiter, `${this.options.prefix}${key}`, weight);
  }

  async close(): Promise<void> {
    this.closed = true;
    // Also stops the reconnection attempts of a client that never reached Redis.
    await this.shared.close();
  }
}

export function createRateLimiter(
  options: RateLimitOptions & { redisUrl?: string; prefix: string; logger: Logger },
): RateLimiter {
  return options.redisUrl
    ? new RedisRateLimiter(options.redisUrl, options)
    : new MemoryRateLimiter(options);
}
