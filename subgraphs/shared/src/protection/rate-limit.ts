import { Redis } from 'ioredis';
import type { Logger } from '../logger';

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

/** One process's limit, in memory. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private lastSweep = Date.now();

  constructor(private readonly options: RateLimitOptions) {}

  async take(key: string, weight = 1): Promise<RateLimitDecision> {
    const now = Date.now();
    this.sweep(now);
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + this.options.windowMs };
      this.windows.set(key, window);
    }
    window.count += weight;
    return {
      allowed: window.count <= this.options.max,
      remaining: Math.max(0, this.options.max - window.count),
      resetMs: window.resetAt - now,
    };
  }

  /** Ended windows are dropped once per window, so many callers cannot grow memory forever. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.options.windowMs) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) {
      if (window.resetAt <= now) this.windows.delete(key);
    }
  }

  async close(): Promise<void> {
    this.windows.clear();
  }
}

/** Atomic: add the weight, start the window on the first request, return count and time left. */
const TAKE = `
local count = redis.call('INCRBY', KEYS[1], ARGV[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  ttl = tonumber(ARGV[2])
end
return {count, ttl}
`;

/**
 * A limit shared by every replica through Redis. When Redis cannot be reached the replica falls
 * back to its own in-memory limit, so losing Redis loosens the limit but never refuses callers.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly redis: Redis;
  private readonly fallback: MemoryRateLimiter;
  private degraded = false;

  constructor(
    url: string,
    private readonly options: RateLimitOptions & { prefix: string; logger: Logger },
  ) {
    this.fallback = new MemoryRateLimiter(options);
    this.redis = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      commandTimeout: 500,
      lazyConnect: false,
      // Back within a second of Redis returning; ioredis waits up to 2 s by default.
      retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
    });
    this.redis.defineCommand('rateLimitTake', { numberOfKeys: 1, lua: TAKE });
    this.redis.on('error', (error: Error) => this.degrade(error));
    this.redis.on('ready', () => {
      if (!this.degraded) return;
      this.degraded = false;
      options.logger.info('rate limits are shared through Redis again');
    });
  }

  private degrade(error: unknown): void {
    if (this.degraded) return;
    this.degraded = true;
    this.options.logger.warn(
      { err: error },
      'Redis is unreachable: rate limits are counted by this replica alone until it is back',
    );
  }

  async take(key: string, weight = 1): Promise<RateLimitDecision> {
    try {
      const [count, ttl] = (await (
        this.redis as Redis & {
          rateLimitTake(key: string, weight: number, windowMs: number): Promise<[number, number]>;
        }
      ).rateLimitTake(`${this.options.prefix}${key}`, weight, this.options.windowMs)) as [
        number,
        number,
      ];
      return {
        allowed: count <= this.options.max,
        remaining: Math.max(0, this.options.max - count),
        resetMs: ttl,
      };
    } catch (error) {
      this.degrade(error);
      return this.fallback.take(key, weight);
    }
  }

  async close(): Promise<void> {
    await this.fallback.close();
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => undefined);
    // Also stops the reconnection attempts of a client that never reached Redis.
    this.redis.disconnect();
  }
}

export function createRateLimiter(
  options: RateLimitOptions & { redisUrl?: string; prefix: string; logger: Logger },
): RateLimiter {
  return options.redisUrl
    ? new RedisRateLimiter(options.redisUrl, options)
    : new MemoryRateLimiter(options);
}
