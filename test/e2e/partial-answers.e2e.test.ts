import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestGraph, type TestGraph } from '../helpers/graph';
import { as } from '../helpers/tokens';
import { startFaultProxy, type FaultProxy } from './support/fault-proxy';
import { startExtraGateway, type ExtraGateway } from './support/gateway';

/**
 * A subgraph that is down, slow or failing costs the answer its part and no more: the other
 * subgraphs' data comes back with an error that names the subgraph and the path, in bounded
 * time. Funding is reached through a proxy that fails on command.
 */

let graph: TestGraph;
let proxy: FaultProxy;
const started: ExtraGateway[] = [];

beforeAll(async () => {
  graph = await startTestGraph();
  proxy = await startFaultProxy(graph.subgraphs.funding.url);
});
beforeEach(() => {
  proxy.mode = 'pass';
});
afterAll(async () => {
  await Promise.all(started.map((gateway) => gateway.stop()));
  await proxy?.stop();
  await graph?.stop();
});

async function gateway(env: Record<string, string> = {}, funding = proxy.url) {
  const extra = await startExtraGateway(graph, env, { funding });
  started.push(extra);
  return extra;
}

/** Membership answers `memberState`; funding answers `project` (a nullable root field). */
const MIXED = '{ memberState(iso3: "NGA") { name } project(code: "CGC-2020-0001") { title } }';

const isProbe = (query: string) => query.replace(/\s/g, '') === '{__typename}';
const callsToFunding = () => proxy.received.filter((query) => !isProbe(query)).length;

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = Date.now();
  const result = await work();
  return { result, ms: Date.now() - start };
}

/**
 * A new gateway plans its first operation, which on a loaded machine takes seconds; the faults
 * are sent once that is done, so what is timed is the fault's handling alone. (The warming answer
 * itself may be cut by a short timeout; it is the plan that is kept.)
 */
async function warmed(through: ExtraGateway): Promise<ExtraGateway> {
  const warm = await through.post({ query: MIXED });
  expect(warm.status).toBe(200);
  return through;
}

test('a subgraph that is down: the others answer, the error names it and the path', async () => {
  const through = await warmed(await gateway());
  proxy.mode = 'reset';
  const result = await through.post({ query: MIXED });
  expect(result.status).toBe(200);
  expect(result.body.data).toEqual({ memberState: { name: 'Nigeria' }, project: null });
  expect(result.body.errors).toEqual([
    {
      message:
        'The funding subgraph could not be reached; this part of the answer is missing. Try again shortly.',
      path: ['project'],
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'funding', retryable: true },
    },
  ]);
});

test('a slow subgraph: its part times out, the rest is answered within the timeout', async () => {
  const through = await warmed(
    await gateway({ SUBGRAPH_FUNDING_TIMEOUT_MS: '300', SUBGRAPH_RETRIES: '0' }),
  );
  proxy.mode = 'hang';
  const { result, ms } = await timed(() => through.post({ query: MIXED }));
  expect(result.body.data).toEqual({ memberState: { name: 'Nigeria' }, project: null });
  expect(result.body.errors[0]).toMatchObject({
    path: ['project'],
    extensions: { code: 'SUBGRAPH_TIMEOUT', serviceName: 'funding' },
  });
  // The proxy never answers, so an answer at all is the timeout's; the message names the one set
  // for funding, not the 5 s default.
  expect(result.body.errors[0].message).toMatch(/did not answer in time \(300 ms\)/);
  expect(ms).toBeGreaterThanOrEqual(290);
});

test('REQUEST_TIMEOUT_MS bounds all of a request, retries included', async () => {
  const through = await gateway({
    SUBGRAPH_TIMEOUT_MS: '5000',
    REQUEST_TIMEOUT_MS: '600',
    SUBGRAPH_RETRIES: '3',
  });
  await warmed(through);
  proxy.mode = 'hang';
  const { result, ms } = await timed(() => through.post({ query: MIXED }));
  expect(result.body.data.memberState).toEqual({ name: 'Nigeria' });
  expect(result.body.errors[0].extensions.code).toBe('SUBGRAPH_TIMEOUT');
  // Each attempt alone may wait 5 s: an answer before the first attempt's timeout is the
  // request's 600 ms budget cutting the attempts, with room for a loaded machine.
  expect(ms).toBeLessThan(4500);
});

test('a failed query is retried; a mutation never is', async () => {
  const through = await gateway({ CIRCUIT_BREAKER_FAILURES: '0', SUBGRAPH_RETRY_DELAY_MS: '10' });
  proxy.mode = 'unavailable';

  let before = callsToFunding();
  const query = await through.post({ query: '{ project(code: "CGC-2020-0001") { title } }' });
  expect(query.body.errors[0].extensions.code).toBe('SUBGRAPH_UNAVAILABLE');
  expect(callsToFunding() - before).toBe(2);

  before = callsToFunding();
  const mutation = await through.post(
    {
      query:
        'mutation { deleteContribution(id: "0190d4c0-0000-7000-8000-000000000000", expectedVersion: 1) }',
    },
    await as(['admin']),
  );
  expect(mutation.body.errors[0]).toMatchObject({
    path: ['deleteContribution'],
    extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'funding' },
  });
  expect(callsToFunding() - before).toBe(1);
});

test('a retried query goes with the caller’s token, and answers as that caller', async () => {
  const through = await gateway({ CIRCUIT_BREAKER_FAILURES: '0', SUBGRAPH_RETRY_DELAY_MS: '10' });
  let failed = false;
  proxy.only = () => !failed && (failed = true);
  proxy.mode = 'unavailable';
  try {
    const before = proxy.requests.length;
    const caller = await as(['admin']);
    const result = await through.post(
      { query: '{ project(code: "CGC-2020-0001") { title } }' },
      caller,
    );
    expect(result.body).toEqual({
      data: { project: { title: expect.any(String) } },
    });
    const sent = proxy.requests.slice(before).map((request) => request.headers.authorization);
    expect(sent).toEqual([caller.authorization, caller.authorization]);
  } finally {
    proxy.only = undefined;
  }
});

test('the circuit breaker stops calling a failing subgraph and probes it back', async () => {
  const through = await gateway({
    CIRCUIT_BREAKER_FAILURES: '3',
    CIRCUIT_BREAKER_PROBE_MS: '100',
    SUBGRAPH_RETRIES: '0',
  });
  const query = { query: '{ project(code: "CGC-2020-0001") { title } }' };
  proxy.mode = 'reset';
  for (let i = 0; i < 3; i++) await through.post(query);

  // No call leaves while the circuit is open (the proxy counts them): that, not a time, is the proof.
  const calls = callsToFunding();
  const result = await through.post(query);
  expect(result.body.errors[0]).toMatchObject({
    path: ['project'],
    extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'funding', circuit: 'open' },
  });
  expect(result.body.errors[0].message).toMatch(/is not being called for now/);
  for (let i = 0; i < 5; i++) await through.post(query);
  expect(callsToFunding()).toBe(calls);
  expect(through.logs.some((line) => String(line.msg).startsWith('circuit opened'))).toBe(true);

  proxy.mode = 'pass';
  const deadline = Date.now() + 3000;
  let answer = await through.post(query);
  while (answer.body.errors && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    answer = await through.post(query);
  }
  expect(answer.body).toEqual({ data: { project: { title: expect.any(String) } } });
  expect(proxy.received.some(isProbe)).toBe(true);
  expect(through.logs.some((line) => String(line.msg).startsWith('circuit closed'))).toBe(true);
});

test('the gateway starts and serves while a subgraph is down', async () => {
  const through = await gateway({}, 'http://127.0.0.1:1/graphql');
  const ready = await fetch(through.url.replace(/\/graphql$/, '/ready'));
  expect(ready.status).toBe(200);
  const result = await through.post({ query: MIXED });
  expect(result.body.data).toEqual({ memberState: { name: 'Nigeria' }, project: null });
  expect(result.body.errors[0].extensions).toMatchObject({
    code: 'SUBGRAPH_UNAVAILABLE',
    serviceName: 'funding',
  });
});

test('a supergraph the query planner refuses leaves the last good one serving, and says so', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'compact-graph-')), 'supergraph.graphql');
  copyFileSync('schema/supergraph.graphql', path);
  const through = await gateway({ SUPERGRAPH_PATH: path });
  const sdl = readFileSync(path, 'utf8');
  const refused = sdl.replace(/@join__type\(graph: MEMBERSHIP/, '@join__type(graph: NOWHERE');
  expect(refused).not.toBe(sdl);
  writeFileSync(path, refused);

  const deadline = Date.now() + 5000;
  const rejected = () =>
    through.logs.find((line) =>
      String(line.msg).startsWith('the supergraph file could not be loaded'),
    );
  while (!rejected() && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(rejected()).toMatchObject({
    level: 50,
    msg: 'the supergraph file could not be loaded; still serving the last good supergraph',
    path,
    err: { message: expect.stringMatching(/^The query planner refuses this supergraph: /) },
  });
  expect((await through.post({ query: MIXED })).body.data.memberState).toEqual({
    name: 'Nigeria',
  });
});
