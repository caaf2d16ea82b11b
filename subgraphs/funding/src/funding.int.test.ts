import {
  servedSdlOfCheckedIn,
  startSubgraph,
  type TestSubgraph,
} from '../../../test/helpers/subgraph';
import { postBody, signedBody } from '../../../test/helpers/signature';
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
  expect(result.data!._service.sdl).toContain(
    '@requires(fields: "recommendations { id priority technicalAssistanceNeeded }")',
  );
});

const COVERAGE = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Assessment { coverage { recommendations addressed unaddressed unaddressedRecommendations { id } } }
  }
}`;

const addressedOnce = new Set(
  projects.filter((p) => p.status !== ProjectStatus.CANCELLED).flatMap((p) => p.recommendationIds),
);

function coverageOf(recommendations: { id: string }[]) {
  const unaddressed = recommendations.filter((r) => !addressedOnce.has(r.id));
  return {
    recommendations: recommendations.length,
    addressed: recommendations.length - unaddressed.length,
    unaddressed: unaddressed.length,
    unaddressedRecommendations: unaddressed.map((r) => ({ id: r.id })),
  };
}

/** A public assessment's representation that claims recommendations of other assessments. */
function forged() {
  const assessment = data.assessments.assessments.find((a) => a.confidentiality === 'PUBLIC')!;
  const claimed = data.assessments.recommendations
    .filter((r) => r.assessmentId !== assessment.id)
    .slice(0, 12);
  const representation = {
    __typename: 'Assessment',
    id: assessment.id,
    recommendations: claimed.map((r) => ({
      __typename: 'Recommendation',
      id: r.id,
      priority: r.priority,
      technicalAssistanceNeeded: r.technicalAssistanceNeeded,
    })),
  };
  const own = data.assessments.recommendations
    .filter((r) => r.assessmentId === assessment.id)
    .sort((a, b) => a.number - b.number);
  return { representation, claimed, own };
}

test('a signed request: coverage counts the recommendations the gateway supplied', async () => {
  const { representation, claimed } = forged();
  const { body } = await postBody(
    subgraph.url,
    signedBody({ query: COVERAGE, variables: { representations: [representation] } }),
  );
  expect(body.errors).toBeUndefined();
  const [entity] = (body.data as { _entities: { coverage: unknown }[] })._entities;
  expect(entity.coverage).toEqual(coverageOf(claimed));
});

test("an unsigned request: coverage counts the owner's recommendations, not the representation's", async () => {
  const { representation, own } = forged();
  expect(own.length).toBeGreaterThan(0);
  const result = await subgraph.query<{ _entities: { coverage: unknown }[] }>(COVERAGE, {
    representations: [representation],
  });
  expect(result.errors).toBeUndefined();
  expect(result.data!._entities[0].coverage).toEqual(coverageOf(own));
});

test('a signed request without the required recommendations says their owner did not supply them', async () => {
  const visible = data.assessments.assessments.find((a) => a.confidentiality === 'PUBLIC')!;
  const { body } = await postBody(
    subgraph.url,
    signedBody({
      query: COVERAGE,
      variables: { representations: [{ __typename: 'Assessment', id: visible.id }] },
    }),
  );
  // Only the gateway signs, and it sends them whenever assessments answered: that one did not.
  const [error] = body.errors as { message: string; extensions: Record<string, unknown> }[];
  expect(error.extensions).toMatchObject({
    code: 'SUBGRAPH_UNAVAILABLE',
    serviceName: 'assessments',
    retryable: true,
  });
  expect(error.message).toContain('did not supply the recommendations');
});

test('addressedBy for every recommendation costs two statements: links, then projects', async () => {
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
  expect(subgraph.statements.count - before).toBe(2);
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
