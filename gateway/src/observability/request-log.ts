import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { ClientOperations } from './operations';

/**
 * One JSON line per GraphQL request, written through the request's own logger, which the
 * runtime has already given the request id (the caller's `x-request-id` if it passed the rule,
 * or a new UUID). The runtime also forwards that id to every subgraph call and answers it in
 * `x-request-id`.
 */
export function useRequestLog(graphqlPath: string, operations: ClientOperations): GatewayPlugin {
  const started = new WeakMap<Request, number>();
  return {
    onRequest({ request, url }) {
      if (url.pathname === graphqlPath) started.set(request, performance.now());
    },
    onResponse({ request, response, serverContext }) {
      const start = started.get(request);
      // A plugin before this one may have answered already (a refused token): log it anyway.
      if (start === undefined && new URL(request.url).pathname !== graphqlPath) return;
      const operation = operations.of(request);
      serverContext.log.info(
        {
          method: request.method,
          status: response.status,
          operationName: operation?.name,
          operationType: operation?.type,
          durationMs: start === undefined ? undefined : Math.round(performance.now() - start),
        },
        'graphql request served',
      );
    },
  };
}
