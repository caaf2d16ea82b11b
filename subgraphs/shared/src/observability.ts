import type { SubgraphFeature, SubgraphFeatureDeps } from './features';
import { createRegistry, databaseMetrics, operationMetrics } from './observability/metrics';
import { observeRequest, operationPlugin } from './observability/requests';
import { observeStatements, SqlObserver } from './observability/sql';
import { flushTracing, startTracingFrom, tracerFor } from './observability/tracing';

/**
 * Metrics, traces and request ids for operators: Prometheus metrics for the metrics listener
 * (operations, errors, latency, the database pool, SQL statements), OpenTelemetry spans from the
 * HTTP request through GraphQL execution to each SQL statement when `OTEL_EXPORTER_OTLP_ENDPOINT`
 * is set, and the request id on every log line.
 */
export function observability({ name, db, logger, tracing }: SubgraphFeatureDeps): SubgraphFeature {
  startTracingFrom(tracing, logger);
  const tracer = tracerFor(name);
  const registry = createRegistry(name);
  const metrics = operationMetrics(registry);
  databaseMetrics(registry, db);
  const stopObserving = observeStatements(db, new SqlObserver(db, tracer, metrics));
  return {
    apolloPlugins: [operationPlugin(tracer, metrics, logger)],
    aroundRequest: observeRequest(tracer),
    metrics: registry,
    async close() {
      stopObserving();
      registry.clear();
      await flushTracing();
    },
  };
}
