import { createHash } from 'node:crypto';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { useAPQ } from '@graphql-yoga/plugin-apq';
import { LRUCache } from 'lru-cache';
import type { Logger } from '../../subgraphs/shared/src/logger';
import { createRateLimiter } from '../../subgraphs/shared/src/protection/rate-limit';
import { exampleOperations } from '../operations';
import { measureOf, type MeasuredCache } from './caches/measured';
import type { GatewayConfig } from './config';
import {
  useRegistrationLimit,
  type RegistrationLimitOptions,
} from './protection/apq-registrations';

/** How long a registered document is kept unused: @graphql-yoga/plugin-apq's default. */
const REGISTRATION_TTL_MS = 36_000;

/**
 * Where automatic persisted queries are found by their SHA-256: documents clients registered,
 * in an LRU bounded by `size` documents and `maxBytes` of their text (two bytes a character, as
 * V8 keeps it at most) that forgets them after `ttlMs` (a client sends the document again when
 * told it is not found), and the given documents (the example operations), known for as long as
 * the process runs and not counted.
 */
export function persistedQueryStore(
  known: readonly { document: string }[],
  {
    size,
    maxBytes,
    ttlMs = REGISTRATION_TTL_MS,
  }: { size: number; maxBytes: number; ttlMs?: number },
) {
  const pinned = new Map(
    known.map(({ document }) => [createHash('sha256').update(document).digest('hex'), document]),
  );
  const registered = new LRUCache<string, string>({
    max: size,
    ttl: ttlMs,
    maxSize: maxBytes,
    sizeCalculation: (document, hash) => 2 * (document.length + hash.length),
  });
  return {
    get: (hash: string) => pinned.get(hash) ?? registered.get(hash),
    set: (hash: string, document: string) => {
      if (!pinned.has(hash)) registered.set(hash, document);
    },
    has: (hash: string) => pinned.has(hash) || registered.has(hash),
    cache: measureOf(registered),
  };
}

/**
 * Automatic persisted queries: the store, and the plugins that limit registrations (per caller,
 * APQ_REGISTRATIONS_PER_MINUTE) and then find or register each request's document.
 */
export function persistedQueries(
  config: GatewayConfig['performance'],
  deps: { logger: Logger } & Pick<RegistrationLimitOptions, 'trustProxy' | 'verifiedSubject'>,
): { plugins: () => GatewayPlugin[]; cache: MeasuredCache; close: () => Promise<void> } {
  const store = persistedQueryStore(exampleOperations(), {
    size: config.apqStoreSize,
    maxBytes: config.apqStoreMaxBytes,
  });
  const max = config.apqRegistrationsPerMinute;
  const limiter =
    max > 0
      ? createRateLimiter({
          max,
          windowMs: 60_000,
          redisUrl: config.redisUrl,
          prefix: `${config.redisKeyPrefix}apq-registrations:`,
          logger: deps.logger,
        })
      : undefined;
  const limit = limiter && useRegistrationLimit({ ...deps, limiter, max, known: store.has });
  return {
    plugins: () => [...(limit ? [limit] : []), useAPQ({ store }) as GatewayPlugin],
    cache: store.cache,
    close: async () => limiter?.close(),
  };
}
