import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { Counter, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { Logger } from './logger';
import { connectSharedRedis, type SharedRedis } from './redis-client';

/**
 * The data generation: a value that changes after every committed write to any subgraph's data.
 * The gateway's response cache keys each answer with it, so an answer cached before a write is
 * never served after it, whatever rows it read (docs/security.md, "Cache invalidation").
 */
export interface DataGeneration {
  /** The current generation, or undefined when it cannot be read now: the cache steps aside. */
  current(): Promise<string | undefined>;
  /** Moves to a new generation; false when it could not (never throws). */
  advance(): Promise<boolean>;
  close(): Promise<void>;
}

class ProcessGeneration implements DataGeneration {
  private count = 0;

  async current(): Promise<string> {
    return String(this.count);
  }

  async advance(): Promise<boolean> {
    this.count += 1;
    return true;
  }

  async close(): Promise<void> {}
}

/**
 * The generation of the subgraphs that run in this process (`npm start`, the tests): every
 * subgraph advances it, and a gateway in the same process is handed it (scripts/lib/graph.ts).
 */
export const processGeneration: DataGeneration = new ProcessGeneration();

/**
 * The generation every replica of every service shares, at `${prefix}response-cache:generation`.
 * Each write sets a new random value rather than INCR: a Redis that lost the key (a restart
 * without persistence, an eviction) would count again from 1, a number answers may still be
 * cached under.
 */
class RedisGeneration implements DataGeneration {
  private readonly shared: SharedRedis;
  private readonly redis: Redis;
  private readonly key: string;
  /** Settles once the first connection is made or has failed: a new replica's writes wait. */
  private readonly connected: Promise<void>;

  constructor(url: string, prefix: string) {
    this.key = `${prefix}response-cache:generation`;
    // A cacheable request waits this long at most before it goes on without the cache.
    this.shared = connectSharedRedis(url, { commandTimeout: 250 });
    this.redis = this.shared.redis;
    this.connected = this.shared.connected;
    // Failures are reported by the commands that fail.
    this.redis.on('error', () => undefined);
  }

  async current(): Promise<string | undefined> {
    if (this.redis.status !== 'ready') return undefined;
    try {
      const fresh = randomUUID();
      // A missing key gets a value no answer was ever cached under.
      if ((await this.redis.set(this.key, fresh, 'NX')) === 'OK') return fresh;
      return (await this.redis.get(this.key)) ?? undefined;
    } catch {
      return undefined;
    }
  }

  async advance(): Promise<boolean> {
    await this.connected;
    try {
      await this.redis.set(this.key, randomUUID());
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.shared.close();
  }
}

/** The shared generation in Redis when `redisUrl` is set, else none. */
export function sharedGeneration(
  redisUrl: string | undefined,
  prefix: string,
): DataGeneration | undefined {
  return redisUrl ? new RedisGeneration(redisUrl, prefix) : undefined;
}

/** Every generation that a database's writes advance, by the subgraph that serves it. */
const advancers = new WeakMap<DataSource, () => Promise<void>>();

/**
 * Makes every committed write to `db` (see `dataChanged`) advance the process's generation and
 * `shared`. A failure to advance `shared` is logged and counted, and the write stands.
 */
export function advanceOnWrite(
  db: DataSource,
  shared: DataGeneration | undefined,
  { logger, metrics }: { logger: Logger; metrics: Registry },
): void {
  const failures = new Counter({
    name: 'response_cache_generation_failures_total',
    help: 'Committed writes after which the shared data generation could not be advanced',
    registers: [metrics],
  });
  advancers.set(db, async () => {
    await processGeneration.advance();
    if (!shared || (await shared.advance())) return;
    failures.inc();
    logger.warn(
      'the data generation could not be advanced in Redis: a gateway that still reads it may serve answers cached before this write until their TTL',
    );
  });
}

/**
 * Called after a write to `db` committed and before its answer is returned, so no cached answer
 * read before it is served once the writer has its answer. Never throws.
 */
export async function dataChanged(db: DataSource): Promise<void> {
  await advancers.get(db)?.();
}
