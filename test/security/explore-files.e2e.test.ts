import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestGraph, type TestGraph } from '../helpers/graph';
import { startExtraGateway, type ExtraGateway } from '../e2e/support/gateway';
import { rawRequest } from './support/raw-http';

/**
 * The gateway serves the dashboard's built files and nothing else from disk: the page at
 * /explore, and files of its assets folder by exact name. Any other spelling is a 404, and the
 * page may run only its own scripts and talk only to its own origin.
 */

let graph: TestGraph;
let served: ExtraGateway;
let unbuilt: ExtraGateway;
let root: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'explore-files-'));
  const dir = join(root, 'explore');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>explore</title>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(dir, 'assets', 'notes.txt'), 'not a type the page uses');
  writeFileSync(join(root, 'secret.txt'), 'SECRET');
  writeFileSync(join(dir, 'secret.txt'), 'SECRET');
  graph = await startTestGraph();
  served = await startExtraGateway(graph, { EXPLORE_DIR: dir });
  unbuilt = await startExtraGateway(graph, { EXPLORE_DIR: join(root, 'nowhere') });
});
afterAll(async () => {
  await Promise.all([served?.stop(), unbuilt?.stop()]);
  await graph?.stop();
  rmSync(root, { recursive: true, force: true });
});

test.each(['/explore', '/explore/', '/explore?next=/graphql'])(
  '%s is the page, under a policy that allows only its own scripts and origin',
  async (path) => {
    const answer = await rawRequest(served.url, path);
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('<title>explore</title>');
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(answer.headers['content-security-policy']);
    for (const directive of [
      "default-src 'none'",
      "script-src 'self'",
      "connect-src 'self'",
      "frame-ancestors 'none'",
    ])
      expect(csp).toContain(directive);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
  },
);

test('a bundle file is served by its exact name, to be kept', async () => {
  const answer = await rawRequest(served.url, '/explore/assets/index-abc123.js');
  expect(answer.status).toBe(200);
  expect(answer.text).toBe('console.log(1)');
  expect(answer.headers['content-type']).toBe('application/javascript; charset=utf-8');
  expect(answer.headers['cache-control']).toContain('immutable');
});

test.each([
  '/explore/secret.txt',
  '/explore/index.html',
  '/explore/assets/',
  '/explore/assets/notes.txt',
  '/explore/assets/missing.js',
  '/explore/assets/../secret.txt',
  '/explore/assets/../../secret.txt',
  '/explore/assets/%2e%2e/secret.txt',
  '/explore/assets/..%2fsecret.txt',
  '/explore//assets/index-abc123.js',
  '/explore/assets/index-abc123.js/',
  '/explore/assets/x/../index-abc123.js',
  '/explorer',
])('%s is a 404 that reveals nothing', async (path) => {
  const answer = await rawRequest(served.url, path);
  expect(answer.status).toBe(404);
  expect(answer.text).not.toContain('SECRET');
  expect(answer.text).not.toContain('console.log');
});

test('POST to the page is refused like any path that is not GraphQL', async () => {
  const answer = await rawRequest(served.url, '/explore', { method: 'POST', body: '{}' });
  expect(answer.status).toBe(404);
});

test('a file built while the gateway runs is served without a restart', async () => {
  writeFileSync(join(root, 'explore', 'assets', 'index-def456.css'), 'body{}');
  const answer = await rawRequest(served.url, '/explore/assets/index-def456.css');
  expect(answer.status).toBe(200);
  expect(answer.headers['content-type']).toBe('text/css; charset=utf-8');
});

test('with no build, /explore says how to build it', async () => {
  const answer = await rawRequest(unbuilt.url, '/explore');
  expect(answer.status).toBe(503);
  expect(answer.text).toContain('npm run build');
  // GraphQL is unaffected.
  const graphql = await unbuilt.post({ query: '{ __typename }' });
  expect(graphql.body).toEqual({ data: { __typename: 'Query' } });
});
