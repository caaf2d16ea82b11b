import 'reflect-metadata';
import { readGatewayConfig } from './config';
import { createGateway, type Gateway } from './server';

/** The IDE's routes on a gateway with the checked-in supergraph; no subgraph is needed. */
let gateway: Gateway;
let origin: string;

beforeAll(async () => {
  gateway = createGateway(
    readGatewayConfig({ PORT: '0', METRICS_PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }),
    { auth: { secret: 'a'.repeat(32) } },
  );
  origin = new URL(await gateway.listen()).origin;
});
afterAll(() => gateway?.stop());

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${origin}${path}`, { headers });
const page = (path: string) => get(path, { accept: 'text/html' });

function urlsIn(html: string): string[] {
  return [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
}

function workersIn(html: string): Record<string, string> {
  const json = /<script type="application\/json" id="ide-workers">(.*?)<\/script>/s.exec(html);
  return JSON.parse(json![1]) as Record<string, string>;
}

test.each(['/graphql', '/'])(
  'a browser gets GraphiQL at %s, with only local URLs',
  async (path) => {
    const response = await page(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await response.text();
    expect(html).toContain('<title>Compact Graph</title>');
    expect(html).not.toMatch(/unpkg|cdnjs|jsdelivr|githubusercontent/);
    const urls = [...urlsIn(html), ...Object.values(workersIn(html))];
    expect(urls.length).toBeGreaterThanOrEqual(7);
    for (const url of urls) expect(url).toMatch(/^(\/graphiql\/|data:)/);
    expect(html).toContain('StateNeeds');
    expect(html).toContain('npm run token');
  },
);

test('the page is the same, compressed or not', async () => {
  const plain = await (await get('/graphql', { accept: 'text/html' })).text();
  const zipped = await get('/graphql', { accept: 'text/html', 'accept-encoding': 'gzip' });
  expect(zipped.headers.get('content-security-policy')).toContain("default-src 'self'");
  expect(zipped.headers.get('content-type')).toMatch(/^text\/html/);
  expect(await zipped.text()).toBe(plain);
});

test('every file the page names is served from the installed package', async () => {
  const html = await (await page('/graphql')).text();
  const files = [...urlsIn(html), ...Object.values(workersIn(html))].filter((u) =>
    u.startsWith('/graphiql/'),
  );
  for (const file of files) {
    for (const encoding of ['identity', 'gzip']) {
      const response = await get(file, { 'accept-encoding': encoding });
      expect([file, response.status]).toEqual([file, 200]);
      expect(response.headers.get('content-type')).toMatch(
        file.endsWith('.css') ? /^text\/css/ : /^application\/javascript/,
      );
      const body = await response.text();
      expect(body.length).toBeGreaterThan(400);
      // Compressed once, not twice: the text reads as text.
      expect(body.slice(0, 200)).toMatch(/^[\s\x20-\x7e]+$/);
    }
  }
  expect(files).toEqual(
    expect.arrayContaining([expect.stringMatching(/yoga-graphiql\.umd\.js$/), '/graphiql/ide.js']),
  );
});

test.each([
  '/graphiql/',
  '/graphiql/package.json',
  '/graphiql/0.0.0/yoga-graphiql.umd.js',
  '/graphiql/%2e%2e/%2e%2e/package.json',
])('nothing else is served: %s', async (path) => {
  expect((await get(path)).status).toBe(404);
});

test('GraphQL requests are answered as before', async () => {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  expect((await get('/', { accept: 'application/json' })).status).toBe(404);
});
