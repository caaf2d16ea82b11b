import InMemoryLRUCache from '@graphql-mesh/cache-inmemory-lru';
import * as cacheControlParser from 'cache-control-parser';
import { useAPQ } from '@graphql-yoga/plugin-apq';
import { exampleOperations } from '../operations';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { FeatureDeps, GatewayFeature } from './features';
import { useResponseCache } from './response-cache';
import { persistedQueryStore } from './persisted-queries';
import { SharedCache } from './shared-cache';

/**
 * Speed that costs no correctness:
 * - automatic persisted queries: a client sends the SHA-256 of an operation instead of its text;
 *   the example operations are known from the start, others once sent in full. The store is a
 *   bounded LRU, so registering operations cannot exhaust memory.
 * - compressed responses for clients that ask for them (`Accept-Encoding`).
 * - a response cache, off unless RESPONSE_CACHE_TTL_MS is set. Each caller's answers are cached
 *   under their own token; anonymous answers (public data only, the same for every anonymous
 *   caller) are shared. A mutation through the gateway evicts the answers that contain the
 *   records it returns; writes that bypass the gateway are seen within the TTL. With REDIS_URL
 *   the cache is in Redis, shared by every replica, so a mutation through one evicts in all;
 *   without it each replica keeps its own, and replicas may differ for up to the TTL.
 */
export function performance({
  config: { performance: config },
  logger,
  supergraphVersion,
  tokenAccepted,
}: FeatureDeps): GatewayFeature {
  const ttl = config.responseCacheTtlMs;
  if (ttl > 0) giveCacheControlParserADefault();
  const cache =
    ttl <= 0
      ? undefined
      : config.redisUrl
        ? new SharedCache({
            url: config.redisUrl,
            prefix: config.redisKeyPrefix,
            logger,
            ttlMs: ttl,
          })
        : new InMemoryLRUCache({ max: config.responseCacheSize });
  const store = persistedQueryStore(exampleOperations(), { size: config.apqStoreSize });
  return {
    options: { contentEncoding: config.compression },
    // The persisted-query step first, so that the cache keys the document it finds.
    plugins: (context) => [
      useAPQ({ store }) as GatewayPlugin,
      ...(cache
        ? [useResponseCache({ cache, ttlMs: ttl, supergraphVersion, tokenAccepted }, context)]
        : []),
    ],
    async close() {
      cache?.[Symbol.dispose]();
    },
  };
}

/**
 * @graphql-mesh/plugin-response-cache reads a subgraph's Cache-Control header through
 * `require('cache-control-parser').default.parse`, but that package is a UMD bundle marked as an
 * ES module, so its exports have no `default`: every subgraph answer that carries the header
 * fails. Pointing `default` at the exports themselves is the whole repair.
 */
function giveCacheControlParserADefault(): void {
  const parser = cacheControlParser as typeof cacheControlParser & { default?: unknown };
  parser.default ??= parser;
}
