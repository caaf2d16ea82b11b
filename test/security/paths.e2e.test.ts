import { startTestGraph, type TestGraph } from '../helpers/graph';
import { startExtraGateway, type ExtraGateway } from '../e2e/support/gateway';
import { rawRequest } from './support/raw-http';

/**
 * Only the exact `/graphql` serves GraphQL, so no spelling of the path slips past the body limit,
 * the rate limit or the token check: every other spelling is a 404, through the gateway and at
 * each subgraph.
 */

let graph: TestGraph;
let limited: ExtraGateway;
beforeAll(async () => {
  graph = await startTestGraph();
  limited = await startExtraGateway(graph, { RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_MS: '60000' });
});
afterAll(async () => {
  await limited?.stop();
  await graph?.stop();
});

const QUERY = '{ __typename }';
const VARIANTS = [
  '/graphql/',
  '//graphql',
  '/GRAPHQL',
  '/Graphql',
  '/graphql;x',
  '/graphql%2F',
  '/%2e/graphql',
  '/./graphql',
  '/x/../graphql',
  '/x/graphql',
  '/graphql.json',
];
/** Paths served as something else, whose query string ends the way GraphQL's path does. */
const DISGUISED = ['/?next=/graphql', '/health?x=/graphql', '/ready?x=/graphql'];

const services = () => ({
  gateway: graph.url,
  ...Object.fromEntries(Object.values(graph.subgraphs).map((s) => [s.name, s.url])),
});

describe.each(['gateway', 'membership', 'assessments', 'funding'])('%s', (service) => {
  const base = () => services()[service as keyof ReturnType<typeof services>];

  test.each(VARIANTS)('%s serves no GraphQL, by GET or POST', async (path) => {
    const separator = path.includes('?') ? '&' : '?';
    const get = await rawRequest(base(), `${path}${separator}query=${encodeURIComponent(QUERY)}`);
    const post = await rawRequest(base(), path, {
      method: 'POST',
      body: JSON.stringify({ query: QUERY }),
    });
    for (const answer of [get, post]) {
      expect(answer.status).toBe(404);
      expect(answer.text).not.toContain('__typename');
      expect(answer.json).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
    }
  });

  test.each(DISGUISED)('%s is no GraphQL request', async (target) => {
    for (const method of ['GET', 'POST']) {
      const answer = await rawRequest(base(), target, {
        method,
        ...(method === 'POST' ? { body: JSON.stringify({ query: QUERY }) } : {}),
      });
      expect(answer.text).not.toContain('__typename');
      expect(answer.json ?? {}).not.toHaveProperty('data');
    }
  });

  test('the exact path serves GraphQL by GET, with a query string, and by POST', async () => {
    const get = await rawRequest(base(), `/graphql?query=${encodeURIComponent(QUERY)}`, {
      // Apollo Server's CSRF prevention asks a GET for a header a form cannot send.
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(200);
    expect(get.json).toEqual({ data: { __typename: 'Query' } });
    const post = await rawRequest(base(), '/graphql', {
      method: 'POST',
      body: JSON.stringify({ query: QUERY }),
    });
    expect(post.json).toEqual({ data: { __typename: 'Query' } });
  });

  test('a body over the limit is refused on the exact path and never read elsewhere', async () => {
    const body = JSON.stringify({ query: QUERY, variables: { pad: 'x'.repeat(2 * 1024 * 1024) } });
    const exact = await rawRequest(base(), '/graphql', { method: 'POST', body });
    expect(exact.status).toBe(413);
    expect(exact.json).toMatchObject({ errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    const other = await rawRequest(base(), '/graphql/', { method: 'POST', body });
    expect(other.status).toBe(404);
  });

  test('a bad token is refused on the exact path, query string or not', async () => {
    const headers = { authorization: 'Bearer not-a-token' };
    for (const target of ['/graphql', '/graphql?x=1']) {
      const answer = await rawRequest(base(), target, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: QUERY }),
      });
      expect(answer.json).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    }
  });
});

test('the rate limit counts every request to the exact path, whatever its query string', async () => {
  const statuses: number[] = [];
  for (const target of ['/graphql', '/graphql?a=1', '/graphql?b=2#x', '/graphql?c=3']) {
    const answer = await rawRequest(limited.url, target, {
      method: 'POST',
      body: JSON.stringify({ query: QUERY }),
    });
    statuses.push(answer.status);
  }
  expect(statuses).toEqual([200, 200, 200, 429]);
  // The variants are not counted because they are not served at all.
  const variant = await rawRequest(limited.url, '//graphql', {
    method: 'POST',
    body: JSON.stringify({ query: QUERY }),
  });
  expect(variant.status).toBe(404);
});

test('health, readiness and the IDE are still served at their own paths', async () => {
  expect((await rawRequest(graph.url, '/health')).status).toBe(200);
  expect((await rawRequest(graph.url, '/ready')).status).toBe(200);
  const page = await rawRequest(graph.url, '/', { headers: { accept: 'text/html' } });
  expect(page.status).toBe(200);
  expect(page.text).toContain('<title>Compact Graph</title>');
  expect((await rawRequest(graph.url, '/graphiql/../graphql')).status).toBe(404);
});
