import {
  context,
  diag,
  DiagLogLevel,
  propagation,
  trace,
  type DiagLogger,
  type Tracer,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  CompositePropagator,
  W3CBaggagePropagator,
  W3CTraceContextPropagator,
} from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  ParentBasedSampler,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { Logger } from '../logger';

export interface TracingConfig {
  /**
   * `OTEL_EXPORTER_OTLP_ENDPOINT`: the collector's OTLP/HTTP base URL (spans go to
   * `<endpoint>/v1/traces`). Unset, nothing is traced and nothing is loaded per request.
   */
  endpoint: string | undefined;
  /** `OTEL_SERVICE_NAME` @default the service's own name (`gateway`, `membership`…) */
  serviceName: string;
  /**
   * `OTEL_TRACES_SAMPLER_ARG`: the share of new traces recorded, from 0 to 1; a request that
   * arrives with a sampled `traceparent` is always recorded. @default 1
   */
  sampleRatio: number;
}

export interface TracingOptions {
  serviceName: string;
  exporter: SpanExporter;
  /** @default 1 */
  sampleRatio?: number;
  /** Batch spans before export; tests turn it off to see each span as it ends. @default true */
  batch?: boolean;
}

let provider: BasicTracerProvider | undefined;

/**
 * Registers the process's tracer provider, context manager (AsyncLocalStorage) and W3C
 * propagators. A process traces once: in `npm start` and the tests, several services share it.
 * Returns false when tracing was already started.
 */
export function startTracing(options: TracingOptions): boolean {
  if (provider) return false;
  const processor =
    options.batch === false
      ? new SimpleSpanProcessor(options.exporter)
      : new BatchSpanProcessor(options.exporter);
  provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName }),
    sampler: new ParentBasedSampler({
      root: new TraceIdRatioBasedSampler(options.sampleRatio ?? 1),
    }),
    spanProcessors: [processor],
  });
  trace.setGlobalTracerProvider(provider);
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(
    new CompositePropagator({
      propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
    }),
  );
  return true;
}

/** Starts tracing when `OTEL_EXPORTER_OTLP_ENDPOINT` is set and this process does not trace yet. */
export function startTracingFrom(config: TracingConfig, logger: Logger): void {
  if (!config.endpoint || provider) return;
  const url = `${config.endpoint.replace(/\/+$/, '')}/v1/traces`;
  startTracing({
    serviceName: config.serviceName,
    sampleRatio: config.sampleRatio,
    exporter: new OTLPTraceExporter({ url }),
  });
  // Export failures reach OpenTelemetry's diagnostic logger; send them to the service's log.
  const warn = (message: string) => logger.warn({ otel: true }, message);
  const diagLogger: DiagLogger = {
    error: warn,
    warn,
    info: () => {},
    debug: () => {},
    verbose: () => {},
  };
  diag.setLogger(diagLogger, DiagLogLevel.WARN);
  logger.info(
    { url, serviceName: config.serviceName, sampleRatio: config.sampleRatio },
    'traces are exported over OTLP/HTTP',
  );
}

export function tracingEnabled(): boolean {
  return provider !== undefined;
}

/** The tracer for one service's own spans; its name tells services apart in one process. */
export function tracerFor(service: string): Tracer {
  return trace.getTracer(`compact-graph/${service}`);
}

/** Sends the spans still buffered; services call it when they stop. */
export async function flushTracing(): Promise<void> {
  await provider?.forceFlush();
}

/** Stops tracing and unregisters it (tests that start it with their own exporter). */
export async function stopTracing(): Promise<void> {
  await provider?.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
  diag.disable();
  provider = undefined;
}
