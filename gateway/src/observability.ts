import { createRegistry } from '../../subgraphs/shared/src/observability/metrics';
import { REQUEST_ID_HEADER } from '../../subgraphs/shared/src/observability/request-scope';
import {
  flushTracing,
  startTracingFrom,
  tracingEnabled,
} from '../../subgraphs/shared/src/observability/tracing';
import type { FeatureDeps, GatewayFeature } from './features';
import { usePrometheusMetrics } from './observability/metrics';
import { ClientOperations } from './observability/operations';
import { replaceUntrustedRequestId } from './observability/request-id';
import { useRequestLog } from './observability/request-log';
import { useTracing } from './observability/tracing';

const GRAPHQL_PATH = '/graphql';

/**
 * Metrics, traces and request ids for operators: Prometheus metrics for the metrics listener,
 * OpenTelemetry spans exported when `OTEL_EXPORTER_OTLP_ENDPOINT` is set (nothing is added
 * otherwise), and one log line per request carrying its request id: the caller's `x-request-id`
 * when it passes the rule every service applies, otherwise a new UUID.
 */
export function observability({ config, logger }: FeatureDeps): GatewayFeature {
  startTracingFrom(config.tracing, logger);
  const registry = createRegistry('gateway');
  const operations = new ClientOperations();
  return {
    // The runtime's own: it puts the id on the request's logger, sends it with every subgraph
    // call and answers it. It keeps any header it finds, so the header is checked before.
    options: { requestId: { headerName: REQUEST_ID_HEADER } },
    beforeRuntime: replaceUntrustedRequestId,
    plugins: (context) => [
      operations.plugin(),
      usePrometheusMetrics(registry, context.log, operations),
      ...(tracingEnabled() ? [useTracing(context, GRAPHQL_PATH)] : []),
      useRequestLog(GRAPHQL_PATH, operations),
    ],
    metrics: registry,
    close: flushTracing,
  };
}
