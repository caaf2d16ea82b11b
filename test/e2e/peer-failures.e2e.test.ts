import { startTestGraph, type TestGraph } from '../helpers/graph';
import { as } from '../helpers/tokens';

/**
 * A write that names another subgraph's records is checked with that subgraph first. When the
 * owner cannot look (its database is down), the write must be refused as retryable, never as
 * bad input: a careful client stops retrying on BAD_USER_INPUT, and the write would be lost.
 * (The fault test found this while PostgreSQL restarted.)
 */

let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph?.stop());

test('a write whose reference check meets a failing owner is SUBGRAPH_UNAVAILABLE, retryable', async () => {
  // The services have read the list of Compact entities, so the token is checked without membership.
  const warm = await graph.query('{ projects(first: 1) { totalCount } }', undefined, {
    headers: await as(['editor'], 'UNODC'),
  });
  expect(warm.errors).toBeUndefined();
  await graph.subgraphs.membership.db.destroy();
  const result = await graph.query(
    'mutation ($input: CreateProjectInput!) { createProject(input: $input, idempotencyKey: "peer-failure-0001") { id } }',
    {
      input: {
        code: 'PEER-FAILURE-1',
        title: 'Peer failure',
        summary: 'Refused while membership cannot look.',
        status: 'PIPELINE',
        leadEntity: 'UNODC',
        startsOn: '2027-01-01',
        budget: '1000.00',
      },
    },
    { headers: await as(['editor'], 'UNODC') },
  );
  expect(result.data ?? null).toBeNull();
  expect(result.errors?.[0].extensions).toMatchObject({
    code: 'SUBGRAPH_UNAVAILABLE',
    subgraph: 'membership',
    retryable: true,
  });
});
