import { startGraph, type RunningGraph } from '../../scripts/lib/graph';
import { createTestDatabase, migrateAndSeed, type TestDatabase } from '../helpers/database';
import { postGraphQL } from '../helpers/graph';
import { operation } from '../helpers/operations';

/**
 * Batching, proved with the statement counter: a subgraph must send as many SQL statements for
 * a page of 100 assessments as for a page of 10, because every per-row field goes through a
 * per-request DataLoader. At scale 5 an anonymous caller sees more than 100 assessments.
 */

interface Page {
  assessments: {
    totalCount: number;
    edges: { node: { projects: { leadEntity: { name: string } }[] } }[];
  };
}

let database: TestDatabase | undefined;
let graph: RunningGraph | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  await migrateAndSeed(database.url, 5);
  graph = await startGraph({
    databaseUrl: database.url,
    ports: { gateway: 0, membership: 0, assessments: 0, funding: 0 },
    seed: false,
    logLevel: 'silent',
  });
}, 180_000);

afterAll(async () => {
  await graph?.stop();
  await database?.drop();
});

function statementCounts(): Record<string, number> {
  return Object.fromEntries(
    Object.values(graph!.subgraphs).map((s) => [s.name, s.statements.count]),
  );
}

async function statementsForPage(first: number) {
  const before = statementCounts();
  const result = await postGraphQL<Page>(graph!.url, operation(1), { first });
  const after = statementCounts();
  expect(result.errors).toBeUndefined();
  const { totalCount, edges } = result.data!.assessments;
  expect(totalCount).toBeGreaterThanOrEqual(100);
  expect(edges).toHaveLength(first);
  const projects = edges.flatMap((e) => e.node.projects);
  expect(projects.length).toBeGreaterThan(first);
  expect(projects.every((p) => p.leadEntity.name.length > 0)).toBe(true);
  return Object.fromEntries(Object.keys(after).map((name) => [name, after[name] - before[name]]));
}

test('question 1 costs each subgraph as many statements for 100 assessments as for 10', async () => {
  const ten = await statementsForPage(10);
  const hundred = await statementsForPage(100);
  expect(Object.keys(ten).sort()).toEqual(['assessments', 'funding', 'membership']);
  for (const count of Object.values(ten)) expect(count).toBeGreaterThan(0);
  expect(hundred).toEqual(ten);
});
