import { startTestGraph, type TestGraph } from '../helpers/graph';
import { postBody, signedBody } from '../helpers/signature';

/**
 * A subscription sent to a graph that serves none is the caller's mistake, answered with a code:
 * at the gateway a validation error, at each subgraph (where partner agencies may send one) 400
 * and a code of its own; never an internal error.
 */
let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph?.stop());

const SUBSCRIPTION = { query: 'subscription { memberStates { iso3 } }' };

test('at the gateway: a validation error (200 for application/json, as GraphQL over HTTP has it)', async () => {
  const answer = await postBody(graph.url, SUBSCRIPTION);
  expect(answer.status).toBe(200);
  expect(answer.body.errors?.[0]).toMatchObject({
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
  });
});

test.each(['membership', 'assessments', 'funding'])(
  'straight at %s, signed or not: 400, OPERATION_TYPE_NOT_SERVED',
  async (name) => {
    const url = graph.subgraphs[name]!.url;
    for (const body of [SUBSCRIPTION, signedBody(SUBSCRIPTION)]) {
      const answer = await postBody(url, body);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        errors: [
          {
            message: 'This subgraph serves no subscriptions: send a query or a mutation.',
            extensions: { code: 'OPERATION_TYPE_NOT_SERVED' },
          },
        ],
      });
    }
  },
);
