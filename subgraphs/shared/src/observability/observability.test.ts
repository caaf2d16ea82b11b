import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { createLogger, type Logger } from '../logger';
import {
  acceptRequestId,
  outgoingHeaders,
  runInRequestScope,
  type RequestScope,
} from './request-scope';
import { readSubgraphConfig } from '../subgraph-config';
import { startTracing, startTracingFrom, stopTracing, tracingEnabled } from './tracing';

const readTracingConfig = (env: Record<string, string>, name: string) =>
  readSubgraphConfig({ name, defaultPort: 4003, defaultMetricsPort: 9093 }, env).tracing;
const startTracingFromEnv = (env: Record<string, string>, name: string, logger: Logger) =>
  startTracingFrom(readTracingConfig(env, name), logger);

afterEach(() => stopTracing());

test.each([
  ['abc', 'abc'],
  ['abc-123_DEF.456', 'abc-123_DEF.456'],
  ['0190d4c0-7e3a-7000-8000-1234567890ab', '0190d4c0-7e3a-7000-8000-1234567890ab'],
  [
    'Root=1-67891233-abcdef012345678912345678;Sampled=1',
    'Root=1-67891233-abcdef012345678912345678;Sampled=1',
  ],
  ['105445aa7843bc8bf206b12000100000/1;o=1', '105445aa7843bc8bf206b12000100000/1;o=1'],
  ['q83vEjRWeJA+ASNFZ4mrzQ==', 'q83vEjRWeJA+ASNFZ4mrzQ=='],
  ['x'.repeat(128), 'x'.repeat(128)],
  [['first', 'second'], 'first'],
])('a plausible request id is kept: %p', (header, id) => {
  expect(acceptRequestId(header)).toBe(id);
});

test.each([
  undefined,
  null,
  '',
  'has spaces',
  'x'.repeat(129),
  'line\nbreak',
  'tab\tinside',
  'café',
  '<script>alert(1)</script>',
  '"quoted"',
  "it's",
  'a&b',
  'back\\slash',
])('anything else is replaced by a new UUID: %p', (header) => {
  expect(acceptRequestId(header)).toMatch(/^[0-9a-f-]{36}$/);
});

test('tracing is off unless an OTLP endpoint is set', () => {
  const logger = createLogger('test', 'silent');
  startTracingFromEnv({}, 'membership', logger);
  expect(tracingEnabled()).toBe(false);
  expect(trace.getTracer('any').startSpan('x').isRecording()).toBe(false);
  startTracingFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, 'x', logger);
  expect(tracingEnabled()).toBe(true);
});

test('the tracing settings are read from the standard OTEL_ variables', () => {
  expect(readTracingConfig({}, 'funding')).toEqual({
    endpoint: undefined,
    serviceName: 'funding',
    sampleRatio: 1,
  });
  expect(
    readTracingConfig(
      {
        OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.example.org',
        OTEL_SERVICE_NAME: 'compact-funding',
        OTEL_TRACES_SAMPLER_ARG: '0.25',
      },
      'funding',
    ),
  ).toEqual({
    endpoint: 'https://otel.example.org',
    serviceName: 'compact-funding',
    sampleRatio: 0.25,
  });
  expect(() => readTracingConfig({ OTEL_TRACES_SAMPLER_ARG: '2' }, 'x')).toThrow(
    'OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1; got "2"',
  );
  expect(() => readTracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector' }, 'x')).toThrow(
    'OTEL_EXPORTER_OTLP_ENDPOINT must be a http or https URL',
  );
});

test('calls made for a request carry its id, and its trace context when tracing is on', () => {
  expect(outgoingHeaders()).toEqual({});
  expect(runInRequestScope({ requestId: 'abc' }, outgoingHeaders)).toEqual({
    'x-request-id': 'abc',
  });

  startTracing({ serviceName: 'test', exporter: new InMemorySpanExporter(), batch: false });
  const span = trace.getTracer('test').startSpan('request');
  const scope: RequestScope = { requestId: 'abc', traceContext: trace.setSpan(ROOT_CONTEXT, span) };
  const { traceId, spanId } = span.spanContext();
  expect(runInRequestScope(scope, outgoingHeaders)).toEqual({
    'x-request-id': 'abc',
    traceparent: `00-${traceId}-${spanId}-01`,
  });
  span.end();
});

test('log lines written while a request is served carry its id', () => {
  const lines: { requestId?: string; msg: string }[] = [];
  const logger = createLogger('membership', 'info', {
    write: (line: string) => void lines.push(JSON.parse(line)),
  });
  logger.info('outside');
  runInRequestScope({ requestId: 'abc' }, () => logger.error({ err: new Error('x') }, 'inside'));
  expect(lines.map(({ msg, requestId }) => ({ msg, requestId }))).toEqual([
    { msg: 'outside', requestId: undefined },
    { msg: 'inside', requestId: 'abc' },
  ]);
});
