import { startWritableGraph, type TestGraph } from '../../../test/helpers/graph';
import { startSubgraph } from '../../../test/helpers/subgraph';
import { as } from '../../../test/helpers/tokens';
import { assessments } from './subgraph';

let graph: TestGraph & { databaseUrl: string };
beforeAll(async () => {
  graph = await startWritableGraph();
});
afterAll(() => graph?.stop());

const ASSESSMENT_FIELDS = `id version memberState { iso3 name } type format startedOn endedOn status
  confidentiality leadEntity { acronym } participatingEntities { acronym }
  resolutions { symbol } thematicAreas { code } provenance { kind source }`;
const CREATE = `mutation ($input: CreateAssessmentInput!, $key: String) {
  createAssessment(input: $input, idempotencyKey: $key) { ${ASSESSMENT_FIELDS} }
}`;
const UPDATE = `mutation ($input: UpdateAssessmentInput!) {
  updateAssessment(input: $input) { ${ASSESSMENT_FIELDS} }
}`;
const RECOMMENDATION_FIELDS = `id version number text priority technicalAssistanceNeeded status
  memberState { iso3 } thematicArea { code } assessment { id }`;
const ADD = `mutation ($input: AddRecommendationInput!, $key: String) {
  addRecommendation(input: $input, idempotencyKey: $key) { ${RECOMMENDATION_FIELDS} }
}`;
const UPDATE_RECOMMENDATION = `mutation ($input: UpdateRecommendationInput!) {
  updateRecommendation(input: $input) { ${RECOMMENDATION_FIELDS} }
}`;
const DELETE = `mutation ($id: ID!, $version: Int!) {
  deleteRecommendation(id: $id, expectedVersion: $version)
}`;

interface AssessmentResult {
  id: string;
  version: number;
  memberState: { iso3: string; name: string };
  endedOn: string | null;
  status: string;
  participatingEntities: { acronym: string }[];
  resolutions: { symbol: string }[];
  thematicAreas: { code: string }[];
  provenance: { kind: string; source: string | null };
}
interface RecommendationResult {
  id: string;
  version: number;
  number: number;
  status: string;
  memberState: { iso3: string };
  thematicArea: { code: string };
  assessment: { id: string };
}

const newAssessment = {
  memberState: 'ken',
  type: 'FOLLOW_UP_VISIT',
  format: 'HYBRID',
  startedOn: '2025-03-10',
  endedOn: '2025-03-14',
  status: 'REPORT_PENDING',
  confidentiality: 'PUBLIC',
  participatingEntities: ['UNODC', 'INTERPOL'],
  resolutions: ['S/RES/2396(2017)', 'S/RES/1373(2001)'],
  thematicAreas: ['cft', 'BORDER_MANAGEMENT'],
};
const newRecommendation = {
  thematicArea: 'CFT',
  text: 'Criminalise the financing of travel by foreign terrorist fighters.',
  priority: 'HIGH',
  technicalAssistanceNeeded: true,
};

async function count(sql: string, parameters: unknown[] = []): Promise<number> {
  const rows: { n: string }[] = await graph.subgraphs.assessments.db.query(sql, parameters);
  return Number(rows[0].n);
}
const countAssessments = () => count('SELECT count(*) AS n FROM assessments.assessment');
const countRecommendations = () => count('SELECT count(*) AS n FROM assessments.recommendation');

/** What the first tests create, for the later ones. */
let assessmentId: string;
let recommendations: RecommendationResult[] = [];

function codeOf(result: { errors?: { extensions?: Record<string, unknown> }[] }) {
  return result.errors?.[0].extensions?.code;
}

test('cted records an assessment with its links, once however often the request is retried', async () => {
  const cted = await as(['cted'], 'CTED');
  const before = await countAssessments();
  const variables = { input: newAssessment, key: 'create-assessment-ken-0001' };
  const first = await graph.query<{ createAssessment: AssessmentResult }>(CREATE, variables, {
    headers: cted,
  });
  const retry = await graph.query<{ createAssessment: AssessmentResult }>(CREATE, variables, {
    headers: cted,
  });
  expect(first.errors).toBeUndefined();
  expect(first.data?.createAssessment).toMatchObject({
    version: 1,
    memberState: { iso3: 'KEN', name: 'Kenya' },
    type: 'FOLLOW_UP_VISIT',
    startedOn: '2025-03-10',
    endedOn: '2025-03-14',
    leadEntity: { acronym: 'CTED' },
    participatingEntities: [{ acronym: 'INTERPOL' }, { acronym: 'UNODC' }],
    resolutions: [{ symbol: 'S/RES/1373(2001)' }, { symbol: 'S/RES/2396(2017)' }],
    thematicAreas: [{ code: 'BORDER_MANAGEMENT' }, { code: 'CFT' }],
    provenance: { kind: 'RECORDED', source: null },
  });
  expect(retry.data?.createAssessment).toEqual(first.data?.createAssessment);
  assessmentId = first.data!.createAssessment.id;
  expect(await countAssessments()).toBe(before + 1);
  expect(
    await count(
      'SELECT count(*) AS n FROM assessments.assessment_participant WHERE assessment_id = $1',
      [assessmentId],
    ),
  ).toBe(2);
  expect(
    await count(
      `SELECT count(*) AS n FROM assessments.audit_log WHERE operation = 'createAssessment'`,
    ),
  ).toBe(1);
});

test('cted adds recommendations numbered in order, once per idempotency key', async () => {
  const cted = await as(['cted'], 'CTED');
  const before = await countRecommendations();
  const input = { ...newRecommendation, assessmentId };
  const first = await graph.query<{ addRecommendation: RecommendationResult }>(
    ADD,
    { input, key: 'add-recommendation-ken-1' },
    { headers: cted },
  );
  const retry = await graph.query<{ addRecommendation: RecommendationResult }>(
    ADD,
    { input, key: 'add-recommendation-ken-1' },
    { headers: cted },
  );
  const second = await graph.query<{ addRecommendation: RecommendationResult }>(
    ADD,
    { input: { ...input, thematicArea: 'border_management', priority: 'LOW' } },
    { headers: cted },
  );
  expect(first.errors).toBeUndefined();
  expect(first.data?.addRecommendation).toMatchObject({
    version: 1,
    number: 1,
    status: 'OPEN',
    memberState: { iso3: 'KEN' },
    thematicArea: { code: 'CFT' },
    assessment: { id: assessmentId },
  });
  expect(retry.data?.addRecommendation).toEqual(first.data?.addRecommendation);
  expect(second.data?.addRecommendation).toMatchObject({
    number: 2,
    thematicArea: { code: 'BORDER_MANAGEMENT' },
  });
  expect(await countRecommendations()).toBe(before + 2);
  recommendations = [first.data!.addRecommendation, second.data!.addRecommendation];
});

test('concurrent adds to one assessment get distinct numbers', async () => {
  const cted = await as(['cted'], 'CTED');
  const addNumbered = `mutation ($input: AddRecommendationInput!) {
    addRecommendation(input: $input) { id version number status }
  }`;
  const results = await Promise.all(
    [1, 2, 3].map(() =>
      graph.query<{ addRecommendation: RecommendationResult }>(
        addNumbered,
        { input: { ...newRecommendation, assessmentId, priority: 'MEDIUM' } },
        { headers: cted },
      ),
    ),
  );
  expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
  const numbers = results.map((r) => r.data!.addRecommendation.number).sort();
  expect(numbers).toEqual([3, 4, 5]);
  recommendations.push(...results.map((r) => r.data!.addRecommendation));
});

test('an update replaces the lists it gives; a stale one is refused with CONFLICT and changes nothing', async () => {
  const cted = await as(['cted'], 'CTED');
  const ok = await graph.query<{ updateAssessment: AssessmentResult }>(
    UPDATE,
    {
      input: {
        id: assessmentId,
        expectedVersion: 1,
        status: 'REPORT_ADOPTED',
        endedOn: null,
        participatingEntities: ['UNDP'],
      },
    },
    { headers: cted },
  );
  expect(ok.errors).toBeUndefined();
  expect(ok.data?.updateAssessment).toMatchObject({
    version: 2,
    status: 'REPORT_ADOPTED',
    endedOn: null,
    participatingEntities: [{ acronym: 'UNDP' }],
    resolutions: [{ symbol: 'S/RES/1373(2001)' }, { symbol: 'S/RES/2396(2017)' }],
  });

  const listsOnly = await graph.query<{ updateAssessment: AssessmentResult }>(
    UPDATE,
    { input: { id: assessmentId, expectedVersion: 2, thematicAreas: ['CFT'] } },
    { headers: cted },
  );
  expect(listsOnly.data?.updateAssessment).toMatchObject({
    version: 3,
    thematicAreas: [{ code: 'CFT' }],
  });

  const stale = await graph.query(
    UPDATE,
    { input: { id: assessmentId, expectedVersion: 2, status: 'PLANNED', resolutions: [] } },
    { headers: cted },
  );
  expect(codeOf(stale)).toBe('CONFLICT');
  expect(stale.errors?.[0].extensions?.currentVersion).toBe(3);
  const [row] = await graph.subgraphs.assessments.db.query(
    'SELECT status, version FROM assessments.assessment WHERE id = $1',
    [assessmentId],
  );
  expect(row).toEqual({ status: 'REPORT_ADOPTED', version: 3 });
  expect(
    await count(
      'SELECT count(*) AS n FROM assessments.assessment_resolution WHERE assessment_id = $1',
      [assessmentId],
    ),
  ).toBe(2);

  const [recommendation] = recommendations;
  const changed = await graph.query<{ updateRecommendation: RecommendationResult }>(
    UPDATE_RECOMMENDATION,
    { input: { id: recommendation.id, expectedVersion: 1, status: 'IN_PROGRESS' } },
    { headers: cted },
  );
  expect(changed.data?.updateRecommendation).toMatchObject({ version: 2, status: 'IN_PROGRESS' });
  const staleRecommendation = await graph.query(
    UPDATE_RECOMMENDATION,
    { input: { id: recommendation.id, expectedVersion: 1, status: 'IMPLEMENTED' } },
    { headers: cted },
  );
  expect(codeOf(staleRecommendation)).toBe('CONFLICT');
  expect(
    await count(
      `SELECT count(*) AS n FROM assessments.recommendation WHERE status = 'IMPLEMENTED' AND id = $1`,
      [recommendation.id],
    ),
  ).toBe(0);
  recommendations[0] = changed.data!.updateRecommendation;
});

function failedFields(result: { errors?: { extensions?: Record<string, unknown> }[] }) {
  expect(codeOf(result)).toBe('BAD_USER_INPUT');
  return (result.errors?.[0].extensions?.fields as { field: string }[]).map((f) => f.field).sort();
}

test('bad input gets BAD_USER_INPUT with one message per failing field, and nothing is stored', async () => {
  const cted = await as(['cted'], 'CTED');
  const before = [await countAssessments(), await countRecommendations()];
  const create = await graph.query(
    CREATE,
    {
      input: {
        ...newAssessment,
        memberState: 'K1',
        endedOn: '2025-03-01',
        participatingEntities: ['U'],
      },
    },
    { headers: cted },
  );
  expect(failedFields(create)).toEqual(['endedOn', 'memberState', 'participatingEntities']);

  const add = await graph.query(
    ADD,
    { input: { ...newRecommendation, assessmentId: 'not-an-id', text: 'Too short' } },
    { headers: cted },
  );
  expect(failedFields(add)).toEqual(['assessmentId', 'text']);

  const cleared = await graph.query(
    UPDATE,
    { input: { id: assessmentId, expectedVersion: 3, type: null, startedOn: null } },
    { headers: cted },
  );
  expect(failedFields(cleared)).toEqual(['startedOn', 'type']);
  expect(cleared.errors?.[0].message).toContain('type cannot be cleared');

  const endsBeforeStored = await graph.query(
    UPDATE,
    { input: { id: assessmentId, expectedVersion: 3, endedOn: '2025-01-01' } },
    { headers: cted },
  );
  expect(failedFields(endsBeforeStored)).toEqual(['endedOn']);
  expect([await countAssessments(), await countRecommendations()]).toEqual(before);
  const [row] = await graph.subgraphs.assessments.db.query(
    'SELECT version FROM assessments.assessment WHERE id = $1',
    [assessmentId],
  );
  expect(row.version).toBe(3);
});

test.each([
  ['member state', { memberState: 'XXX' }, 'XXX'],
  ['entity', { participatingEntities: ['UNODC', 'NOT-AN-ENTITY'] }, 'NOT-AN-ENTITY'],
  ['thematic area', { thematicAreas: ['CFT', 'NO_SUCH_AREA'] }, 'NO_SUCH_AREA'],
  ['resolution', { resolutions: ['S/RES/9999(2099)'] }, 'S/RES/9999(2099)'],
])('an unknown %s is refused, named, and nothing is stored', async (_what, change, named) => {
  const before = await countAssessments();
  const result = await graph.query(
    CREATE,
    { input: { ...newAssessment, ...change } },
    { headers: await as(['cted'], 'CTED') },
  );
  expect(codeOf(result)).toBe('BAD_USER_INPUT');
  expect(result.errors?.[0].message).toContain(named);
  expect(result.errors?.[0].message).not.toContain('UNODC');
  expect(await countAssessments()).toBe(before);
});

test('a recommendation in an unknown thematic area or of an unknown assessment is refused', async () => {
  const cted = await as(['cted'], 'CTED');
  const before = await countRecommendations();
  const area = await graph.query(
    ADD,
    { input: { ...newRecommendation, assessmentId, thematicArea: 'NO_SUCH_AREA' } },
    { headers: cted },
  );
  expect(codeOf(area)).toBe('BAD_USER_INPUT');
  expect(area.errors?.[0].message).toContain('NO_SUCH_AREA');
  const assessment = await graph.query(
    ADD,
    { input: { ...newRecommendation, assessmentId: '00000000-0000-7000-8000-000000000000' } },
    { headers: cted },
  );
  expect(codeOf(assessment)).toBe('NOT_FOUND');
  expect(await countRecommendations()).toBe(before);
});

test('when membership cannot be reached, a create is refused as retryable and nothing is stored', async () => {
  const alone = await startSubgraph(assessments, {
    databaseUrl: graph.databaseUrl,
    peers: { membership: 'http://127.0.0.1:9/graphql' },
  });
  try {
    const before = await countAssessments();
    const result = await alone.query(
      'mutation ($input: CreateAssessmentInput!, $key: String) { createAssessment(input: $input, idempotencyKey: $key) { id } }',
      { input: newAssessment, key: 'create-while-membership-is-down' },
      await as(['cted'], 'CTED'),
    );
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'SUBGRAPH_UNAVAILABLE',
      retryable: true,
    });
    expect(result.data ?? null).toBeNull();
    expect(await countAssessments()).toBe(before);
    expect(
      await count(
        `SELECT count(*) AS n FROM assessments.idempotency_key WHERE key = 'create-while-membership-is-down'`,
      ),
    ).toBe(0);
  } finally {
    await alone.stop();
  }
});

test.each([
  ['anonymous', undefined],
  ['an editor', ['editor'] as const],
  ['an admin', ['admin'] as const],
])('%s may not write assessments, and nothing changes', async (_who, roles) => {
  const headers = roles ? await as([...roles], 'UNODC') : {};
  const before = await graph.subgraphs.assessments.db.query(
    `SELECT (SELECT count(*) FROM assessments.assessment) AS assessments,
            (SELECT count(*) FROM assessments.recommendation WHERE deleted_at IS NULL) AS recommendations,
            (SELECT count(*) FROM assessments.audit_log) AS audit`,
  );
  const [target] = recommendations;
  const attempts = await Promise.all([
    graph.query(CREATE, { input: newAssessment }, { headers }),
    graph.query(
      UPDATE,
      { input: { id: assessmentId, expectedVersion: 3, status: 'PLANNED' } },
      { headers },
    ),
    graph.query(ADD, { input: { ...newRecommendation, assessmentId } }, { headers }),
    graph.query(
      UPDATE_RECOMMENDATION,
      { input: { id: target.id, expectedVersion: target.version, priority: 'LOW' } },
      { headers },
    ),
    graph.query(DELETE, { id: target.id, version: target.version }, { headers }),
  ]);
  for (const attempt of attempts) {
    expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(codeOf(attempt));
    expect(attempt.data ?? null).toBeNull();
  }
  expect(
    await graph.subgraphs.assessments.db.query(
      `SELECT (SELECT count(*) FROM assessments.assessment) AS assessments,
              (SELECT count(*) FROM assessments.recommendation WHERE deleted_at IS NULL) AS recommendations,
              (SELECT count(*) FROM assessments.audit_log) AS audit`,
    ),
  ).toEqual(before);
});

const READS = `query ($id: ID!, $assessment: ID!) {
  recommendation(id: $id) { id }
  recommendations(filter: { assessment: $assessment }) { totalCount edges { node { id } } }
  assessment(id: $assessment) { recommendations { id } coverage { recommendations } }
}`;
interface Reads {
  recommendation: { id: string } | null;
  recommendations: { totalCount: number; edges: { node: { id: string } }[] };
  assessment: { recommendations: { id: string }[]; coverage: { recommendations: number } };
}

test('a deleted recommendation disappears from every read, and its number is not reused', async () => {
  const cted = await as(['cted'], 'CTED');
  const target = recommendations.find((r) => r.number === 5)!;
  const variables = { id: target.id, assessment: assessmentId };
  const before = await graph.query<Reads>(READS, variables, { headers: cted });
  expect(before.data?.recommendation).toEqual({ id: target.id });
  expect(before.data?.recommendations.totalCount).toBe(5);
  expect(before.data?.assessment.coverage.recommendations).toBe(5);

  const stale = await graph.query(DELETE, { id: target.id, version: 2 }, { headers: cted });
  expect(codeOf(stale)).toBe('CONFLICT');
  const deleted = await graph.query(DELETE, { id: target.id, version: 1 }, { headers: cted });
  expect(deleted).toEqual({ data: { deleteRecommendation: true } });

  const after = await graph.query<Reads>(READS, variables, { headers: cted });
  expect(after.errors).toBeUndefined();
  expect(after.data?.recommendation).toBeNull();
  expect(after.data?.recommendations.totalCount).toBe(4);
  expect(after.data?.recommendations.edges.map((e) => e.node.id)).not.toContain(target.id);
  expect(after.data?.assessment.recommendations.map((r) => r.id)).not.toContain(target.id);
  expect(after.data?.assessment.recommendations).toHaveLength(4);
  expect(after.data?.assessment.coverage.recommendations).toBe(4);

  const entities = await graph.query<{ _entities: unknown[] }>(
    'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Recommendation { id } } }',
    { r: [{ __typename: 'Recommendation', id: target.id }] },
    { url: graph.subgraphs.assessments.url, headers: cted },
  );
  expect(entities.data?._entities).toEqual([null]);

  const again = await graph.query(DELETE, { id: target.id, version: 1 }, { headers: cted });
  expect(codeOf(again)).toBe('NOT_FOUND');
  expect(
    await count(
      'SELECT count(*) AS n FROM assessments.recommendation WHERE id = $1 AND deleted_at IS NOT NULL',
      [target.id],
    ),
  ).toBe(1);

  const next = await graph.query<{ addRecommendation: RecommendationResult }>(
    ADD,
    { input: { ...newRecommendation, assessmentId } },
    { headers: cted },
  );
  expect(next.errors).toBeUndefined();
  expect(next.data?.addRecommendation.number).toBe(6);
});

interface AuditResult {
  assessmentsAuditLog: {
    edges: {
      node: {
        operation: string;
        actor: { roles: string[] };
        before: Record<string, unknown> | null;
        after: Record<string, unknown> | null;
      };
    }[];
  };
}
const AUDIT = `query ($id: String!) {
  assessmentsAuditLog(filter: { entityId: $id }) {
    edges { node { operation actor { roles } before after } }
  }
}`;

test('the audit log shows each write with the record before and after', async () => {
  const admin = await as(['admin']);
  const assessmentLog = await graph.query<AuditResult>(
    AUDIT,
    { id: assessmentId },
    { headers: admin },
  );
  const entries = assessmentLog.data!.assessmentsAuditLog.edges.map((e) => e.node);
  expect(entries.map((e) => e.operation)).toEqual([
    'updateAssessment',
    'updateAssessment',
    'createAssessment',
  ]);
  const [listsOnly, statusChange, creation] = entries;
  expect(creation.before).toBeNull();
  expect(creation.actor.roles).toEqual(['cted']);
  expect(creation.after).toMatchObject({
    memberStateIso3: 'KEN',
    status: 'REPORT_PENDING',
    version: 1,
    participatingEntities: ['INTERPOL', 'UNODC'],
    thematicAreas: ['BORDER_MANAGEMENT', 'CFT'],
  });
  expect(statusChange.before).toMatchObject({
    status: 'REPORT_PENDING',
    endedOn: '2025-03-14',
    participatingEntities: ['INTERPOL', 'UNODC'],
  });
  expect(statusChange.after).toMatchObject({
    status: 'REPORT_ADOPTED',
    endedOn: null,
    version: 2,
    participatingEntities: ['UNDP'],
  });
  expect(listsOnly.before).toMatchObject({ thematicAreas: ['BORDER_MANAGEMENT', 'CFT'] });
  expect(listsOnly.after).toMatchObject({ version: 3, thematicAreas: ['CFT'] });

  const deleted = recommendations.find((r) => r.number === 5)!;
  const recommendationLog = await graph.query<AuditResult>(
    AUDIT,
    { id: deleted.id },
    { headers: admin },
  );
  const [deletion, addition] = recommendationLog.data!.assessmentsAuditLog.edges.map((e) => e.node);
  expect(deletion).toMatchObject({ operation: 'deleteRecommendation', after: null });
  expect(deletion.before).toMatchObject({ id: deleted.id, number: 5, deletedAt: null });
  expect(addition).toMatchObject({ operation: 'addRecommendation', before: null });

  const updatedLog = await graph.query<AuditResult>(
    AUDIT,
    { id: recommendations[0].id },
    { headers: admin },
  );
  const [update] = updatedLog.data!.assessmentsAuditLog.edges.map((e) => e.node);
  expect(update.operation).toBe('updateRecommendation');
  expect(update.before).toMatchObject({ status: 'OPEN', version: 1 });
  expect(update.after).toMatchObject({ status: 'IN_PROGRESS', version: 2 });
});

test('a confidential assessment is read by the entities that took part, and no one else', async () => {
  const cted = await as(['cted'], 'CTED');
  const created = await graph.query<{ createAssessment: AssessmentResult }>(
    CREATE,
    {
      input: {
        ...newAssessment,
        memberState: 'NGA',
        confidentiality: 'CONFIDENTIAL',
        participatingEntities: ['UNODC'],
      },
    },
    { headers: cted },
  );
  expect(created.errors).toBeUndefined();
  const id = created.data!.createAssessment.id;
  const added = await graph.query<{ addRecommendation: RecommendationResult }>(
    ADD,
    { input: { ...newRecommendation, assessmentId: id } },
    { headers: cted },
  );
  const recommendationId = added.data!.addRecommendation.id;
  const query = `query ($id: ID!, $r: ID!) {
    assessment(id: $id) { id recommendations { id } }
    recommendation(id: $r) { id }
    assessments(filter: { memberState: ["NGA"], confidentiality: [CONFIDENTIAL] }) { edges { node { id } } }
  }`;
  const read = (headers: Record<string, string>) =>
    graph.query<{
      assessment: { id: string } | null;
      recommendation: { id: string } | null;
      assessments: { edges: { node: { id: string } }[] };
    }>(query, { id, r: recommendationId }, { headers });

  const partner = await read(await as(['editor'], 'UNODC'));
  expect(partner.errors).toBeUndefined();
  expect(partner.data?.assessment).toEqual({ id, recommendations: [{ id: recommendationId }] });
  expect(partner.data?.recommendation).toEqual({ id: recommendationId });
  expect(partner.data?.assessments.edges.map((e) => e.node.id)).toContain(id);

  for (const headers of [{}, await as(['editor'], 'UNDP')]) {
    const outsider = await read(headers);
    expect(outsider.errors).toBeUndefined();
    expect(outsider.data?.assessment).toBeNull();
    expect(outsider.data?.recommendation).toBeNull();
    expect(outsider.data?.assessments.edges.map((e) => e.node.id)).not.toContain(id);
  }
});
