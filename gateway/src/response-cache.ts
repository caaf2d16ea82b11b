import { createHash, randomUUID } from 'node:crypto';
import type { GatewayConfigContext, GatewayPlugin } from '@graphql-hive/gateway-runtime';
import useMeshResponseCache from '@graphql-mesh/plugin-response-cache';
import type { KeyValueCache } from '@graphql-mesh/types';

export interface ResponseCacheDeps {
  cache: KeyValueCache;
  ttlMs: number;
  /** A hash of the supergraph being served: an answer is kept for the schema that made it. */
  supergraphVersion: () => string;
  /** Whether the request's token verified, or it has none: a bad token is refused, never served. */
  tokenAccepted: (serverContext: object) => boolean;
}

interface KeyParts {
  documentString: string;
  variableValues?: unknown;
  operationName?: string | null;
  sessionId?: string | null;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The key names everything that shapes an answer: the document (by its SHA-256, the hash a
 * persisted query is registered under), the operation, the variables, the caller's token, which
 * is what the subgraphs decide by, and the supergraph. The cache runs after the persisted-query
 * step, so a request that sent only a hash has its document here; one that has none (it failed
 * that step) gets a key of its own, so no two such requests ever share an answer.
 */
function responseCacheKey(supergraphVersion: () => string) {
  return ({ documentString, variableValues, operationName, sessionId }: KeyParts) =>
    documentString
      ? sha256(
          JSON.stringify([
            supergraphVersion(),
            sha256(documentString),
            operationName ?? null,
            variableValues ?? null,
            sessionId ?? null,
          ]),
        )
      : `uncached:${randomUUID()}`;
}

/**
 * Hive Gateway's response cache, added after the authentication and persisted-query plugins
 * rather than through the runtime's `responseCaching` option, which runs it before both: its key
 * was built before a hash-only request's document was known (every such request with the same
 * variables shared one answer), and it answered `If-None-Match` with 304 before the token was
 * checked.
 */
export function useResponseCache(
  deps: ResponseCacheDeps,
  context: GatewayConfigContext,
): GatewayPlugin {
  const plugin = useMeshResponseCache({
    ...context,
    cache: deps.cache,
    ttl: deps.ttlMs,
    session: (request: Request) => request.headers.get('authorization') ?? null,
    buildResponseCacheKey: responseCacheKey(deps.supergraphVersion),
    invalidateViaMutation: true,
    includeExtensionMetadata: false,
  });
  const answerNotModified = plugin.onRequest;
  if (answerNotModified) {
    plugin.onRequest = (payload) =>
      deps.tokenAccepted(payload.serverContext as object) ? answerNotModified(payload) : undefined;
  }
  return plugin;
}
