import {
  assessedDonorStates,
  entitiesThatLeadAndPartner,
  revealingProjects,
  statesWithUrgentNeeds,
  statesWithWithheldAssessments,
} from '../helpers/choices';
import {
  expectedEntityLookup,
  expectedMemberStateLookup,
  expectedProjectLookup,
} from '../helpers/expected-lookups';
import { startTestGraph, type TestGraph } from '../helpers/graph';
import { isListed, isReadable, seed } from '../helpers/seed';
import {
  ENTITY_LOOKUP,
  MEMBER_STATE_LOOKUP,
  PROJECT_KEYS_LOOKUP,
  PROJECT_LOOKUP,
} from '../helpers/lookups';

let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph?.stop());

async function ask(document: string, variables: Record<string, unknown>) {
  const result = await graph.query(document, variables);
  expect(result.errors).toBeUndefined();
  return result.data;
}

test.each([...entitiesThatLeadAndPartner(2), 'CTED'])('entity(acronym: %s)', async (acronym) => {
  expect(await ask(ENTITY_LOOKUP, { acronym })).toEqual(expectedEntityLookup(acronym));
});

test.each([
  ...statesWithUrgentNeeds(1),
  ...statesWithWithheldAssessments(2),
  ...assessedDonorStates(1),
])('memberState(iso3: %s)', async (iso3) => {
  expect(await ask(MEMBER_STATE_LOOKUP, { iso3 })).toEqual(expectedMemberStateLookup(iso3));
});

test('memberState takes an ISO3 code in any case', async () => {
  const [iso3] = statesWithUrgentNeeds(1);
  expect(await ask(MEMBER_STATE_LOOKUP, { iso3: iso3.toLowerCase() })).toEqual(
    expectedMemberStateLookup(iso3),
  );
});

test.each(revealingProjects(3))(
  'project(code: %s), with assessments and recommendations an anonymous caller may not see',
  async (code) => {
    const project = seed().data.funding.projects.find((p) => p.code === code)!;
    expect(project.assessmentIds.some((id) => !isListed(seed().assessment(id)))).toBe(true);
    expect(project.recommendationIds.some((id) => !isReadable(seed().recommendation(id)))).toBe(
      true,
    );
    expect(await ask(PROJECT_LOOKUP, { code })).toEqual(expectedProjectLookup(code));
  },
);

test.each(revealingProjects(2))(
  'project(code: %s) with only ids selected shows no id an anonymous caller may not see',
  async (code) => {
    const { assessments, recommendations } = expectedProjectLookup(code).project;
    expect(await ask(PROJECT_KEYS_LOOKUP, { code })).toEqual({
      project: {
        assessments: assessments.map((a) => ({ id: a.id })),
        recommendations: recommendations.map((r) => ({ id: r.id })),
      },
    });
  },
);
