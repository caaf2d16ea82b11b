import { Redis } from 'ioredis';

/** A connection to the Redis that replicas share, and when its first connection settled. */
export interface SharedRedis {
  redis: Redis;
  /**
   * Settles once the first connection is made or has failed (2 s at most), so a replica that has
   * just started waits for it before it counts, claims or writes alone.
   */
  connected: Promise<void>;
  /** Ends the connection without waiting on a socket that has already failed. */
  close(): Promise<void>;
}

/**
 * The client every shared state (rate limits, signature nonces, the data generation) uses:
 * commands fail at once rather than queue while Redis is away, each waits `commandTimeout` at
 * most, and the client is back within a second of Redis returning.
 */
export function connectSharedRedis(url: string, { commandTimeout = 500 } = {}): SharedRedis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    commandTimeout,
    // How long closing waits for the socket to end; 2 s by default, a wait that holds the
    // process open even when the socket had already failed.
    disconnectTimeout: 200,
    lazyConnect: false,
    // ioredis waits up to 2 s between attempts by default.
    retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
  });
  const connected = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 2000);
    timer.unref();
    const settle = () => {
      clearTimeout(timer);
      resolve();
    };
    redis.once('ready', settle);
    redis.once('error', settle);
  });
  return {
    redis,
    connected,
    async close() {
      if (redis.status === 'ready') await redis.quit().catch(() => undefined);
      redis.disconnect();
    },
  };
}
