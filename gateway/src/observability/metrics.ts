import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { Logger as HiveLogger } from '@graphql-hive/logger';
import usePrometheus, { createCounter, createHistogram } from '@graphql-mesh/plugin-prometheus';
import type { ExecutionRequest } from '@graphql-tools/utils';
import type { Registry } from 'prom-client';
import { DURATION_BUCKETS } from '../../../subgraphs/shared/src/observability/metrics';
import type { ClientOperations } from './operations';

const SUBGRAPH_LABELS = ['subgraphName', 'operationName', 'operationType'] as const;
const OPERATION_LABELS = ['operationName', 'operationType'];

interface OperationParams {
  operationName?: string;
  operationType?: string;
  errorPhase?: string;
}

/**
 * The plugin's per-operation metrics, with the caller-chosen operation name passed through a
 * bounded set of names so that nobody can grow the series (and the memory) without limit.
 */
function perOperation(registry: Registry, operations: ClientOperations) {
  const labels = (params: OperationParams) => ({
    operationName: operations.label(params.operationName ?? 'Anonymous'),
    operationType: params.operationType ?? 'unknown',
  });
  const histogram = (name: string, help: string, phases: string[]) =>
    createHistogram({
      registry,
      histogram: { name, help, labelNames: OPERATION_LABELS, buckets: DURATION_BUCKETS },
      fillLabelsFn: labels,
      phases: phases as never,
    });
  return {
    graphql_envelop_request: createCounter({
      registry,
      counter: {
        name: 'graphql_envelop_request',
        help: 'GraphQL requests executed',
        labelNames: OPERATION_LABELS,
      },
      fillLabelsFn: labels,
      phases: ['execute', 'subscribe'],
    }),
    graphql_envelop_error_result: createCounter({
      registry,
      counter: {
        name: 'graphql_envelop_error_result',
        help: 'Errors reported, by the phase that reported them',
        labelNames: [...OPERATION_LABELS, 'phase'],
      },
      fillLabelsFn: (params: OperationParams) => ({
        ...labels(params),
        phase: params.errorPhase ?? 'unknown',
      }),
      phases: ['parse', 'validate', 'context', 'execute', 'subscribe'],
    }),
    graphql_envelop_request_duration: histogram(
      'graphql_envelop_request_duration',
      'Time from parse to the end of execution',
      ['execute', 'subscribe'],
    ),
    graphql_envelop_phase_validate: histogram(
      'graphql_envelop_phase_validate',
      'Time spent validating',
      ['validate'],
    ),
    graphql_envelop_phase_execute: histogram(
      'graphql_envelop_phase_execute',
      'Time spent executing',
      ['execute'],
    ),
    // Each of these costs every request more than it tells an operator: the summary repeats the
    // histogram, parsing is cached, the context is the token check (a span when tracing is on),
    // and counting deprecated fields walks every document against the schema.
    graphql_envelop_request_time_summary: false,
    graphql_envelop_phase_parse: false,
    graphql_envelop_phase_context: false,
    graphql_envelop_deprecated_field: false,
  } as const;
}

/**
 * Hive Gateway's Prometheus plugin on the gateway's own registry: requests, errors and latency
 * per operation (`graphql_envelop_*`), per subgraph (`graphql_gateway_subgraph_execute_*`) and per
 * upstream HTTP call (`graphql_gateway_fetch_*`). The metrics listener serves the registry; the
 * plugin serves nothing on the clients' port.
 */
export function usePrometheusMetrics(
  registry: Registry,
  log: HiveLogger,
  operations: ClientOperations,
): GatewayPlugin {
  // The plugin would label a subgraph call with its own operation name, always `Anonymous`.
  const subgraphLabels = (input: { subgraphName: string; executionRequest: ExecutionRequest }) => {
    const request = (input.executionRequest.context as { request?: Request } | undefined)?.request;
    const operation = operations.of(request);
    return {
      subgraphName: input.subgraphName,
      operationName: operation?.name ?? 'Anonymous',
      operationType: operation?.type ?? input.executionRequest.operationType ?? 'query',
    };
  };
  return usePrometheus({
    registry,
    log,
    endpoint: false,
    // An error's path holds list indexes, and operation names are the caller's to choose: as
    // labels of the plugin's own metrics they would make series without bound. The metrics
    // below label operations through a bounded set of names instead.
    labels: { path: false },
    metrics: {
      ...(perOperation(registry, operations) as unknown as Record<string, never>),
      graphql_gateway_fetch_duration: DURATION_BUCKETS,
      graphql_gateway_subgraph_execute_duration: createHistogram({
        registry,
        histogram: {
          name: 'graphql_gateway_subgraph_execute_duration',
          help: 'Time spent on subgraph execution',
          labelNames: [...SUBGRAPH_LABELS],
          buckets: DURATION_BUCKETS,
        },
        fillLabelsFn: subgraphLabels,
        phases: ['subgraphExecute'],
      }),
      graphql_gateway_subgraph_execute_errors: createCounter({
        registry,
        counter: {
          name: 'graphql_gateway_subgraph_execute_errors',
          help: 'Number of errors on subgraph execution',
          labelNames: [...SUBGRAPH_LABELS],
        },
        fillLabelsFn: subgraphLabels,
        phases: ['subgraphExecute'],
      }),
      // The plugin's own version labels the full request URL, query string and all: one series
      // per distinct GET query. This one keeps the labels a dashboard groups by.
      graphql_yoga_http_duration: createHistogram({
        registry,
        histogram: {
          name: 'graphql_yoga_http_duration',
          help: 'Time spent on HTTP connection',
          labelNames: ['operationName', 'operationType', 'method', 'statusCode'],
          buckets: DURATION_BUCKETS,
        },
        fillLabelsFn: ({ operationType, request, response }) => ({
          operationName: operations.of(request)?.name ?? 'Anonymous',
          operationType: operationType ?? 'unknown',
          method: request.method,
          statusCode: response.status,
        }),
        phases: ['request'],
      }),
    },
  }) as GatewayPlugin;
}
