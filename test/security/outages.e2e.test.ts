import { readFileSync } from 'node:fs';
import { exampleOperations } from '../../gateway/operations';
import { EXAMPLE_VARIABLES } from '../../gateway/src/ide/examples';
import { entityOwners } from '../../scripts/contract/fault-boundaries';
import { namedType, readRouting } from '../../scripts/contract/routing';
import { clientSchema } from '../../scripts/contract/sdl';
import { startFaultProxy, type FaultProxy } from '../e2e/support/fault-proxy';
import { startExtraGateway, type ExtraGateway } from '../e2e/support/gateway';
import { startTestGraph, type TestGraph } from '../helpers/graph';
import { answerWithout, type Landing } from './support/outage-answer';

/**
 * With one subgraph down, each of the five questions still answers everything that does not
 * need it: the fields it resolves are null, each with an error that names it, and the null
 * stops at the field that needed it (or at the field holding one of its entities) instead of
 * taking the object or list around with it.
 */

const supergraph = readFileSync('schema/supergraph.graphql', 'utf8');
const routing = readRouting(supergraph);
const schema = clientSchema(supergraph);
const owners = entityOwners(routing);
const SUBGRAPHS = ['membership', 'assessments', 'funding'];

let graph: TestGraph;
let gateway: ExtraGateway;
const proxies: Record<string, FaultProxy> = {};

beforeAll(async () => {
  graph = await startTestGraph();
  for (const name of SUBGRAPHS) proxies[name] = await startFaultProxy(graph.subgraphs[name].url);
  gateway = await startExtraGateway(
    graph,
    // Every request must reach the proxy: no open circuit, no retry of a refused connection.
    { CIRCUIT_BREAKER_FAILURES: '0', SUBGRAPH_RETRIES: '0' },
    Object.fromEntries(SUBGRAPHS.map((name) => [name, proxies[name].url])),
  );
});
beforeEach(() => {
  for (const proxy of Object.values(proxies)) proxy.mode = 'pass';
});
afterAll(async () => {
  await gateway?.stop();
  await Promise.all(Object.values(proxies).map((proxy) => proxy.stop()));
  await graph?.stop();
});

/**
 * A null may stop at the field the down subgraph resolves, at one holding its entity, or, when
 * the question's root field is the down subgraph's, at the root.
 */
function stopsWhereItShould(landing: Landing, down: string): boolean {
  if (landing.path.length === 0) return landing.origins.every((o) => o.startsWith('Query.'));
  if (landing.origins.every((origin) => origin === landing.field)) return true;
  const [typeName, fieldName] = landing.field.split('.');
  const type = routing.types.get(typeName)?.fields.get(fieldName)?.type;
  return !!type && owners.get(namedType(type)) === down;
}

const isPrefix = (prefix: (string | number)[], path: (string | number)[]) =>
  prefix.every((part, i) => path[i] === part);

const cases = SUBGRAPHS.flatMap((down) =>
  exampleOperations().map((operation) => [down, operation.name, operation.document] as const),
);

test.each(cases)('%s down: %s answers all that does not need it', async (down, name, document) => {
  const variables = EXAMPLE_VARIABLES[name];
  const up = await gateway.post({ query: document, variables });
  expect(up.body.errors).toBeUndefined();

  proxies[down].mode = 'reset';
  const outage = await gateway.post({ query: document, variables });
  expect(outage.status).toBe(200);

  const expected = answerWithout(schema, routing, document, up.body.data, down);
  const roots = expected.data as Record<string, unknown> | null;
  if (roots === null || Object.values(roots).every((value) => value === null)) {
    // The question's root field needs the down subgraph: the whole answer is missing.
    expect([undefined, null, roots]).toContainEqual(outage.body.data);
  } else {
    expect(outage.body.data).toEqual(expected.data);
  }
  expect(expected.landings.filter((landing) => !stopsWhereItShould(landing, down))).toEqual([]);

  const errors: { path?: (string | number)[]; extensions?: { serviceName?: string } }[] =
    outage.body.errors ?? [];
  expect(errors.length > 0).toBe(expected.landings.length > 0);
  for (const error of errors) {
    expect(error.extensions?.serviceName).toBe(down);
    expect(error.path).toEqual(expect.arrayContaining([expect.anything()]));
    // Each error points into a part of the answer the outage nulled.
    expect(expected.landings.some((landing) => isPrefix(landing.path, error.path!))).toBe(true);
  }
});

test('funding down: an entity keeps its name, and only projectsLed is null', async () => {
  proxies.funding.mode = 'reset';
  const { body } = await gateway.post({
    query: '{ entity(acronym: "UNOCT") { name projectsLed { totalCount } } }',
  });
  expect(body.data).toEqual({
    entity: { name: 'United Nations Office of Counter-Terrorism', projectsLed: null },
  });
  expect(body.errors).toEqual([
    expect.objectContaining({
      path: ['entity', 'projectsLed'],
      extensions: expect.objectContaining({ serviceName: 'funding' }),
    }),
  ]);
});

test('membership down: a project keeps its title, and only leadEntity is null', async () => {
  proxies.membership.mode = 'reset';
  const { body } = await gateway.post({
    query: '{ project(code: "CGC-2020-0001") { title leadEntity { acronym name } } }',
  });
  expect(body.data).toEqual({ project: { title: expect.any(String), leadEntity: null } });
  expect(body.errors).toEqual([
    expect.objectContaining({
      path: ['project', 'leadEntity', 'name'],
      extensions: expect.objectContaining({ serviceName: 'membership' }),
    }),
  ]);
});
