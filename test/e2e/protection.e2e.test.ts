import { startTestGraph, type TestGraph } from '../helpers/graph';
import { as, tokenFor } from '../helpers/tokens';
import { startExtraGateway, type ExtraGateway } from './support/gateway';
import {
  SHAPES,
  tooCostly,
  tooDeep,
  tooManyAliases,
  tooManyDirectives,
  tooManyTokens,
} from './support/limits';

/**
 * Each protection refuses with a GraphQL error that has a code and a 4xx status, at the gateway
 * and at each subgraph (partner agencies call subgraphs directly), with the default settings.
 */

let graph: TestGraph;
const extras: ExtraGateway[] = [];

beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(async () => {
  await Promise.all(extras.map((extra) => extra.stop()));
  await graph?.stop();
});

async function extra(env: Record<string, string>): Promise<ExtraGateway> {
  const started = await startExtraGateway(graph, env);
  extras.push(started);
  return started;
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) };
}

const codesOf = (body: { errors?: { extensions?: { code?: string } }[] }) =>
  (body.errors ?? []).map((error) => error.extensions?.code);

describe.each(['gateway', 'membership', 'assessments', 'funding'])('%s', (service) => {
  const shape = SHAPES[service === 'gateway' ? 'membership' : service];
  const url = () => (service === 'gateway' ? graph.url : graph.subgraphs[service].url);

  test.each([
    ['depth', () => tooDeep(shape), 'DEPTH_LIMIT_EXCEEDED'],
    ['aliases', () => tooManyAliases(shape), 'ALIAS_LIMIT_EXCEEDED'],
    ['directives', () => tooManyDirectives(), 'DIRECTIVE_LIMIT_EXCEEDED'],
    ['tokens', () => tooManyTokens(), 'TOKEN_LIMIT_EXCEEDED'],
    ['cost', () => tooCostly(shape), 'COST_LIMIT_EXCEEDED'],
  ])('refuses too much %s with its code and 400', async (_limit, query, code) => {
    const { status, body } = await post(url(), { query: query() });
    expect(status).toBe(400);
    expect(codesOf(body)).toContain(code);
    expect(codesOf(body).every((c) => c !== 'INTERNAL_SERVER_ERROR')).toBe(true);
    expect(body.data).toBeUndefined();
  });

  test('refuses a body over 1 MiB with PAYLOAD_TOO_LARGE and 413', async () => {
    const { status, body } = await post(url(), {
      query: '{ __typename }',
      padding: 'x'.repeat(1_100_000),
    });
    expect(status).toBe(413);
    expect(codesOf(body)).toEqual(['PAYLOAD_TOO_LARGE']);
  });

  test('answers an operation within every limit', async () => {
    const { status, body } = await post(url(), { query: `{ ${shape.list} }` });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });
});

describe('gateway', () => {
  test('batches: up to 10 operations are answered, more are refused with 413', async () => {
    const ten = await post(graph.url, Array(10).fill({ query: '{ __typename }' }));
    expect(ten.status).toBe(200);
    expect(ten.body).toHaveLength(10);
    const eleven = await post(graph.url, Array(11).fill({ query: '{ __typename }' }));
    expect(eleven.status).toBe(413);
    expect(eleven.body.errors[0]).toMatchObject({
      message: 'Batching is limited to 10 operations per request.',
      extensions: { code: 'BAD_REQUEST' },
    });
  });

  test('CSRF: a form POST is refused unless a preflight-only header proves it is not cross-site', async () => {
    const form = (headers: Record<string, string>) =>
      fetch(graph.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: 'query=%7B__typename%7D',
      });
    const refused = await form({});
    expect(refused.status).toBe(400);
    const body = await refused.json();
    expect(codesOf(body)).toEqual(['BAD_REQUEST']);
    expect(body.errors[0].message).toMatch(/cross-site request forgery/);
    expect((await form({ 'x-graphql-csrf': '1' })).status).toBe(200);
    const get = new URL(graph.url);
    get.searchParams.set('query', '{ __typename }');
    expect((await fetch(get)).status).toBe(200);
  });

  test('CORS: no origin is allowed by default; CORS_ORIGINS allows exactly those listed', async () => {
    const preflight = (url: string, origin: string) =>
      fetch(url, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, authorization',
        },
      });
    const closed = await preflight(graph.url, 'https://dash.example.org');
    expect(closed.headers.get('access-control-allow-origin')).toBeNull();

    const open = await extra({ CORS_ORIGINS: 'https://dash.example.org,https://un.example.org' });
    const allowed = await preflight(open.url, 'https://dash.example.org');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://dash.example.org');
    expect(allowed.headers.get('access-control-allow-methods')).toBe('GET, POST');
    const other = await preflight(open.url, 'https://evil.example.com');
    expect(other.headers.get('access-control-allow-origin')).not.toBe('https://evil.example.com');
  });

  test('introspection is on by default and off with INTROSPECTION=false', async () => {
    const query = '{ __schema { queryType { name } } }';
    expect((await post(graph.url, { query })).body.data.__schema.queryType.name).toBe('Query');
    const closed = await extra({ INTROSPECTION: 'false' });
    const refused = await closed.post({ query });
    expect(refused.status).toBeLessThan(500);
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors[0].message).toMatch(/introspection/i);
    expect((await closed.post({ query: '{ memberState(iso3: "BEL") { name } }' })).body).toEqual({
      data: { memberState: { name: 'Belgium' } },
    });
  });
});

describe('rate limits', () => {
  const query = { query: '{ __typename }' };

  test('per token subject: the request over the limit gets RATE_LIMITED, 429 and Retry-After', async () => {
    const limited = await extra({ RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_MS: '60000' });
    const alice = await as(['viewer'], 'UNODC');
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await limited.post(query, alice)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await limited.post(query, alice);
    expect(refused.status).toBe(429);
    expect(refused.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(refused.body.errors[0].message).toMatch(/Too many requests/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another caller has a limit of their own.
    expect((await limited.post(query, await as(['viewer'], 'CTED'))).status).toBe(200);
  });

  test('per address for anonymous callers, and a batch counts each operation', async () => {
    const limited = await extra({ RATE_LIMIT_MAX: '4', RATE_LIMIT_WINDOW_MS: '60000' });
    expect((await limited.post([query, query, query])).status).toBe(200);
    expect((await limited.post(query)).status).toBe(200);
    expect((await limited.post(query)).status).toBe(429);
  });

  test('shared through Redis: two gateways enforce one limit', async () => {
    const env = {
      RATE_LIMIT_MAX: '4',
      RATE_LIMIT_WINDOW_MS: '60000',
      REDIS_URL: 'redis://127.0.0.1:6379',
    };
    const [first, second] = [await extra(env), await extra(env)];
    // A subject of its own, so earlier runs within the window do not count.
    const token = await tokenFor(['viewer'], 'UNODC', `redis-${process.pid}-${Date.now()}`);
    const caller = { authorization: `Bearer ${token}` };
    const statuses = [];
    for (const gateway of [first, second, first, second, first, second]) {
      statuses.push((await gateway.post(query, caller)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  });

  test('with Redis unreachable, each gateway still limits on its own and keeps answering', async () => {
    const limited = await extra({
      RATE_LIMIT_MAX: '2',
      RATE_LIMIT_WINDOW_MS: '60000',
      REDIS_URL: 'redis://127.0.0.1:1',
    });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await limited.post(query)).status);
    expect(statuses).toEqual([200, 200, 429]);
    expect(limited.logs.some((line) => String(line.msg).includes('Redis is unreachable'))).toBe(
      true,
    );
  });
});
