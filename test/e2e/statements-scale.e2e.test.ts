import { buildWorkload, type Operation } from '../../bench/lib/workload';
import { createTestDatabase, migrateAndSeed, type TestDatabase } from '../helpers/database';
import { startTestGraph, type TestGraph } from '../helpers/graph';

/**
 * What a request costs in SQL must not grow with the data: each operation of the benchmark mix
 * issues no more statements (per subgraph) on ten times the data than on the seed.
 */
const SAMPLES = 8;
let small: TestGraph;
let large: TestGraph;
let largeDatabase: TestDatabase;
let workloads: Record<number, Operation[]>;

beforeAll(async () => {
  largeDatabase = await createTestDatabase();
  await migrateAndSeed(largeDatabase.url, 10);
  small = await startTestGraph();
  large = await startTestGraph({ databaseUrl: largeDatabase.url });
  workloads = { 1: buildWorkload(1, SAMPLES), 10: buildWorkload(10, SAMPLES) };
}, 180_000);
afterAll(async () => {
  await small?.stop();
  await large?.stop();
  await largeDatabase?.drop();
});

/** The most statements each subgraph issued for any one request of the operation. */
async function mostStatements(
  graph: TestGraph,
  operation: Operation,
): Promise<Record<string, number>> {
  const most: Record<string, number> = {};
  for (const sample of operation.samples) {
    const before = graph.statements();
    const response = await fetch(graph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: sample.body,
    });
    const body = await response.json();
    expect(body.errors).toBeUndefined();
    const after = graph.statements();
    for (const name of Object.keys(after))
      most[name] = Math.max(most[name] ?? 0, after[name] - before[name]);
  }
  return most;
}

test.each(buildWorkload(1, 1).map((op) => op.name))(
  '%s costs no more SQL at ×10 than at ×1',
  async (name) => {
    const atOne = await mostStatements(
      small,
      workloads[1].find((op) => op.name === name)!,
    );
    const atTen = await mostStatements(
      large,
      workloads[10].find((op) => op.name === name)!,
    );
    expect(Object.values(atOne).some((n) => n > 0)).toBe(true);
    for (const subgraph of Object.keys(atOne)) {
      expect({ subgraph, statements: atTen[subgraph] }).toEqual({
        subgraph,
        statements: expect.any(Number),
      });
      expect(atTen[subgraph]).toBeLessThanOrEqual(atOne[subgraph]);
    }
  },
);
