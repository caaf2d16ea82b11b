import type { GatewayConfigContext, GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { useOpenTelemetry } from '@graphql-hive/plugin-opentelemetry';

/**
 * Hive Gateway's OpenTelemetry plugin: spans for the HTTP request, the operation (parse,
 * validate, execute), each subgraph execution and each upstream fetch, into whose headers it
 * injects the W3C `traceparent` so the subgraphs continue the trace. Probes are not traced.
 */
export function useTracing(context: GatewayConfigContext, graphqlPath: string): GatewayPlugin {
  return useOpenTelemetry({
    ...context,
    traces: {
      spans: { http: ({ request }) => new URL(request.url).pathname === graphqlPath },
    },
  }) as GatewayPlugin;
}
