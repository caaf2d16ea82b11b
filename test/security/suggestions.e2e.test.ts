import { funding } from '../../subgraphs/funding/src/subgraph';
import { startExtraGateway, type ExtraGateway } from '../e2e/support/gateway';
import { postGraphQL, startTestGraph, type TestGraph } from '../helpers/graph';
import { startSubgraph, type TestSubgraph } from '../helpers/subgraph';

/**
 * With introspection off, no error says "Did you mean …": each suggestion names a field,
 * argument, type or enum value the caller did not send, so a caller could read the schema one
 * guess at a time. Through the gateway (`INTROSPECTION=false`) and at a subgraph called directly
 * (`introspection: false`); with introspection on, the same mistakes keep their suggestions.
 */

const MISTAKES: { what: string; query: string; variables?: Record<string, unknown> }[] = [
  { what: 'a field', query: '{ projectz { totalCount } }' },
  { what: 'an argument', query: '{ project(cod: "CGC-2020-0001") { id } }' },
  { what: 'an input field', query: '{ projects(filter: { statu: [ACTIVE] }) { totalCount } }' },
  { what: 'an enum value', query: '{ projects(filter: { status: [ACTIV] }) { totalCount } }' },
  { what: 'a type', query: 'query ($f: ProjectFiltr) { projects(filter: $f) { totalCount } }' },
  {
    what: "a variable's enum value",
    query: 'query ($s: [ProjectStatus!]) { projects(filter: { status: $s }) { totalCount } }',
    variables: { s: ['ACTIV'] },
  },
  {
    what: "a variable's input field",
    query: 'query ($f: ProjectFilter) { projects(filter: $f) { totalCount } }',
    variables: { f: { statu: ['ACTIVE'] } },
  },
];

let graph: TestGraph;
let closedGateway: ExtraGateway;
let closedSubgraph: TestSubgraph;
beforeAll(async () => {
  graph = await startTestGraph();
  closedGateway = await startExtraGateway(graph, { INTROSPECTION: 'false' });
  closedSubgraph = await startSubgraph(funding, {
    peers: { assessments: graph.subgraphs.assessments.url },
    config: { introspection: false },
  });
});
afterAll(async () => {
  await closedGateway?.stop();
  await closedSubgraph?.stop();
  await graph?.stop();
});

const SERVICES = [
  { name: 'the gateway', open: () => graph.url, closed: () => closedGateway.url },
  {
    name: 'the funding subgraph',
    open: () => graph.subgraphs.funding.url,
    closed: () => closedSubgraph.url,
  },
];

describe.each(SERVICES)('$name', ({ open, closed }) => {
  test('serves introspection only when it is on', async () => {
    const query = '{ __schema { queryType { name } } }';
    expect((await postGraphQL(open(), query)).data).toEqual({
      __schema: { queryType: { name: 'Query' } },
    });
    const refused = await postGraphQL(closed(), query);
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors?.[0].message).toMatch(/introspection/i);
  });

  test.each(MISTAKES)(
    '$what: suggested with introspection on, not with it off',
    async ({ query, variables }) => {
      const [suggested] = (await postGraphQL(open(), query, variables)).errors ?? [];
      const [plain] = (await postGraphQL(closed(), query, variables)).errors ?? [];
      expect(suggested.message).toMatch(/ Did you mean [^?]+\?/);
      expect(plain.message).not.toMatch(/did you mean/i);
      expect(plain.message.length).toBeGreaterThan(0);
      // The rest of the message stays: it names what the caller sent.
      expect(suggested.message.startsWith(plain.message)).toBe(true);
      expect(plain.extensions?.code).toBe(suggested.extensions?.code);
    },
  );
});
