import { Confidentiality, Priority } from '../../subgraphs/shared/src/vocabulary';
import { startWritableGraph, type TestGraph } from '../helpers/graph';
import { seed } from '../helpers/seed';
import { as } from '../helpers/tokens';

/**
 * A write in assessments — an assessment made confidential, a recommendation's priority changed —
 * changes every figure of the overview that counts it in the next read, for the callers it
 * concerns. (Links and project statuses, written in funding: coverage-delivery.e2e.test.ts.)
 */
const s = seed();
const assessment = s.data.assessments.assessments.find(
  (a) => a.confidentiality === Confidentiality.PUBLIC && s.recommendationsOf(a).length >= 2,
)!;
const iso3 = assessment.memberStateIso3;
const own = s.recommendationsOf(assessment);

let graph: TestGraph & { databaseUrl: string };
beforeAll(async () => {
  graph = await startWritableGraph();
});
afterAll(() => graph?.stop());

const FIGURES = `query ($iso3: String!, $filter: RecommendationFilter) {
  coverageSummary(groupBy: MEMBER_STATE, filter: $filter) { key recommendations unaddressed }
  unaddressedRecommendations(filter: { memberState: [$iso3] }, first: 100) { edges { node { id } } }
}`;

/** The state's group in coverageSummary and its needs across all states, as anonymous sees them. */
async function figures(filter: Record<string, unknown> = {}) {
  const answer = await graph.query<{
    coverageSummary: { key: string; recommendations: number; unaddressed: number }[];
    unaddressedRecommendations: { edges: { node: { id: string } }[] };
  }>(FIGURES, { iso3, filter: { memberState: [iso3], ...filter } });
  expect(answer.errors).toBeUndefined();
  const [group] = answer.data!.coverageSummary;
  return {
    recommendations: group?.recommendations ?? 0,
    unaddressed: group?.unaddressed ?? 0,
    ids: answer.data!.unaddressedRecommendations.edges.map((edge) => edge.node.id),
  };
}

async function write(mutation: string, input: Record<string, unknown>) {
  const answer = await graph.query(
    `mutation ($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { id version } }`,
    { input },
    { headers: await as(['cted'], 'CTED') },
  );
  expect(answer.errors).toBeUndefined();
}

async function versionOf(kind: 'assessment' | 'recommendation', id: string) {
  const answer = await graph.query<Record<string, { version: number }>>(
    `query ($id: ID!) { ${kind}(id: $id) { version } }`,
    { id },
    { headers: await as(['cted'], 'CTED') },
  );
  return answer.data![kind].version;
}

test('an assessment made confidential leaves the figures anonymous sees, and comes back when public again', async () => {
  const before = await figures();
  expect(before.recommendations).toBeGreaterThanOrEqual(own.length);
  const unaddressedOwn = own.filter((r) => !s.isAddressed(r.id));

  await write('updateAssessment', {
    id: assessment.id,
    expectedVersion: await versionOf('assessment', assessment.id),
    confidentiality: Confidentiality.CONFIDENTIAL,
  });
  const hidden = await figures();
  expect(hidden.recommendations).toBe(before.recommendations - own.length);
  expect(hidden.unaddressed).toBe(before.unaddressed - unaddressedOwn.length);
  expect(hidden.ids.filter((id) => own.some((r) => r.id === id))).toEqual([]);

  await write('updateAssessment', {
    id: assessment.id,
    expectedVersion: await versionOf('assessment', assessment.id),
    confidentiality: Confidentiality.PUBLIC,
  });
  expect(await figures()).toEqual(before);
});

test("a recommendation's new priority moves it between the priority filters' figures", async () => {
  const [recommendation] = own;
  const other = recommendation.priority === Priority.HIGH ? Priority.LOW : Priority.HIGH;
  const [fromBefore, toBefore] = await Promise.all([
    figures({ priority: [recommendation.priority] }),
    figures({ priority: [other] }),
  ]);
  await write('updateRecommendation', {
    id: recommendation.id,
    expectedVersion: await versionOf('recommendation', recommendation.id),
    priority: other,
  });
  const [fromAfter, toAfter] = await Promise.all([
    figures({ priority: [recommendation.priority] }),
    figures({ priority: [other] }),
  ]);
  expect(fromAfter.recommendations).toBe(fromBefore.recommendations - 1);
  expect(toAfter.recommendations).toBe(toBefore.recommendations + 1);
  const addressed = s.isAddressed(recommendation.id);
  expect(toAfter.ids.includes(recommendation.id)).toBe(!addressed);
  expect(fromAfter.ids.includes(recommendation.id)).toBe(false);
});
