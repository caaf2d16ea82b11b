import { MAX_OPERATION_NAMES } from '../../subgraphs/shared/src/observability/bounded-label';
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startGraph, type RunningGraph } from '../../scripts/lib/graph';
import { startTracing, stopTracing } from '../../subgraphs/shared/src/observability/tracing';
import { testDatabaseUrl } from '../helpers/graph';

/** Question 1 of the README, with what membership reads from its database: assessments, their states and lead entities (membership), projects (funding). */
const QUESTION = `query ProjectsByAssessment {
  assessments(first: 5) {
    edges { node { type memberState { name } leadEntity { name } projects { code leadEntity { acronym } } } }
  }
}`;
/** A project's assessments are checked by funding with the assessments subgraph, peer to peer. */
const PEER_CHECK = `query ProjectAssessments {
  projects(first: 50) { edges { node { code assessments { id } } } }
}`;
const SUBGRAPHS = ['membership', 'assessments', 'funding'];

const spans = new InMemorySpanExporter();
const lines: Record<string, unknown>[] = [];
let graph: RunningGraph;

beforeAll(async () => {
  startTracing({ serviceName: 'compact-graph', exporter: spans, batch: false });
  graph = await startGraph({
    databaseUrl: testDatabaseUrl(),
    ports: { gateway: 0, membership: 0, assessments: 0, funding: 0 },
    metricsPorts: { gateway: 0, membership: 0, assessments: 0, funding: 0 },
    seed: false,
    logLevel: 'info',
    logDestination: { write: (line: string) => void lines.push(JSON.parse(line)) },
    poolSize: 4,
  });
});
afterAll(async () => {
  await graph?.stop();
  await stopTracing();
});

async function until<T>(find: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const found = find();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function post(query: string, headers: Record<string, string> = {}) {
  const response = await fetch(graph.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return response;
}

/** What Prometheus scrapes from a service's metrics listener. */
async function metricsOf(metricsUrl: string): Promise<string> {
  const response = await fetch(metricsUrl);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  return response.text();
}

/** The value of the first series of `name` that carries every label given. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const line = text
    .split('\n')
    .find(
      (l) =>
        l.startsWith(`${name}{`) &&
        Object.entries(labels).every(([key, value]) => l.includes(`${key}="${value}"`)),
    );
  if (!line) throw new Error(`no ${name} series with ${JSON.stringify(labels)}`);
  return Number(line.split(' ').pop());
}

describe('metrics', () => {
  test('the gateway counts and times each operation and each subgraph call', async () => {
    await post(QUESTION);
    const text = await metricsOf(graph.metricsUrl);
    const op = { operationName: 'ProjectsByAssessment', operationType: 'query' };
    expect(sample(text, 'graphql_envelop_request', op)).toBeGreaterThan(0);
    expect(sample(text, 'graphql_envelop_request_duration_count', op)).toBeGreaterThan(0);
    expect(sample(text, 'graphql_yoga_http_duration_count', op)).toBeGreaterThan(0);
    for (const subgraphName of SUBGRAPHS) {
      const labels = { ...op, subgraphName };
      expect(sample(text, 'graphql_gateway_subgraph_execute_duration_count', labels)).toBe(
        sample(text, 'graphql_envelop_request', op),
      );
    }
    expect(
      sample(text, 'graphql_gateway_fetch_duration_count', { statusCode: '200' }),
    ).toBeGreaterThan(0);
    expect(sample(text, 'process_resident_memory_bytes', { service: 'gateway' })).toBeGreaterThan(
      0,
    );
    // Only the labels a dashboard groups by: no request URL, no error path.
    expect(text).not.toMatch(/^graphql_yoga_http_duration\w*\{[^}]*url=/m);
  });

  test('the gateway counts errors', async () => {
    await fetch(graph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query Broken { memberState(iso3: "NGA") { capital } }' }),
    });
    const text = await metricsOf(graph.metricsUrl);
    const labels = { operationName: 'Broken', phase: 'validate' };
    expect(sample(text, 'graphql_envelop_error_result', labels)).toBe(1);
  });

  test.each(SUBGRAPHS)('%s serves its operations, pool and statements', async (name) => {
    await post(QUESTION);
    const text = await metricsOf(graph.subgraphs[name].metricsUrl);
    const service = { service: name };
    // The gateway's calls are anonymous; their root fields tell them apart.
    expect(sample(text, 'graphql_subgraph_requests_total', service)).toBeGreaterThan(0);
    expect(text).toMatch(/^graphql_subgraph_request_duration_seconds_bucket\{.*rootFields="/m);
    const pool = { pool: 'primary', ...service };
    expect(sample(text, 'db_pool_max_connections', pool)).toBe(4);
    const total = sample(text, 'db_pool_connections', pool);
    expect(total).toBeGreaterThan(0);
    expect(sample(text, 'db_pool_idle_connections', pool)).toBeLessThanOrEqual(total);
    expect(sample(text, 'db_pool_waiting_requests', pool)).toBe(0);
    expect(sample(text, 'db_statements_total', service)).toBe(
      graph.subgraphs[name].statements.count,
    );
    const select = { operation: 'SELECT', outcome: 'success' };
    expect(sample(text, 'db_query_duration_seconds_count', select)).toBeGreaterThan(0);
  });

  test('a subgraph counts errors by code', async () => {
    const { url, metricsUrl } = graph.subgraphs.membership;
    await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query Bad { memberState(iso3: "12") { name } }' }),
    });
    const text = await metricsOf(metricsUrl);
    const labels = { operationName: 'Bad', rootFields: 'memberState', code: 'BAD_USER_INPUT' };
    expect(sample(text, 'graphql_subgraph_errors_total', labels)).toBe(1);
  });
});

describe('traces', () => {
  const scope = (span: ReadableSpan) => span.instrumentationScope.name;
  const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

  test('one request is one trace: gateway, each subgraph and its SQL', async () => {
    await post(QUESTION, { 'x-request-id': 'trace-1' });
    const root = await until(
      () => spans.getFinishedSpans().find((s) => s.attributes['hive.request.id'] === 'trace-1'),
      'the gateway’s request span',
    );
    expect(scope(root)).toBe('gateway');
    expect(root.kind).toBe(SpanKind.SERVER);
    const trace = spans
      .getFinishedSpans()
      .filter((s) => s.spanContext().traceId === root.spanContext().traceId);
    const ids = new Map(trace.map((s) => [s.spanContext().spanId, s]));
    const names = trace.filter((s) => scope(s) === 'gateway').map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['graphql.execute', 'http.fetch']));
    expect(names).toEqual(expect.arrayContaining(SUBGRAPHS.map((n) => `subgraph.execute (${n})`)));

    for (const name of SUBGRAPHS) {
      const own = trace.filter((s) => scope(s) === `compact-graph/${name}`);
      const servers = own.filter((s) => s.kind === SpanKind.SERVER);
      expect(servers.length).toBeGreaterThan(0);
      // Each continues the W3C traceparent of its caller: the gateway's fetch, or a peer's.
      for (const server of servers) {
        expect(server.name).toBe('POST /graphql');
        expect(ids.has(parentOf(server)!)).toBe(true);
      }
      expect(servers.some((s) => scope(ids.get(parentOf(s)!)!) === 'gateway')).toBe(true);
      const executions = own.filter((s) => s.name === 'graphql.execute');
      for (const execute of executions) {
        expect(servers.map((s) => s.spanContext().spanId)).toContain(parentOf(execute));
      }
      const sql = own.filter((s) => s.attributes['db.system.name'] === 'postgresql');
      expect(sql.length).toBeGreaterThan(0);
      for (const statement of sql) {
        expect(statement.kind).toBe(SpanKind.CLIENT);
        expect(statement.attributes['db.query.text']).toMatch(/^SELECT /);
        // Each statement hangs under the execution that sent it.
        expect(executions.map((s) => s.spanContext().spanId)).toContain(parentOf(statement));
      }
    }
  });

  test('a subgraph’s call to another continues the same trace', async () => {
    await post(PEER_CHECK, { 'x-request-id': 'trace-2' });
    const peer = await until(
      () =>
        spans
          .getFinishedSpans()
          .find(
            (s) =>
              scope(s) === 'compact-graph/assessments' && s.attributes['request.id'] === 'trace-2',
          ),
      'the assessments subgraph’s request span',
    );
    expect(peer.kind).toBe(SpanKind.SERVER);
    const parent = spans.getFinishedSpans().find((s) => s.spanContext().spanId === parentOf(peer));
    expect(scope(parent!)).toBe('compact-graph/funding');
    expect(parent!.spanContext().traceId).toBe(peer.spanContext().traceId);
  });
});

describe('request ids', () => {
  const servedWith = (id: string) =>
    lines.filter((l) => l.requestId === id && l.msg === 'graphql request served');

  test('the caller’s x-request-id is on the log lines of every service', async () => {
    const response = await post(QUESTION, { 'x-request-id': 'abc' });
    expect(response.headers.get('x-request-id')).toBe('abc');
    await until(() => servedWith('abc').find((l) => l.service === 'gateway'), 'the gateway line');
    expect(new Set(servedWith('abc').map((l) => l.service))).toEqual(
      new Set(['gateway', ...SUBGRAPHS]),
    );
  });

  test('without one, the gateway makes one and every service uses it', async () => {
    const response = await post(QUESTION);
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    await until(() => servedWith(id!).find((l) => l.service === 'gateway'), 'the gateway line');
    expect(new Set(servedWith(id!).map((l) => l.service))).toEqual(
      new Set(['gateway', ...SUBGRAPHS]),
    );
  });

  test('a subgraph forwards it when it asks another', async () => {
    await post(PEER_CHECK, { 'x-request-id': 'peer-check-1' });
    const assessments = await until(
      () => servedWith('peer-check-1').find((l) => l.service === 'assessments'),
      'the assessments line',
    );
    expect(assessments.rootFields).toBe('_entities');
    // Only funding asked assessments: the gateway made no call to it for this operation.
    const gateway = await metricsOf(graph.metricsUrl);
    expect(gateway).toMatch(/subgraphName="funding",operationName="ProjectAssessments"/);
    expect(gateway).not.toMatch(/subgraphName="assessments",operationName="ProjectAssessments"/);
  });
});

// Last: it fills the set of operation names that metrics label.
describe('metrics, flooded', () => {
  test('caller-chosen operation names cannot grow the series without bound', async () => {
    // Straight to a subgraph too: the gateway's own calls to it carry no operation name.
    for (let i = 0; i < MAX_OPERATION_NAMES + 50; i++) {
      for (const url of [graph.url, graph.subgraphs.membership.url])
        await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: `query Flood${i} { memberState(iso3: "BEL") { name } }` }),
        });
    }
    for (const metricsUrl of [graph.metricsUrl, graph.subgraphs.membership.metricsUrl]) {
      const text = await metricsOf(metricsUrl);
      const names = new Set(
        [...text.matchAll(/^\w+\{[^}]*operationName="([^"]*)"/gm)].map((match) => match[1]),
      );
      // The kept names, "other", and "Anonymous" for calls that carry no operation.
      expect(names.size).toBeLessThanOrEqual(MAX_OPERATION_NAMES + 2);
      expect(names.has('other')).toBe(true);
    }
  });
});
