import {
  servedSdlOfCheckedIn,
  startSubgraph,
  type TestSubgraph,
} from '../../../test/helpers/subgraph';
import { parse, visit } from 'graphql';
import { buildDataset } from '../../shared/src/dataset/build';
import { ProjectStatus } from '../../shared/src/vocabulary';
import { assessments } from '../../assessments/src/subgraph';
import { funding } from './subgraph';

const data = buildDataset();
const { projects, contributions } = data.funding;
const confidentialityOf = new Map(
  data.assessments.assessments.map((a) => [a.id, a.confidentiality]),
);
const readable = (r: { assessmentId: string }) =>
  confidentialityOf.get(r.assessmentId) === 'PUBLIC';
let subgraph: TestSubgraph;
let owner: TestSubgraph;

// Funding asks the assessments subgraph what a caller may see, so that one runs beside it.
beforeAll(async () => {
  owner = await startSubgraph(assessments);
  subgraph = await startSubgraph(funding, { peers: { assessments: owner.url } });
});
afterAll(async () => {
  await subgraph?.stop();
  await owner?.stop();
});

const byCode = (a: { code: string }, b: { code: string }) =>
  a.code < b.code ? -1 : a.code > b.code ? 1 : 0;

test('_service returns the SDL checked in under schema/', async () => {
  const result = await subgraph.query<{ _service: { sdl: string } }>('{ _service { sdl } }');
  expect(result.data!._service.sdl).toBe(await servedSdlOfCheckedIn('funding'));
});

test('funding takes nothing from a representation but its key: no @requires, no @external', async () => {
  const { data } = await subgraph.query<{ _service: { sdl: string } }>('{ _service { sdl } }');
  const used: string[] = [];
  visit(parse(data!._service.sdl), {
    FieldDefinition(field) {
      for (const directive of field.directives ?? []) used.push(directive.name.value);
    },
  });
  expect(used).toContain('listSize');
  expect(used.filter((name) => name === 'requires' || name === 'external')).toEqual([]);
});

test('addressedBy for every recommendation costs one statement: the projects joined to their links', async () => {
  const before = subgraph.statements.count;
  const result = await subgraph.query<{
    _entities: ({ addressedBy: { code: string }[] } | null)[];
  }>(
    `query ($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on Recommendation { addressedBy { code } } }
    }`,
    {
      representations: data.assessments.recommendations.map((r) => ({
        __typename: 'Recommendation',
        id: r.id,
      })),
    },
  );
  expect(subgraph.statements.count - before).toBe(1);
  // A recommendation the caller may not read is absent here too: its owner decides.
  expect(result.data!._entities.map((e) => e && e.addressedBy.map((p) => p.code))).toEqual(
    data.assessments.recommendations.map((r) =>
      readable(r)
        ? projects
            .filter((p) => p.recommendationIds.includes(r.id))
            .sort(byCode)
            .map((p) => p.code)
        : null,
    ),
  );
});

test('projects filtered by status, lead entity, state and thematic area match the data set', async () => {
  const [state] = projects[0].beneficiaryStateIso3s;
  const [area] = projects[0].thematicAreaCodes;
  const result = await subgraph.query<{
    projects: { totalCount: number; edges: { node: { code: string } }[] };
  }>(
    `query ($state: String!, $area: String!, $lead: String!) {
      projects(filter: { status: [ACTIVE, COMPLETED, PIPELINE], leadEntity: [$lead], beneficiaryState: [$state], thematicArea: [$area] }, first: 100) {
        totalCount edges { node { code } }
      }
    }`,
    { state: state.toLowerCase(), area, lead: projects[0].leadEntityAcronym },
  );
  const expected = projects
    .filter((p) => p.status !== ProjectStatus.CANCELLED)
    .filter((p) => p.leadEntityAcronym === projects[0].leadEntityAcronym)
    .filter((p) => p.beneficiaryStateIso3s.includes(state) && p.thematicAreaCodes.includes(area))
    .sort(byCode)
    .map((p) => ({ node: { code: p.code } }));
  expect(result.data!.projects.edges).toEqual(expected);
  expect(result.data!.projects.totalCount).toBe(expected.length);
});

test('a project adds up its contributions exactly, in cents', async () => {
  const project = projects.find(
    (p) => contributions.filter((c) => c.projectId === p.id).length >= 3,
  )!;
  const cents = (amount: string) => BigInt(amount.replace('.', ''));
  const total = contributions
    .filter((c) => c.projectId === project.id)
    .reduce((sum, c) => sum + cents(c.amount), 0n);
  const gap = cents(project.budget) - total;
  const format = (value: bigint) => `${value / 100n}.${(value % 100n).toString().padStart(2, '0')}`;
  const result = await subgraph.query<{ project: Record<string, unknown> }>(
    `{ project(code: "${project.code}") { budget { amount currency } funded { amount } fundingGap { amount } } }`,
  );
  expect(result.data!.project).toEqual({
    budget: { amount: project.budget, currency: 'USD' },
    funded: { amount: format(total) },
    fundingGap: { amount: format(gap > 0n ? gap : 0n) },
  });
});

test('a lookup by an unknown or malformed id is null; by both id and code, an error', async () => {
  const result = await subgraph.query(
    '{ a: project(id: "nope") { code } b: donor(id: "0190d4c0-0000-7000-8000-000000000000") { name } }',
  );
  expect(result).toEqual({ data: { a: null, b: null } });
  const both = await subgraph.query('{ project(id: "x", code: "y") { code } }');
  expect(both.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
});
