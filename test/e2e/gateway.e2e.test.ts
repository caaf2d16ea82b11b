import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeSupergraph } from '../../gateway/src/compose';
import { startTestGraph, type TestGraph } from '../helpers/graph';

const dir = mkdtempSync(join(tmpdir(), 'compact-graph-'));
const supergraphPath = join(dir, 'supergraph.graphql');
copyFileSync('schema/supergraph.graphql', supergraphPath);
let graph: TestGraph;

beforeAll(async () => {
  graph = await startTestGraph({ supergraphPath });
});
afterAll(() => graph?.stop());

const STACK = /stacktrace|\n\s+at |\.ts:\d+|SELECT |node_modules/;

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting until ${what}`);
}

test('serves GraphQL over GET as well as POST', async () => {
  const url = new URL(graph.url);
  url.searchParams.set('query', '{ memberState(iso3: "BEL") { name } }');
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ data: { memberState: { name: 'Belgium' } } });
});

test('answers liveness and readiness', async () => {
  const base = graph.url.replace(/\/graphql$/, '');
  expect((await fetch(`${base}/health`)).status).toBe(200);
  expect((await fetch(`${base}/ready`)).status).toBe(200);
});

test.each([
  ['a malformed cursor', '{ projects(after: "garbage") { totalCount } }', 'BAD_USER_INPUT'],
  ['a page size over 100', '{ assessments(first: 1000) { totalCount } }', 'BAD_USER_INPUT'],
  ['a negative page size', '{ entities(first: -5) { totalCount } }', 'BAD_USER_INPUT'],
  ['a malformed ISO3 code', '{ memberState(iso3: "12") { name } }', 'BAD_USER_INPUT'],
  ['an unknown field', '{ memberState(iso3: "NGA") { capital } }', 'GRAPHQL_VALIDATION_FAILED'],
  ['a syntax error', '{ memberState(iso3: "NGA") { name ', 'GRAPHQL_PARSE_FAILED'],
])('%s through the gateway is a clear error with a code', async (_case, query, code) => {
  const response = await fetch(graph.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  expect(response.status).toBeLessThan(500);
  const body = await response.json();
  expect(body.errors[0].extensions.code).toBe(code);
  expect(body.errors[0].message.length).toBeGreaterThan(10);
  expect(JSON.stringify(body)).not.toMatch(STACK);
});

test('an unknown id is null without an error', async () => {
  const result = await graph.query(
    '{ project(code: "CGC-1900-0000") { code } assessment(id: "0190d4c0-0000-7000-8000-000000000000") { id } entity(acronym: "NONE") { name } }',
  );
  expect(result).toEqual({ data: { project: null, assessment: null, entity: null } });
});

test('a changed supergraph file is served without a restart; a broken one is ignored', async () => {
  const sdl = (name: string) => ({
    name,
    url: 'http://localhost/graphql',
    sdl: readFileSync(`schema/${name}.graphql`, 'utf8'),
  });
  const withoutFunding = composeSupergraph([sdl('membership'), sdl('assessments')]);
  writeFileSync(supergraphPath, withoutFunding);
  await until(async () => {
    const result = await graph.query('{ projects { totalCount } }');
    return result.errors?.[0]?.extensions?.code === 'GRAPHQL_VALIDATION_FAILED';
  }, 'the projects query is gone');

  writeFileSync(supergraphPath, 'this is not a supergraph');
  await new Promise((resolve) => setTimeout(resolve, 500));
  const still = await graph.query<{ memberState: { name: string } }>(
    '{ memberState(iso3: "NGA") { name } }',
  );
  expect(still.data?.memberState.name).toBe('Nigeria');

  copyFileSync('schema/supergraph.graphql', supergraphPath);
  await until(async () => {
    const result = await graph.query<{ projects: { totalCount: number } }>(
      '{ projects { totalCount } }',
    );
    return (result.data?.projects.totalCount ?? 0) > 0;
  }, 'the projects query is back');
});

test('an internal failure reaches the caller as a code and a plain message, never a stack or SQL', async () => {
  await graph.subgraphs.funding.db.destroy();
  const result = await graph.query(
    '{ project(code: "CGC-2020-0001") { title } memberState(iso3: "NGA") { name } }',
  );
  expect(result.data).toEqual({ project: null, memberState: { name: 'Nigeria' } });
  expect(result.errors?.length).toBeGreaterThan(0);
  expect(JSON.stringify(result)).not.toMatch(STACK);
});
