import { readGatewayConfig } from '../../gateway/src/config';
import { subgraphs } from '../../subgraphs';
import { membership } from '../../subgraphs/membership/src/subgraph';
import { readSubgraphConfig } from '../../subgraphs/shared/src/subgraph-config';
import { startTestGraph, type TestGraph } from '../helpers/graph';
import { startSubgraph } from '../helpers/subgraph';

// Metrics name other callers' operations, the subgraphs' internal URLs and the versions running:
// they belong on the operator's port, never on the one clients reach.

let graph: TestGraph;
const SERVICES = ['gateway', ...subgraphs.map((s) => s.name)];
const clientUrl = (name: string) => (name === 'gateway' ? graph.url : graph.subgraphs[name].url);
const metricsUrl = (name: string) =>
  name === 'gateway' ? graph.metricsUrl : graph.subgraphs[name].metricsUrl;

beforeAll(async () => {
  graph = await startTestGraph();
  // Something for the metrics to name: an operation, and the gateway's calls to each subgraph.
  await graph.query('query SecretPlans { memberState(iso3: "NGA") { name } }');
});
afterAll(() => graph?.stop());

async function get(url: string, init: RequestInit = {}) {
  const response = await fetch(url, init);
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: await response.text(),
  };
}

describe('the client port', () => {
  test.each(SERVICES)('%s answers /metrics as it answers any unknown path', async (name) => {
    const origin = new URL(clientUrl(name)).origin;
    const metrics = await get(`${origin}/metrics`);
    const unknown = await get(`${origin}/metrics-of-nothing`);
    expect(metrics.status).toBe(404);
    expect(metrics).toEqual({
      ...unknown,
      body: unknown.body.replace('/metrics-of-nothing', '/metrics'),
    });
  });

  test.each(SERVICES)(
    '%s reveals no metric, operation or subgraph URL at /metrics',
    async (name) => {
      const origin = new URL(clientUrl(name)).origin;
      for (const accept of ['*/*', 'text/plain', 'application/openmetrics-text']) {
        const { body, type } = await get(`${origin}/metrics`, { headers: { accept } });
        expect(type ?? '').not.toMatch(/version=0\.0\.4|openmetrics/);
        expect(body).not.toMatch(/# (HELP|TYPE)|process_|nodejs_|graphql_|db_pool|service="/);
        expect(body).not.toContain('SecretPlans');
        for (const subgraph of Object.values(graph.subgraphs)) {
          expect(body).not.toContain(new URL(subgraph.url).host);
        }
      }
    },
  );
});

describe('the metrics listener', () => {
  test.each(SERVICES)('%s serves its metrics on a loopback port of its own', async (name) => {
    const url = new URL(metricsUrl(name));
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.pathname).toBe('/metrics');
    expect(url.port).not.toBe(new URL(clientUrl(name)).port);
    const { status, type, body } = await get(url.href);
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain/);
    expect(body).toContain(`process_cpu_user_seconds_total{service="${name}"}`);
  });

  test('the gateway’s names the operations and the subgraph calls', async () => {
    const { body } = await get(graph.metricsUrl);
    expect(body).toMatch(/^graphql_envelop_request\{operationName="SecretPlans"/m);
    expect(body).toContain(`url="${graph.subgraphs.membership.url}"`);
  });

  test.each(SERVICES)('%s serves nothing but GET /metrics', async (name) => {
    const origin = new URL(metricsUrl(name)).origin;
    for (const path of ['/', '/graphql', '/health', '/ready', '/metrics/', '/metricsx']) {
      const { status, body } = await get(`${origin}${path}`);
      expect([path, status]).toEqual([path, 404]);
      expect(body).not.toContain('process_');
    }
    const post = await get(`${origin}/metrics`, { method: 'POST', body: '{}' });
    expect(post.status).toBe(404);
    expect(post.body).not.toContain('process_');
  });

  test('closes when its service stops', async () => {
    const subgraph = await startSubgraph(membership);
    expect((await get(subgraph.metricsUrl)).status).toBe(200);
    await subgraph.stop();
    await expect(fetch(subgraph.metricsUrl)).rejects.toThrow();
  });
});

describe('by default', () => {
  test('the gateway’s metrics listen on 127.0.0.1:9090', () => {
    expect(readGatewayConfig({})).toMatchObject({ metricsHost: '127.0.0.1', metricsPort: 9090 });
  });

  test('the subgraphs’ listen on 127.0.0.1:9091, 9092 and 9093', () => {
    const defaults = Object.fromEntries(
      subgraphs.map((definition) => {
        const { metricsHost, metricsPort } = readSubgraphConfig(definition, {});
        return [definition.name, `${metricsHost}:${metricsPort}`];
      }),
    );
    expect(defaults).toEqual({
      membership: '127.0.0.1:9091',
      assessments: '127.0.0.1:9092',
      funding: '127.0.0.1:9093',
    });
  });
});
