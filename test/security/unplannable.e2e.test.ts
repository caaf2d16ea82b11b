import { randomUUID } from 'node:crypto';
import { startTestGraph, type TestGraph } from '../helpers/graph';

/**
 * Operations that are valid against the schema but that the query planner refuses are the
 * caller's error: OPERATION_NOT_PLANNABLE with 400 and a message a person can act on, never a
 * 500, and one warning in the gateway's log, under the request's id, with the planner's reason.
 */

const logs: Record<string, unknown>[] = [];
let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph({ logs });
});
afterAll(() => graph?.stop());

async function ask(query: string) {
  const requestId = `unplannable-${randomUUID()}`;
  const response = await fetch(graph.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': requestId },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as {
    data?: unknown;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
  return { status: response.status, body, requestId };
}

/** The gateway's lines for a request, once it has logged serving it. */
async function gatewayLinesOf(requestId: string) {
  const lines = () => logs.filter((line) => line.service === 'gateway');
  const served = () =>
    lines().some((line) => line.requestId === requestId && line.msg === 'graphql request served');
  for (let i = 0; i < 100 && !served(); i++) await new Promise((r) => setTimeout(r, 20));
  return lines();
}

const UNPLANNABLE: [string, string, RegExp][] = [
  [
    'an introspection field beside data fields',
    '{ memberState(iso3: "BEL") { name } __schema { queryType { name } } }',
    /Ask for "__schema" in an operation of its own/,
  ],
];

test.each(UNPLANNABLE)('%s is OPERATION_NOT_PLANNABLE, 400', async (_kind, query, advice) => {
  for (let attempt = 0; attempt < 2; attempt++) {
    const { status, body } = await ask(query);
    expect(status).toBe(400);
    expect(body.data ?? undefined).toBeUndefined();
    expect(body.errors).toEqual([
      {
        message: expect.stringMatching(
          /^This operation is valid, but the gateway cannot plan how to fetch it from the subgraphs\./,
        ),
        extensions: { code: 'OPERATION_NOT_PLANNABLE' },
      },
    ]);
    expect(body.errors![0].message).toMatch(advice);
  }
});

test.each(UNPLANNABLE)('%s is logged once, with the request id', async (_kind, query) => {
  const { requestId } = await ask(query);
  const lines = await gatewayLinesOf(requestId);
  const aboutPlanning = lines.filter((line) => JSON.stringify(line).includes('Failed to plan'));
  const mine = aboutPlanning.filter((line) => line.requestId === requestId);
  expect(mine).toHaveLength(1);
  expect(mine[0]).toMatchObject({
    level: 40,
    msg: 'the query planner cannot plan this operation',
    reason: expect.stringMatching(/^Failed to plan query: /),
  });
  // Every line about planning carries a request id: none is logged without one.
  expect(aboutPlanning.every((line) => typeof line.requestId === 'string')).toBe(true);
  expect(lines.filter((line) => line.requestId === requestId)).toEqual([
    mine[0],
    expect.objectContaining({ msg: 'graphql request served', status: 400 }),
  ]);
  expect(lines.some((line) => (line.level as number) >= 50)).toBe(false);
});

test('an operation whose every field a literal @include(if: false) leaves out answers no data', async () => {
  // The planner cannot plan it; the gateway answers it as GraphQL does, without planning.
  const { status, body } = await ask('{ memberState(iso3: "BEL") @include(if: false) { name } }');
  expect(status).toBe(200);
  expect(body).toEqual({ data: {} });
});

test('the same fields, planned, are answered', async () => {
  const { status, body } = await ask('{ memberState(iso3: "BEL") { name } }');
  expect(status).toBe(200);
  expect(body).toEqual({ data: { memberState: { name: 'Belgium' } } });
  const introspection = await ask('{ __schema { queryType { name } } }');
  expect(introspection.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
});

describe('an alias that takes the name of a field the gateway joins with', () => {
  const refusedAlias = (alias: string, type: string) => ({
    message: `The alias "${alias}" on ${type} is the name of a field the gateway uses to join subgraphs (a key, or a field another subgraph requires): choose another alias.`,
    extensions: { code: 'OPERATION_NOT_PLANNABLE' },
  });

  test.each([
    [
      // The planner aborted the whole process on these.
      'a key, two levels down',
      '{ assessment(id: "x") { recommendations { id: text } coverage { addressed } } }',
      'id',
      'Recommendation',
    ],
    [
      'a key, under another entity',
      '{ memberState(iso3: "BEL") { iso3: name projects { totalCount } } }',
      'iso3',
      'MemberState',
    ],
    [
      'a key, in a fragment',
      '{ assessments(first: 2) { edges { node { recommendations { ...R } projects { code } } } } } fragment R on Recommendation { id: text }',
      'id',
      'Recommendation',
    ],
    [
      // The gateway sent the year as the assessment's key, and answered no projects.
      'a key',
      '{ assessments(first: 2) { edges { node { id: year projects { code } } } } }',
      'id',
      'Assessment',
    ],
    [
      '__typename',
      '{ memberState(iso3: "BEL") { __typename: name } }',
      '__typename',
      'MemberState',
    ],
  ])('is refused: %s', async (_kind, query, alias, type) => {
    const { status, body } = await ask(query);
    expect(status).toBe(400);
    expect(body.data ?? undefined).toBeUndefined();
    expect(body.errors).toEqual([refusedAlias(alias, type)]);
    // The gateway is still there.
    expect((await ask('{ memberState(iso3: "BEL") { name } }')).status).toBe(200);
  });

  test('other aliases join as the same fields unaliased', async () => {
    const plain = await ask(
      '{ assessments(first: 3) { edges { node { id recommendations { id } coverage { addressed unaddressedRecommendations { id } } projects { code } } } } }',
    );
    const aliased = await ask(
      '{ assessments(first: 3) { edges { node { id recs: recommendations { i: id } coverage { addressed unaddressedRecommendations { id } } p: projects { code } } } } }',
    );
    expect(plain.status).toBe(200);
    expect(aliased.status).toBe(200);
    type Node = {
      id: string;
      recommendations?: unknown;
      recs?: unknown;
      projects?: unknown;
      p?: unknown;
      coverage: unknown;
    };
    const nodes = (body: { data?: unknown }) =>
      (body.data as { assessments: { edges: { node: Node }[] } }).assessments.edges.map(
        ({ node }) => ({ id: node.id, coverage: node.coverage, projects: node.projects ?? node.p }),
      );
    expect(nodes(aliased.body)).toEqual(nodes(plain.body));
    expect(nodes(plain.body).some((node) => (node.projects as unknown[]).length > 0)).toBe(true);
  });
});
