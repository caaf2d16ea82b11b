import { documentCache } from './caches/documents';
import { MemoryResponseCache } from './caches/response-memory';
import type { FeatureDeps, GatewayFeature } from './features';
import { dataGenerations, useResponseCache } from './response-cache';
import { persistedQueries } from './persisted-queries';
import { SharedCache } from './shared-cache';

/**
 * Speed that costs no correctness:
 * - automatic persisted queries: a client sends the SHA-256 of an operation instead of its text;
 *   the example operations are known from the start, others once sent in full. The store is an
 *   LRU bounded by bytes, and each caller registers at most APQ_REGISTRATIONS_PER_MINUTE.
 * - the runtime's parse and validation caches, bounded by bytes (DOCUMENT_CACHE_MAX_BYTES).
 * - compressed responses for clients that ask for them (`Accept-Encoding`).
 * - a response cache, off unless RESPONSE_CACHE_TTL_MS is set. Each caller's answers are cached
 *   under their own token; anonymous answers (public data only, the same for every anonymous
 *   caller) are shared. Every key names the data generation, which moves on after each committed
 *   write to any subgraph, through the gateway or not: no answer cached before a write is served
 *   after it. With REDIS_URL the cache and the generation are in Redis, shared by every replica
 *   and subgraph; without it the subgraphs must run in this process (docs/security.md).
 */
export function performance({
  config: {
    performance: config,
    protection: { trustProxy },
  },
  logger,
  supergraphVersion,
  tokenAccepted,
  verifiedSubject,
  inProcessGeneration,
}: FeatureDeps): GatewayFeature {
  const ttl = config.responseCacheTtlMs;
  const generations = ttl > 0 ? dataGenerations(config, inProcessGeneration) : [];
  const cache =
    ttl <= 0
      ? undefined
      : config.redisUrl
        ? new SharedCache({
            url: config.redisUrl,
            prefix: config.redisKeyPrefix,
            logger,
          })
        : new MemoryResponseCache({
            maxBytes: config.responseCacheMaxBytes,
            maxEntries: config.responseCacheSize,
          });
  const apq = persistedQueries(config, { logger, trustProxy, verifiedSubject });
  const documents = documentCache(config.documentCacheMaxBytes);
  return {
    options: { contentEncoding: config.compression },
    // The persisted-query step first, so that the cache keys the document it finds.
    plugins: () => [
      documents.plugin,
      ...apq.plugins(),
      ...(cache
        ? [useResponseCache({ cache, ttlMs: ttl, supergraphVersion, tokenAccepted, generations })]
        : []),
    ],
    caches: {
      apq: apq.cache,
      documents: documents.cache,
      ...(cache instanceof MemoryResponseCache ? { response: cache } : {}),
    },
    async close() {
      cache?.[Symbol.dispose]();
      await apq.close();
      await Promise.all(generations.map((generation) => generation.close()));
    },
  };
}
