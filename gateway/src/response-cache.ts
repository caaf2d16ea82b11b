import { createHash, randomUUID } from 'node:crypto';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { KeyValueCache } from '@graphql-mesh/types';
import {
  useResponseCache as useYogaResponseCache,
  type Cache,
} from '@graphql-yoga/plugin-response-cache';
import { getOperationAST } from 'graphql';
import { sharedGeneration, type DataGeneration } from '../../subgraphs/shared/src/data-generation';
import { ConfigError } from '../../subgraphs/shared/src/settings';

export interface ResponseCacheDeps {
  cache: KeyValueCache;
  ttlMs: number;
  /** A hash of the supergraph being served: an answer is kept for the schema that made it. */
  supergraphVersion: () => string;
  /** Whether the request's token verified, or it has none: a bad token is refused, never served. */
  tokenAccepted: (serverContext: object) => boolean;
  /**
   * The data generations every key names: Redis's when the cache is shared, the process's when
   * the subgraphs run beside the gateway. Each moves on after every committed write.
   */
  generations: DataGeneration[];
}

interface KeyParts {
  documentString: string;
  variableValues?: unknown;
  operationName?: string | null;
  sessionId?: string | null;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The key of a request that must neither be answered from the cache nor stored in it. */
const UNCACHED = 'uncached:';

/**
 * The generations the cache's keys name: Redis's with REDIS_URL, where every subgraph replica
 * moves it, and the process's when the subgraphs run in this one. A gateway with neither could
 * not learn of any write and would serve answers the data no longer gives: it does not start.
 */
export function dataGenerations(
  config: { redisUrl: string | undefined; redisKeyPrefix: string },
  inProcess: DataGeneration | undefined,
): DataGeneration[] {
  const shared = sharedGeneration(config.redisUrl, config.redisKeyPrefix);
  if (!shared && !inProcess) {
    throw new ConfigError(
      'RESPONSE_CACHE_TTL_MS: the response cache needs REDIS_URL, set to the same Redis (and REDIS_KEY_PREFIX) as every subgraph, so that the gateway learns of their writes; without it, answers cached before a write would be served after it. Set REDIS_URL or RESPONSE_CACHE_TTL_MS=0.',
    );
  }
  return [shared, inProcess].filter((generation) => generation !== undefined);
}

/** The generations as one string, or undefined when one of them cannot be read now. */
async function generationOf(generations: DataGeneration[]): Promise<string | undefined> {
  const values = await Promise.all(generations.map((generation) => generation.current()));
  return values.includes(undefined) ? undefined : values.join(':');
}

/**
 * The key names everything that shapes an answer: the document (by its SHA-256, the hash a
 * persisted query is registered under), the operation, the variables, the caller's token, which
 * is what the subgraphs decide by, the supergraph, and the data generation, so an answer cached
 * before a write is never served after it. The cache runs after the persisted-query step, so a
 * request that sent only a hash has its document here; one that has none (it failed that step),
 * or comes while the generation cannot be read, gets a key of its own that is never stored.
 * The generation leads the key in clear, so an ETag of an older one is never confirmed.
 */
export function responseCacheKey(
  supergraphVersion: () => string,
  generations: DataGeneration[],
): (parts: KeyParts) => Promise<string> {
  return async ({ documentString, variableValues, operationName, sessionId }) => {
    const generation = documentString ? await generationOf(generations) : undefined;
    if (generation === undefined) return `${UNCACHED}${randomUUID()}`;
    const answer = sha256(
      JSON.stringify([
        supergraphVersion(),
        sha256(documentString),
        operationName ?? null,
        variableValues ?? null,
        sessionId ?? null,
      ]),
    );
    return `${sha256(generation).slice(0, 16)}.${answer}`;
  };
}

/** Whether an ETag names an answer of the current generation. */
async function ofCurrentGeneration(etag: string, generations: DataGeneration[]): Promise<boolean> {
  const generation = await generationOf(generations);
  return generation !== undefined && etag.startsWith(`${sha256(generation).slice(0, 16)}.`);
}

/**
 * The answers alone, each under `response-cache:<key>`. Nothing is indexed by record: the
 * generation in the key retires every answer at once, so there is nothing to find and evict.
 */
function answersIn(cache: KeyValueCache): Cache {
  return {
    get: (key) => cache.get(`response-cache:${key}`),
    set: (key, answer, _records, ttlMs) =>
      cache.set(
        `response-cache:${key}`,
        answer,
        Number.isFinite(ttlMs) ? { ttl: ttlMs / 1000 } : undefined,
      ),
    invalidate: () => undefined,
  };
}

/**
 * GraphQL Yoga's response cache, added after the authentication and persisted-query plugins
 * rather than through the runtime's `responseCaching` option, which runs it before both: its key
 * was built before a hash-only request's document was known (every such request with the same
 * variables shared one answer), and it answered `If-None-Match` with 304 before the token was
 * checked. A mutation's answer is never cached (`invalidateViaMutation` keeps mutations out; the
 * cache has nothing to invalidate), and the generation moves on after each mutation, before its
 * answer is sent, for a subgraph that could not move it itself.
 */
export function useResponseCache(deps: ResponseCacheDeps): GatewayPlugin {
  const plugin = useYogaResponseCache({
    cache: answersIn(deps.cache),
    ttl: deps.ttlMs,
    session: (request: Request) => request.headers.get('authorization') ?? null,
    buildResponseCacheKey: responseCacheKey(deps.supergraphVersion, deps.generations),
    shouldCacheResult: ({ cacheKey, result }) =>
      !cacheKey.startsWith(UNCACHED) && !result.errors?.length,
    invalidateViaMutation: true,
    includeExtensionMetadata: false,
  }) as GatewayPlugin;
  const answerNotModified = plugin.onRequest;
  if (answerNotModified) {
    plugin.onRequest = async (payload) => {
      const etag = payload.request.headers.get('if-none-match');
      if (!etag || !deps.tokenAccepted(payload.serverContext as object)) return;
      if (await ofCurrentGeneration(etag, deps.generations)) await answerNotModified(payload);
    };
  }
  plugin.onExecute = ({ args }) => {
    if (getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return;
    return {
      onExecuteDone: async () => {
        await Promise.all(deps.generations.map((generation) => generation.advance()));
      },
    };
  };
  return plugin;
}
