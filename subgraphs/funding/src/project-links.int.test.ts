import { startWritableGraph, type TestGraph } from '../../../test/helpers/graph';
import { cents, formatCents } from '../../../test/helpers/money';
import { as } from '../../../test/helpers/tokens';

let graph: TestGraph & { databaseUrl: string };
beforeAll(async () => {
  graph = await startWritableGraph();
});
afterAll(() => graph?.stop());

const LINK_RECOMMENDATIONS = `mutation ($id: ID!, $version: Int!, $ids: [ID!]!) {
  linkProjectRecommendations(projectId: $id, expectedVersion: $version, recommendationIds: $ids) {
    version recommendations { id }
  }
}`;
const UNLINK_RECOMMENDATIONS = `mutation ($id: ID!, $version: Int!, $ids: [ID!]!) {
  unlinkProjectRecommendations(projectId: $id, expectedVersion: $version, recommendationIds: $ids) {
    version recommendations { id }
  }
}`;
const LINK_ASSESSMENTS = `mutation ($id: ID!, $version: Int!, $ids: [ID!]!) {
  linkProjectAssessments(projectId: $id, expectedVersion: $version, assessmentIds: $ids) {
    version assessments { id }
  }
}`;
const UNLINK_ASSESSMENTS = `mutation ($id: ID!, $version: Int!, $ids: [ID!]!) {
  unlinkProjectAssessments(projectId: $id, expectedVersion: $version, assessmentIds: $ids) {
    version assessments { id }
  }
}`;

interface Linked {
  version: number;
  recommendations?: { id: string }[];
  assessments?: { id: string }[];
}

async function funding<T>(sql: string, parameters: unknown[] = []): Promise<T[]> {
  return graph.subgraphs.funding.db.query(sql, parameters);
}
async function assessments<T>(sql: string, parameters: unknown[] = []): Promise<T[]> {
  return graph.subgraphs.assessments.db.query(sql, parameters);
}

async function projectLedBy(lead: string) {
  const [row] = await funding<{ id: string; code: string; version: number }>(
    `SELECT id, code, version FROM funding.project
      WHERE lead_entity_acronym = $1 AND deleted_at IS NULL ORDER BY code LIMIT 1`,
    [lead],
  );
  return row;
}
const linkedRecommendations = async (projectId: string) =>
  (
    await funding<{ id: string }>(
      'SELECT recommendation_id AS id FROM funding.project_recommendation WHERE project_id = $1',
      [projectId],
    )
  ).map((row) => row.id);

/** A recommendation of a PUBLIC assessment that no project addresses yet. */
async function unaddressedPublicRecommendation() {
  const addressed = new Set(
    (
      await funding<{ id: string }>(
        'SELECT recommendation_id AS id FROM funding.project_recommendation',
      )
    ).map((row) => row.id),
  );
  const candidates = await assessments<{ id: string; assessmentId: string }>(
    `SELECT r.id, r.assessment_id AS "assessmentId" FROM assessments.recommendation r
       JOIN assessments.assessment a ON a.id = r.assessment_id
      WHERE a.confidentiality = 'PUBLIC' AND r.deleted_at IS NULL ORDER BY r.id`,
  );
  return candidates.find((r) => !addressed.has(r.id))!;
}

/** A recommendation of a CONFIDENTIAL assessment that `entity` neither led nor took part in. */
async function hiddenRecommendationFor(entity: string) {
  const [row] = await assessments<{ id: string }>(
    `SELECT r.id FROM assessments.recommendation r
       JOIN assessments.assessment a ON a.id = r.assessment_id
      WHERE a.confidentiality = 'CONFIDENTIAL' AND r.deleted_at IS NULL
        AND a.lead_entity_acronym <> $1
        AND NOT EXISTS (SELECT 1 FROM assessments.assessment_participant p
                         WHERE p.assessment_id = a.id AND p.entity_acronym = $1)
      ORDER BY r.id LIMIT 1`,
    [entity],
  );
  return row.id;
}

test('an editor of the lead links and unlinks what CTED shows them; each change is a new version', async () => {
  const editor = await as(['editor'], 'UNODC');
  const project = await projectLedBy('UNODC');
  const recommendation = await unaddressedPublicRecommendation();

  const link = await graph.query<{ linkProjectRecommendations: Linked }>(
    LINK_RECOMMENDATIONS,
    { id: project.id, version: project.version, ids: [recommendation.id] },
    { headers: editor },
  );
  expect(link.errors).toBeUndefined();
  expect(link.data!.linkProjectRecommendations.version).toBe(project.version + 1);
  expect(link.data!.linkProjectRecommendations.recommendations).toContainEqual({
    id: recommendation.id,
  });
  expect(await linkedRecommendations(project.id)).toContain(recommendation.id);

  const unlink = await graph.query<{ unlinkProjectRecommendations: Linked }>(
    UNLINK_RECOMMENDATIONS,
    { id: project.id, version: project.version + 1, ids: [recommendation.id] },
    { headers: editor },
  );
  expect(unlink.data!.unlinkProjectRecommendations.version).toBe(project.version + 2);
  expect(unlink.data!.unlinkProjectRecommendations.recommendations).not.toContainEqual({
    id: recommendation.id,
  });
  expect(await linkedRecommendations(project.id)).not.toContain(recommendation.id);

  const use = await graph.query<{ linkProjectAssessments: Linked }>(
    LINK_ASSESSMENTS,
    { id: project.id, version: project.version + 2, ids: [recommendation.assessmentId] },
    { headers: editor },
  );
  expect(use.data!.linkProjectAssessments.version).toBe(project.version + 3);
  expect(use.data!.linkProjectAssessments.assessments).toContainEqual({
    id: recommendation.assessmentId,
  });
  const stopUsing = await graph.query<{ unlinkProjectAssessments: Linked }>(
    UNLINK_ASSESSMENTS,
    { id: project.id, version: project.version + 3, ids: [recommendation.assessmentId] },
    { headers: editor },
  );
  expect(stopUsing.data!.unlinkProjectAssessments.assessments).not.toContainEqual({
    id: recommendation.assessmentId,
  });

  const operations = await funding<{ operation: string; after: { version: number } }>(
    `SELECT operation, after FROM funding.audit_log WHERE entity_id = $1 ORDER BY id`,
    [project.id],
  );
  expect(operations).toEqual([
    expect.objectContaining({ operation: 'linkProjectRecommendations' }),
    expect.objectContaining({ operation: 'unlinkProjectRecommendations' }),
    expect.objectContaining({ operation: 'linkProjectAssessments' }),
    expect.objectContaining({ operation: 'unlinkProjectAssessments' }),
  ]);
  expect(operations[3].after.version).toBe(project.version + 4);
});

test('a recommendation the editor may not see is refused as unknown; an admin may link it', async () => {
  const project = await projectLedBy('UNODC');
  const hidden = await hiddenRecommendationFor('UNODC');
  const refused = await graph.query(
    LINK_RECOMMENDATIONS,
    { id: project.id, version: project.version, ids: [hidden] },
    { headers: await as(['editor'], 'UNODC') },
  );
  expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect(refused.errors?.[0].message).toContain(hidden);
  expect(await linkedRecommendations(project.id)).not.toContain(hidden);
  expect(await projectLedBy('UNODC')).toEqual(project);

  const admin = await graph.query<{ linkProjectRecommendations: Linked }>(
    LINK_RECOMMENDATIONS,
    { id: project.id, version: project.version, ids: [hidden] },
    { headers: await as(['admin']) },
  );
  expect(admin.errors).toBeUndefined();
  expect(admin.data!.linkProjectRecommendations.recommendations).toContainEqual({ id: hidden });
  expect(await linkedRecommendations(project.id)).toContain(hidden);

  // Unlinking it is refused as well, so an unlink cannot tell the editor it was linked.
  const linked = await projectLedBy('UNODC');
  const unlink = await graph.query(
    UNLINK_RECOMMENDATIONS,
    { id: project.id, version: linked.version, ids: [hidden] },
    { headers: await as(['editor'], 'UNODC') },
  );
  expect(unlink.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect(await linkedRecommendations(project.id)).toContain(hidden);
  expect(await projectLedBy('UNODC')).toEqual(linked);
});

test('unknown ids, stale versions and other entities are refused, and nothing changes', async () => {
  const editor = await as(['editor'], 'UNODC');
  const project = await projectLedBy('UNODC');
  const unknown = '01900000-0000-7000-8000-00000000dead';
  const missing = await graph.query(
    LINK_RECOMMENDATIONS,
    { id: project.id, version: project.version, ids: [unknown] },
    { headers: editor },
  );
  expect(missing.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect(missing.errors?.[0].message).toContain(unknown);

  const recommendation = await unaddressedPublicRecommendation();
  const stale = await graph.query(
    LINK_RECOMMENDATIONS,
    { id: project.id, version: project.version + 1, ids: [recommendation.id] },
    { headers: editor },
  );
  expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');

  const undp = await projectLedBy('UNDP');
  const foreign = await graph.query(
    LINK_RECOMMENDATIONS,
    { id: undp.id, version: undp.version, ids: [recommendation.id] },
    { headers: editor },
  );
  expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');

  expect(await projectLedBy('UNODC')).toEqual(project);
  expect(await projectLedBy('UNDP')).toEqual(undp);
  expect(await linkedRecommendations(project.id)).not.toContain(unknown);
  expect(await linkedRecommendations(undp.id)).not.toContain(recommendation.id);
});

const READS = `query ($code: String!, $assessment: ID!) {
  project(code: $code) { id version }
  projects { totalCount }
  entity(acronym: "UNODC") { projectsLed { totalCount edges { node { code } } } }
  memberState(iso3: "NGA") { projects { totalCount } }
  thematicArea(code: "CFT") { funding { projects budget { amount } } }
  assessment(id: $assessment) {
    projects { code }
    coverage { addressed unaddressed }
    recommendations { id addressedBy { code } }
  }
}`;

interface Reads {
  project: { id: string; version: number } | null;
  projects: { totalCount: number };
  entity: { projectsLed: { totalCount: number; edges: { node: { code: string } }[] } };
  memberState: { projects: { totalCount: number } };
  thematicArea: { funding: { projects: number; budget: { amount: string } } };
  assessment: {
    projects: { code: string }[];
    coverage: { addressed: number; unaddressed: number };
    recommendations: { id: string; addressedBy: { code: string }[] }[];
  };
}

test('a deleted project is gone from every read: lookups, lists, counts, totals and coverage', async () => {
  const admin = await as(['admin']);
  const recommendation = await unaddressedPublicRecommendation();
  const variables = { code: 'GONE-0001', assessment: recommendation.assessmentId };
  const before = await graph.query<Reads>(READS, variables);
  expect(before.errors).toBeUndefined();

  const create = await graph.query<{ createProject: { id: string } }>(
    `mutation ($input: CreateProjectInput!) { createProject(input: $input) { id } }`,
    {
      input: {
        code: 'GONE-0001',
        title: 'A project that will be deleted',
        summary: 'Shows that a deleted project leaves no trace in any read.',
        status: 'ACTIVE',
        leadEntity: 'UNODC',
        beneficiaryStates: ['NGA'],
        thematicAreas: ['CFT'],
        startsOn: '2026-01-01',
        budget: '1000.00',
      },
    },
    { headers: admin },
  );
  const id = create.data!.createProject.id;
  await graph.query(
    LINK_RECOMMENDATIONS,
    { id, version: 1, ids: [recommendation.id] },
    { headers: admin },
  );
  await graph.query(
    LINK_ASSESSMENTS,
    { id, version: 2, ids: [recommendation.assessmentId] },
    { headers: admin },
  );

  const present = (await graph.query<Reads>(READS, variables)).data!;
  const addressedBy = (reads: Reads) =>
    reads.assessment.recommendations.find((r) => r.id === recommendation.id)!.addressedBy;
  expect(present.project).toEqual({ id, version: 3 });
  expect(present.projects.totalCount).toBe(before.data!.projects.totalCount + 1);
  expect(present.entity.projectsLed.totalCount).toBe(
    before.data!.entity.projectsLed.totalCount + 1,
  );
  expect(present.memberState.projects.totalCount).toBe(
    before.data!.memberState.projects.totalCount + 1,
  );
  expect(present.thematicArea.funding.projects).toBe(
    before.data!.thematicArea.funding.projects + 1,
  );
  expect(present.assessment.projects).toContainEqual({ code: 'GONE-0001' });
  expect(present.assessment.coverage.addressed).toBe(
    before.data!.assessment.coverage.addressed + 1,
  );
  expect(addressedBy(present)).toEqual([{ code: 'GONE-0001' }]);

  const remove = await graph.query(
    `mutation ($id: ID!) { deleteProject(id: $id, expectedVersion: 3) }`,
    { id },
    { headers: admin },
  );
  expect(remove.errors).toBeUndefined();

  const after = (await graph.query<Reads>(READS, variables)).data!;
  expect(after).toEqual(before.data);
  expect(after.project).toBeNull();
  expect(after.entity.projectsLed.edges.map((e) => e.node.code)).not.toContain('GONE-0001');
  expect(addressedBy(after)).toEqual([]);
  expect(
    formatCents(
      cents(present.thematicArea.funding.budget.amount) -
        cents(after.thematicArea.funding.budget.amount),
    ),
  ).toBe('1000.00');
});
