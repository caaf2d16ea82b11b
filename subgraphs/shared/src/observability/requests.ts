import { BoundedLabel } from './bounded-label';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext } from '@apollo/server';
import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_URL_PATH,
} from '@opentelemetry/semantic-conventions';
import { Kind } from 'graphql';
import type { Logger } from '../logger';
import type { OperationMetrics } from './metrics';
import {
  acceptRequestId,
  currentRequest,
  REQUEST_ID_HEADER,
  runInRequestScope,
  type RequestScope,
} from './request-scope';
import { tracingEnabled } from './tracing';

/**
 * Runs one HTTP request in its own scope: its request id (the caller's, or a new one) is
 * answered in `x-request-id` and logged on every line; with tracing on, a server span continues
 * the caller's `traceparent` and is current while the request runs.
 */
export function observeRequest(tracer: Tracer) {
  return async (
    request: IncomingMessage,
    response: ServerResponse,
    next: () => Promise<void>,
  ): Promise<void> => {
    const scope: RequestScope = { requestId: acceptRequestId(request.headers[REQUEST_ID_HEADER]) };
    response.setHeader(REQUEST_ID_HEADER, scope.requestId);
    if (!tracingEnabled()) return runInRequestScope(scope, next);

    const method = request.method ?? 'GET';
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const parent = propagation.extract(ROOT_CONTEXT, request.headers);
    const span = tracer.startSpan(
      `${method} ${path}`,
      {
        kind: SpanKind.SERVER,
        attributes: {
          [ATTR_HTTP_REQUEST_METHOD]: method,
          [ATTR_HTTP_ROUTE]: path,
          [ATTR_URL_PATH]: path,
          'request.id': scope.requestId,
        },
      },
      parent,
    );
    scope.traceContext = trace.setSpan(parent, span);
    try {
      await runInRequestScope(scope, () => context.with(scope.traceContext!, next));
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, response.statusCode);
      if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    }
  };
}

const operationNames = new BoundedLabel();
const rootFieldSets = new BoundedLabel();

function labels(request: GraphQLRequestContext<BaseContext>) {
  const fields = request.operation?.selectionSet.selections.flatMap((selection) =>
    selection.kind === Kind.FIELD ? [selection.name.value] : [],
  );
  return {
    operationName: operationNames.of(request.operationName ?? 'Anonymous'),
    operationType: request.operation?.operation ?? 'unknown',
    rootFields: rootFieldSets.of(
      fields?.length ? [...new Set(fields)].sort().join(',') : 'unknown',
    ),
  };
}

/**
 * Per GraphQL request: counts, errors by code and duration (Prometheus); the execution as a span
 * that the SQL statements it sends hang under; one log line when the response goes out.
 */
export function operationPlugin(
  tracer: Tracer,
  metrics: OperationMetrics,
  logger: Logger,
): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      const scope = currentRequest();
      let errors = 0;
      let span: Span | undefined;
      return {
        async didResolveOperation(request) {
          if (scope && request.operation) scope.operationType = request.operation.operation;
        },
        async executionDidStart(request) {
          if (!scope || !tracingEnabled()) return;
          const parent = scope.traceContext ?? context.active();
          const { operationName, operationType, rootFields } = labels(request);
          span = tracer.startSpan(
            'graphql.execute',
            {
              attributes: {
                'graphql.operation.name': operationName,
                'graphql.operation.type': operationType,
                'graphql.root_fields': rootFields,
              },
            },
            parent,
          );
          scope.traceContext = trace.setSpan(parent, span);
          return {
            async executionDidEnd(error) {
              if (error) span?.recordException(error);
              span?.end();
              scope.traceContext = parent;
            },
          };
        },
        async didEncounterErrors(request) {
          errors += request.errors.length;
          for (const error of request.errors) {
            const code = String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
            metrics.errors.inc({ ...labels(request), code });
          }
          span?.setStatus({ code: SpanStatusCode.ERROR, message: request.errors[0]?.message });
          span?.setAttribute('graphql.error.count', errors);
        },
        async willSendResponse(request) {
          const seconds = (performance.now() - started) / 1000;
          metrics.requests.inc(labels(request));
          metrics.duration.observe(labels(request), seconds);
          logger.info(
            {
              ...labels(request),
              status: request.response.http.status ?? 200,
              errors,
              durationMs: Math.round(seconds * 1000),
            },
            'graphql request served',
          );
        },
      };
    },
  };
}
