import { getIntrospectionQuery } from 'graphql';
import { exampleOperations } from '../../gateway/operations';
import { startTestGraph, type TestGraph } from '../helpers/graph';
import { startExtraGateway, type ExtraGateway } from '../e2e/support/gateway';

/**
 * The cost estimate counts what an operation may make the graph do: connections at their page
 * (the default page when `first` is absent), plain lists at their declared size, introspection
 * and `__typename` too. A gateway with MAX_COST=1 refuses everything and reports each estimate.
 */

let graph: TestGraph;
let measuring: ExtraGateway;
beforeAll(async () => {
  graph = await startTestGraph();
  measuring = await startExtraGateway(graph, { MAX_COST: '1', MAX_ALIASES: '0' });
});
afterAll(async () => {
  await measuring?.stop();
  await graph?.stop();
});

/** The estimate the gateway reports for a query it refuses. */
async function estimate(query: string, variables?: Record<string, unknown>): Promise<number> {
  const answer = await measuring.post({ query, variables });
  expect(answer.body.errors?.[0]?.extensions?.code).toBe('COST_LIMIT_EXCEEDED');
  return answer.body.errors[0].extensions.found as number;
}

const NESTED =
  '{ memberStates { projects { edges { node { beneficiaryStates { projects { edges { node { code title } } } } } } } } }';

test('the nested lists that kept funding busy for 19 s are refused at the default limit', async () => {
  const answer = await graph.query(NESTED);
  expect(answer.data ?? null).toBeNull();
  expect(answer.errors?.[0].extensions).toMatchObject({
    code: 'COST_LIMIT_EXCEEDED',
    limit: 500_000,
  });
  expect(answer.errors?.[0].extensions?.found).toBeGreaterThan(10_000_000);
});

test('a connection without first counts the default page of 20, not 1', async () => {
  const absent = await estimate('{ projects { edges { node { code } } } }');
  expect(absent).toBe(await estimate('{ projects(first: 20) { edges { node { code } } } }'));
  expect(absent).toBeGreaterThan(
    await estimate('{ projects(first: 2) { edges { node { code } } } }'),
  );
  // A page size in a variable counts as the variable's value; left out, as the default page.
  const variable = 'query ($n: Int) { projects(first: $n) { edges { node { code } } } }';
  expect(await estimate(variable, { n: 100 })).toBe(
    await estimate('{ projects(first: 100) { edges { node { code } } } }'),
  );
  expect(await estimate(variable)).toBe(absent);
});

test('a field that a variable skips costs nothing', async () => {
  const query =
    'query ($all: Boolean!) { memberStates @include(if: $all) { iso3 } memberState(iso3: "NGA") { iso3 } }';
  expect(await estimate(query, { all: false })).toBe(
    await estimate('{ memberState(iso3: "NGA") { iso3 } }'),
  );
  expect(await estimate(query, { all: true })).toBeGreaterThan(193);
});

test('a plain list counts at its declared size: 193 Member States', async () => {
  const one = await estimate('{ memberState(iso3: "NGA") { iso3 name } }');
  const all = await estimate('{ memberStates { iso3 name } }');
  // (object 2 + 1.5 per field) per state; the lookup's state is one object.
  expect(all).toBe(Math.ceil((2 + 1.5 * 2) * 193));
  expect(one).toBe(Math.ceil(2 + 1.5 * 2));
});

test('introspection is counted, and so is every __typename', async () => {
  expect(await estimate('{ __schema { queryType { name } } }')).toBe(100_000);
  expect(await estimate('{ a: __typename b: __typename c: __typename }')).toBe(3);
});

test('one introspection of the whole schema passes; thirty aliased ones do not', async () => {
  const one = await graph.query(getIntrospectionQuery());
  expect(one.errors).toBeUndefined();
  const thirty = `{ ${Array.from({ length: 30 }, (_, i) => `s${i}: __schema { types { name } }`).join(' ')} }`;
  const refused = await graph.query(thirty);
  expect(refused.data ?? null).toBeNull();
  expect(refused.errors?.[0].extensions?.code).toBe('COST_LIMIT_EXCEEDED');
});

test('aliases of __typename count toward the alias limit', async () => {
  const query = `{ ${Array.from({ length: 31 }, (_, i) => `t${i}: __typename`).join(' ')} }`;
  const answer = await graph.query(query);
  expect(answer.errors?.[0].extensions?.code).toBe('ALIAS_LIMIT_EXCEEDED');
});

test('each example operation passes at the default limit', async () => {
  for (const operation of exampleOperations()) {
    const answer = await graph.query(operation.document, {
      iso3: 'NGA',
      acronym: 'UNODC',
      id: '00000000-0000-0000-0000-000000000000',
      code: 'CFT',
    });
    const codes = (answer.errors ?? []).map((error) => error.extensions?.code);
    expect({ operation: operation.name, codes }).toEqual({ operation: operation.name, codes: [] });
  }
});

describe('straight at a subgraph, with the request variables', () => {
  const entities = (count: number) =>
    Array.from({ length: count }, (_, i) => ({
      __typename: 'Project',
      id: `0190d4c0-0000-7000-8000-${String(i).padStart(12, '0')}`,
    }));
  const QUERY = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Project { code contributions { id amount { amount } } } } }`;

  test('_entities counts the representations sent', async () => {
    const few = await graph.query(QUERY, { r: entities(10) }, { url: graph.subgraphs.funding.url });
    expect(few.errors).toBeUndefined();
    const many = await graph.query(
      QUERY,
      { r: entities(5000) },
      { url: graph.subgraphs.funding.url },
    );
    expect(many.data ?? null).toBeNull();
    expect(many.errors?.[0].extensions?.code).toBe('COST_LIMIT_EXCEEDED');
  });

  test('a connection without first counts its default page at the subgraph too', async () => {
    const deep =
      '{ projects { edges { node { contributions { donor { contributions { edges { node { project { contributions { id } } } } } } } } } } }';
    const answer = await graph.query(deep, undefined, { url: graph.subgraphs.funding.url });
    expect(answer.errors?.[0].extensions?.code).toBe('COST_LIMIT_EXCEEDED');
    const small = deep
      .replace('{ projects {', '{ projects(first: 1) {')
      .replace('contributions { edges', 'contributions(first: 1) { edges');
    expect(
      (await graph.query(small, undefined, { url: graph.subgraphs.funding.url })).errors,
    ).toBeUndefined();
  });
});
