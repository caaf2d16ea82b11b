import {
  assessmentListVariables,
  donorsFundingNeeds,
  entitiesThatLeadAndPartner,
  statesWithUrgentNeeds,
  statesWithWithheldAssessments,
  thematicAreasWithProjects,
} from '../helpers/choices';
import {
  expectedDonorTrail,
  expectedEntityFootprint,
  expectedProjectsByAssessment,
  expectedStateNeeds,
  expectedThematicArea,
  projectsByAssessmentNodes,
} from '../helpers/expected';
import { startTestGraph, type TestGraph } from '../helpers/graph';
import { operation } from '../helpers/operations';
import { isReadable, seed } from '../helpers/seed';
import { Confidentiality } from '../../subgraphs/shared/src/vocabulary';

let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph?.stop());

async function ask(question: 1 | 2 | 3 | 4 | 5, variables: Record<string, unknown>) {
  const result = await graph.query(operation(question), variables);
  expect(result.errors).toBeUndefined();
  return result.data;
}

describe('question 1: projects by assessment', () => {
  const cases = assessmentListVariables();

  test.each(cases)('%s', async (_name, variables) => {
    const expected = expectedProjectsByAssessment(variables);
    const nodes = expected.assessments.edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThan(1);
    expect(nodes.some((n) => n.projects.length > 1)).toBe(true);
    expect(await ask(1, variables)).toEqual(expected);
  });

  test('every page, following endCursor with first: 7, adds up to the whole list', async () => {
    const all = projectsByAssessmentNodes();
    expect(all.length).toBeGreaterThan(14);
    const seen: unknown[] = [];
    let after: string | null = null;
    for (let page = 0; page <= all.length / 7; page++) {
      const data = (await ask(1, { first: 7, after })) as {
        assessments: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          edges: { node: unknown }[];
        };
      };
      const { totalCount, pageInfo, edges } = data.assessments;
      expect(totalCount).toBe(all.length);
      expect(edges).toHaveLength(Math.min(7, all.length - seen.length));
      seen.push(...edges.map((e) => e.node));
      expect(pageInfo.hasNextPage).toBe(seen.length < all.length);
      if (!pageInfo.hasNextPage) break;
      expect(pageInfo.endCursor).toEqual(expect.any(String));
      after = pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
  });
});

describe('question 2: the needs of one Member State', () => {
  const chosen = statesWithUrgentNeeds(3);

  test('the first chosen state has urgent needs some projects address and some none does', () => {
    const { assessments, unaddressedRecommendations } = expectedStateNeeds(chosen[0]).memberState;
    expect(assessments.some((a) => a.coverage.addressed > 0)).toBe(true);
    expect(unaddressedRecommendations.length).toBeGreaterThan(0);
  });

  test.each(chosen)('%s, with urgent needs', async (iso3) => {
    const expected = expectedStateNeeds(iso3);
    expect(expected.memberState.recommendations.totalCount).toBeGreaterThan(0);
    expect(await ask(2, { iso3 })).toEqual(expected);
  });

  test.each(statesWithWithheldAssessments(3))(
    '%s, whose assessments are partly withheld',
    async (iso3) => {
      const own = seed().data.assessments.assessments.filter((a) => a.memberStateIso3 === iso3);
      expect(own.some((a) => a.confidentiality !== Confidentiality.PUBLIC)).toBe(true);
      expect(await ask(2, { iso3 })).toEqual(expectedStateNeeds(iso3));
    },
  );
});

describe('question 3: the footprint of one Compact entity', () => {
  const chosen = entitiesThatLeadAndPartner(3);

  test('the chosen entities benefit states CTED has assessed and states it has not', () => {
    const states = chosen
      .map((acronym) => expectedEntityFootprint(acronym).entity)
      .flatMap((e) => [...e.projectsLed.edges, ...e.projectsAsPartner.edges])
      .flatMap((edge) => edge.node.beneficiaryStates);
    expect(states.some((state) => state.latestAssessment !== null)).toBe(true);
    expect(states.some((state) => state.latestAssessment === null)).toBe(true);
  });

  test.each(chosen)('%s', async (acronym) => {
    const expected = expectedEntityFootprint(acronym);
    expect(expected.entity.projectsLed.totalCount).toBeGreaterThan(0);
    expect(expected.entity.projectsAsPartner.totalCount).toBeGreaterThan(0);
    expect(expected.entity.workingGroups.length).toBeGreaterThan(0);
    expect(await ask(3, { acronym })).toEqual(expected);
  });
});

describe('question 4: the trail of one donor', () => {
  const chosen = donorsFundingNeeds(3).map((id) => [seed().donor(id).name, id]);

  test('the chosen donors fund projects with recommendations some readable, some not', () => {
    const s = seed();
    const recommendations = chosen
      .flatMap(([, id]) =>
        s.data.funding.contributions.filter((c) => c.donorId === id && c.projectId),
      )
      .flatMap((c) => s.project(c.projectId!).recommendationIds)
      .map((id) => s.recommendation(id));
    expect(recommendations.some(isReadable)).toBe(true);
    expect(recommendations.some((r) => !isReadable(r))).toBe(true);
  });

  test.each(chosen)('%s', async (_name, id) => {
    const expected = expectedDonorTrail(id);
    const projects = expected.donor.contributions.edges.flatMap((e) => e.node.project ?? []);
    expect(projects.length).toBeGreaterThan(1);
    expect(await ask(4, { id })).toEqual(expected);
  });

  test('the first 10 contributions of the biggest donor', async () => {
    const [[, id]] = chosen;
    const expected = expectedDonorTrail(id, 10);
    expect(expected.donor.contributions.totalCount).toBeGreaterThan(10);
    expect(await ask(4, { id, first: 10 })).toEqual(expected);
  });
});

describe('question 5: one thematic area', () => {
  test.each(thematicAreasWithProjects(3))('%s', async (code) => {
    const expected = expectedThematicArea(code);
    const { projects, recommendationsByPriority, funding } = expected.thematicArea;
    expect(projects.totalCount).toBeGreaterThan(1);
    expect(recommendationsByPriority.some((p) => p.count > 0)).toBe(true);
    expect(funding.funded.amount).not.toBe('0.00');
    expect(await ask(5, { code })).toEqual(expected);
  });
});
