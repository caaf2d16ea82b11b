import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { isPlannerFailure, notPlannable } from './unplannable';

const { QueryPlanner } = createRequire(__filename)('@graphql-hive/router-query-planner') as {
  QueryPlanner: new (sdl: string) => {
    planAsync(query: string, name: null, labels: Set<string>, percent: number): Promise<unknown>;
  };
};
const planner = new QueryPlanner(readFileSync('schema/supergraph.graphql', 'utf8'));
const plan = (query: string) => planner.planAsync(query, null, new Set(), 0);

test.each([
  '{ memberState(iso3: "BEL") { name } __schema { queryType { name } } }',
  '{ memberState(iso3: "BEL") @include(if: false) { name } }',
])('the planner refusing %s is recognised as such', async (query) => {
  const error = await plan(query).then(
    () => undefined,
    (refused: unknown) => refused,
  );
  expect(isPlannerFailure(error)).toBe(true);
});

test('other errors are not the planner refusing', async () => {
  await expect(plan('{ memberState(iso3: "BEL") { name } }')).resolves.toBeDefined();
  expect(isPlannerFailure(new Error('Failed to plan query'))).toBe(false);
  expect(isPlannerFailure(new TypeError('Cannot read properties of undefined'))).toBe(false);
  expect(isPlannerFailure('Failed to plan query: x')).toBe(false);
});

test('the advice names the field the planner could not reach', () => {
  expect(
    notPlannable('walker failed to locate path: No paths found for selection item: __type').message,
  ).toMatch(/Ask for "__type" in an operation of its own/);
  expect(notPlannable('No paths found for selection item: region').message).toMatch(
    /"region" cannot be fetched where it is selected/,
  );
  expect(notPlannable('failed to build plan: Failed to build a plan').extensions).toMatchObject({
    code: 'OPERATION_NOT_PLANNABLE',
    http: { status: 400 },
  });
});
