import type { Redis } from 'ioredis';
import type { Logger } from './logger';
import { connectSharedRedis, type SharedRedis } from './redis-client';

/**
 * The nonces of the signed writes a subgraph has run, each kept while its signature could still
 * be accepted, so that a replayed write is refused (signature-check.ts).
 */
export interface NonceStore {
  /** True the first time a nonce is claimed, false for every later claim while it is kept. */
  claim(nonce: string): Promise<boolean>;
  close(): Promise<void>;
}

export interface NonceStoreOptions {
  /** How long a nonce is kept: the longest its signature can be accepted. */
  ttlMs: number;
  /** Nonces one replica keeps in memory. @default 100000 */
  maxEntries?: number;
}

/**
 * One replica's nonces, in insertion order. Every entry lives the same time, so the oldest are
 * the first to expire and are dropped from the front as nonces are claimed. Past `maxEntries`
 * (100,000 signed writes in one window, far beyond the graph's write load; only a valid
 * signature adds one) the oldest is dropped, so memory stays bounded.
 */
export class MemoryNonces implements NonceStore {
  private readonly expiries = new Map<string, number>();
  private readonly maxEntries: number;

  constructor(private readonly options: NonceStoreOptions) {
    this.maxEntries = options.maxEntries ?? 100_000;
  }

  /** Nonces kept now. */
  get size(): number {
    return this.expiries.size;
  }

  async claim(nonce: string): Promise<boolean> {
    const now = Date.now();
    for (const [kept, expiry] of this.expiries) {
      if (expiry > now) break;
      this.expiries.delete(kept);
    }
    if (this.expiries.has(nonce)) return false;
    if (this.expiries.size >= this.maxEntries) {
      this.expiries.delete(this.expiries.keys().next().value!);
    }
    this.expiries.set(nonce, now + this.options.ttlMs);
    return true;
  }

  async close(): Promise<void> {}
}

/**
 * Nonces shared by every replica through Redis (`SET NX` with the time to live, under
 * `${prefix}signature-nonce:`), so a write replayed to another replica is refused too. The
 * replica also keeps its own, which answer alone while Redis cannot: losing Redis lets a write
 * be replayed to another replica, never refuses a write, as losing it loosens the rate limits.
 */
class RedisNonces implements NonceStore {
  private readonly shared: SharedRedis;
  private readonly redis: Redis;
  private readonly local: MemoryNonces;
  private degraded = false;
  private closed = false;
  /** Settles once the first connection is made or has failed: a new replica's claims wait. */
  private readonly connected: Promise<void>;

  constructor(
    url: string,
    private readonly options: NonceStoreOptions & { prefix: string; logger: Logger },
  ) {
    this.local = new MemoryNonces(options);
    this.shared = connectSharedRedis(url);
    this.redis = this.shared.redis;
    this.connected = this.shared.connected;
    this.redis.on('error', (error: Error) => this.degrade(error));
    this.redis.on('ready', () => {
      if (!this.degraded) return;
      this.degraded = false;
      options.logger.info('replayed signed writes are refused across replicas again');
    });
  }

  private degrade(error: unknown): void {
    if (this.degraded || this.closed) return;
    this.degraded = true;
    this.options.logger.warn(
      { err: error, redisStatus: this.redis.status },
      'Redis is unreachable: replayed signed writes are refused by this replica alone until it is back',
    );
  }

  async claim(nonce: string): Promise<boolean> {
    if (!(await this.local.claim(nonce))) return false;
    await this.connected;
    try {
      const key = `${this.options.prefix}signature-nonce:${nonce}`;
      return (await this.redis.set(key, '1', 'PX', this.options.ttlMs, 'NX')) === 'OK';
    } catch (error) {
      this.degrade(error);
      return true;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.shared.close();
  }
}

/** Nonces in Redis when `redisUrl` is set, else in this replica's memory. */
export function createNonceStore(
  options: NonceStoreOptions & { redisUrl?: string; prefix: string; logger: Logger },
): NonceStore {
  return options.redisUrl ? new RedisNonces(options.redisUrl, options) : new MemoryNonces(options);
}
