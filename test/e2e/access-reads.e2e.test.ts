import { buildDataset } from '../../subgraphs/shared/src/dataset/build';
import type { AssessmentRow } from '../../subgraphs/shared/src/dataset/rows';
import { Priority, ProjectStatus } from '../../subgraphs/shared/src/vocabulary';
import { accessRules, type Caller } from '../helpers/access';
import { accessEntities, bothWaysOn } from '../helpers/callers';
import { startTestGraph, type TestGraph } from '../helpers/graph';
import { as } from '../helpers/tokens';

/**
 * DESIGN.md's access table for reads, for every kind of caller, asked through the gateway and
 * directly of the subgraph that owns the data: both must give the answer the table predicts.
 */
const data = buildDataset();
const { assessments, recommendations } = data.assessments;
const { confidential, participant, outsider } = accessEntities(data);

const CALLERS: Caller[] = [
  { name: 'anonymous', roles: null },
  { name: 'signed in without an entity', roles: ['viewer'] },
  {
    name: `a Compact entity that took part (${participant})`,
    roles: ['viewer'],
    entity: participant,
  },
  {
    name: `an editor of an entity that took part in none (${outsider})`,
    roles: ['editor'],
    entity: outsider,
  },
  { name: 'cted', roles: ['cted'] },
  { name: 'admin', roles: ['admin'] },
];

let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph?.stop());

const newestFirst = (a: AssessmentRow, b: AssessmentRow) =>
  a.startedOn === b.startedOn ? (a.id < b.id ? 1 : -1) : a.startedOn < b.startedOn ? 1 : -1;

const bothWays = bothWaysOn(() => graph);

/** A thematic area where some recommendations are hidden from anonymous callers. */
const anonymous = accessRules(data, { name: 'anonymous', roles: null });
const area = data.assessments.thematicAreas.find((t) =>
  recommendations.some(
    (r) => r.thematicAreaCode === t.code && !anonymous.readableRecommendation(r),
  ),
)!;

test('the chosen callers exercise the table', () => {
  expect(area).toBeDefined();
  expect(confidential.some((a) => a.participatingEntityAcronyms.includes(participant))).toBe(true);
  expect(outsider).toBeDefined();
});

describe.each(CALLERS)('$name', (caller) => {
  const rules = accessRules(data, caller);

  test('lists, counts and reads assessments as the table says', async () => {
    const listed = assessments.filter(rules.listed).sort(newestFirst);
    expect(
      await bothWays(
        caller,
        'assessments',
        '{ assessments(first: 100) { totalCount edges { node { id contentsWithheld recommendations { id } } } } }',
      ),
    ).toEqual({
      assessments: {
        totalCount: listed.length,
        edges: listed.map((a) => ({
          node: {
            id: a.id,
            contentsWithheld: !rules.readable(a),
            recommendations: rules.readable(a)
              ? recommendations
                  .filter((r) => r.assessmentId === a.id)
                  .sort((x, y) => x.number - y.number)
                  .map((r) => ({ id: r.id }))
              : [],
          },
        })),
      },
    });
  });

  test('looks up each confidential assessment and recommendation only where allowed', async () => {
    const hidden = recommendations
      .filter((r) => confidential.some((a) => a.id === r.assessmentId))
      .slice(0, 5);
    const query = `{ ${confidential.map((a, i) => `a${i}: assessment(id: "${a.id}") { id }`).join(' ')}
      ${hidden.map((r, i) => `r${i}: recommendation(id: "${r.id}") { id }`).join(' ')} }`;
    const expected = Object.fromEntries([
      ...confidential.map((a, i) => [`a${i}`, rules.listed(a) ? { id: a.id } : null]),
      ...hidden.map((r, i) => [`r${i}`, rules.readableRecommendation(r) ? { id: r.id } : null]),
    ]);
    expect(await bothWays(caller, 'assessments', query)).toEqual(expected);
  });

  test('counts recommendations by thematic area only among those it may read', async () => {
    const readable = recommendations.filter(
      (r) => r.thematicAreaCode === area.code && rules.readableRecommendation(r),
    );
    expect(
      await bothWays(
        caller,
        'assessments',
        `{ thematicArea(code: "${area.code}") { recommendationsByPriority { priority count } }
           recommendations(filter: { thematicArea: ["${area.code}"] }) { totalCount } }`,
      ),
    ).toEqual({
      thematicArea: {
        recommendationsByPriority: [Priority.HIGH, Priority.MEDIUM, Priority.LOW].map(
          (priority) => ({
            priority,
            count: readable.filter((r) => r.priority === priority).length,
          }),
        ),
      },
      recommendations: { totalCount: readable.length },
    });
  });

  test('sees through a project only the assessments and recommendations it may see', async () => {
    const project = data.funding.projects.find(
      (p) =>
        p.assessmentIds.some((id) => confidential.some((a) => a.id === id)) &&
        p.recommendationIds.length > 0,
    )!;
    const byId = (x: string, y: string) => (x < y ? -1 : 1);
    const assessmentOf = new Map(assessments.map((a) => [a.id, a]));
    const recommendationOf = new Map(recommendations.map((r) => [r.id, r]));
    expect(
      await bothWays(
        caller,
        'funding',
        `{ project(code: "${project.code}") { assessments { id } recommendations { id } } }`,
      ),
    ).toEqual({
      project: {
        assessments: [...project.assessmentIds]
          .sort(byId)
          .filter((id) => rules.listed(assessmentOf.get(id)!))
          .map((id) => ({ id })),
        recommendations: [...project.recommendationIds]
          .sort(byId)
          .filter((id) => rules.readableRecommendation(recommendationOf.get(id)!))
          .map((id) => ({ id })),
      },
    });
  });

  test('gets nothing from _entities for what it may not see, in either subgraph', async () => {
    const headers = caller.roles ? await as(caller.roles, caller.entity) : {};
    const representations = confidential.map((a) => ({ __typename: 'Assessment', id: a.id }));
    const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Assessment { id } } }`;
    for (const subgraph of ['assessments', 'funding']) {
      const result = await graph.query(
        query,
        { r: representations },
        { headers, url: graph.subgraphs[subgraph].url },
      );
      expect(result).toEqual({
        data: { _entities: confidential.map((a) => (rules.listed(a) ? { id: a.id } : null)) },
      });
    }
  });

  test("a state's uncovered needs count only what it may read", async () => {
    const state = confidential[0].memberStateIso3;
    const addressed = new Set(
      data.funding.projects
        .filter((p) => p.status !== ProjectStatus.CANCELLED)
        .flatMap((p) => p.recommendationIds),
    );
    const expected = assessments
      .filter((a) => a.memberStateIso3 === state && rules.listed(a))
      .sort(newestFirst)
      .flatMap((a) =>
        rules.readable(a)
          ? recommendations
              .filter((r) => r.assessmentId === a.id)
              .sort((x, y) => x.number - y.number)
          : [],
      )
      .filter((r) => !addressed.has(r.id))
      .map((r) => ({ id: r.id }));
    const headers = caller.roles ? await as(caller.roles, caller.entity) : {};
    const result = await graph.query(
      `{ memberState(iso3: "${state}") { unaddressedRecommendations { id } } }`,
      {},
      { headers },
    );
    expect(result).toEqual({ data: { memberState: { unaddressedRecommendations: expected } } });
  });

  test('reads the public lists everyone may read', async () => {
    const result = await bothWays(
      caller,
      'funding',
      '{ projects { totalCount } donors { id } programmes { id } }',
    );
    expect(result).toEqual({
      projects: { totalCount: data.funding.projects.length },
      donors: data.funding.donors.map(() => ({ id: expect.any(String) })),
      programmes: data.funding.programmes.map(() => ({ id: expect.any(String) })),
    });
    const membership = await bothWays(
      caller,
      'membership',
      '{ entities { totalCount } memberStates { iso3 } workingGroups { id } }',
    );
    expect(membership).toEqual({
      entities: { totalCount: data.membership.entities.length },
      memberStates: data.membership.memberStates.map((s) => ({ iso3: s.iso3 })),
      workingGroups: data.membership.workingGroups.map(() => ({ id: expect.any(String) })),
    });
  });
});
