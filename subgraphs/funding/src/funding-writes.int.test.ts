import { startWritableGraph, type TestGraph } from '../../../test/helpers/graph';
import { startSubgraph } from '../../../test/helpers/subgraph';
import { as } from '../../../test/helpers/tokens';
import { funding } from './subgraph';

let graph: TestGraph & { databaseUrl: string };
beforeAll(async () => {
  graph = await startWritableGraph();
});
afterAll(() => graph?.stop());

const PROJECT_FIELDS = `id code title summary status version startsOn endsOn
  leadEntity { acronym name } partnerEntities { acronym } beneficiaryStates { iso3 name }
  thematicAreas { code name } budget { amount currency } funded { amount } fundingGap { amount }
  provenance { kind source notes }`;
const CREATE = `mutation ($input: CreateProjectInput!, $key: String) {
  createProject(input: $input, idempotencyKey: $key) { ${PROJECT_FIELDS} }
}`;
const UPDATE = `mutation ($input: UpdateProjectInput!) {
  updateProject(input: $input) { ${PROJECT_FIELDS} }
}`;
const DELETE = `mutation ($id: ID!, $version: Int!) { deleteProject(id: $id, expectedVersion: $version) }`;

interface ProjectResult {
  id: string;
  code: string;
  title: string;
  version: number;
  endsOn: string | null;
  partnerEntities: { acronym: string }[];
  [field: string]: unknown;
}

const newProject = {
  code: 'UNODC-TEST-0001',
  title: 'Financial intelligence units in East Africa',
  summary: 'Trains financial intelligence analysts to trace the financing of terrorism.',
  status: 'PIPELINE',
  leadEntity: 'UNODC',
  partnerEntities: ['INTERPOL'],
  beneficiaryStates: ['nga', 'KEN'],
  thematicAreas: ['cft', 'BORDER_MANAGEMENT'],
  startsOn: '2026-01-01',
  endsOn: '2027-12-31',
  budget: '1250000.50',
};

async function rows<T>(sql: string, parameters: unknown[] = []): Promise<T[]> {
  return graph.subgraphs.funding.db.query(sql, parameters);
}
async function count(sql: string, parameters: unknown[] = []): Promise<number> {
  return Number((await rows<{ n: string }>(sql, parameters))[0].n);
}
const projectsWithCode = (code: string) =>
  count('SELECT count(*) AS n FROM funding.project WHERE code = $1', [code]);

/** A seeded project led by `lead`, as stored. */
async function seededProjectLedBy(lead: string) {
  const [row] = await rows<{ id: string; code: string; title: string; version: number }>(
    `SELECT id, code, title, version FROM funding.project
      WHERE lead_entity_acronym = $1 AND deleted_at IS NULL ORDER BY code LIMIT 1`,
    [lead],
  );
  return row;
}

/** What the first test creates, for the audit-log test at the end. */
let created: ProjectResult;

test('an editor of UNODC creates a UNODC-led project, changes it and deletes it', async () => {
  const editor = await as(['editor'], 'UNODC');
  const create = await graph.query<{ createProject: ProjectResult }>(
    CREATE,
    { input: newProject },
    { headers: editor },
  );
  expect(create.errors).toBeUndefined();
  created = create.data!.createProject;
  expect(created).toMatchObject({
    code: 'UNODC-TEST-0001',
    status: 'PIPELINE',
    version: 1,
    startsOn: '2026-01-01',
    endsOn: '2027-12-31',
    leadEntity: { acronym: 'UNODC', name: 'United Nations Office on Drugs and Crime' },
    partnerEntities: [{ acronym: 'INTERPOL' }],
    beneficiaryStates: [
      { iso3: 'KEN', name: 'Kenya' },
      { iso3: 'NGA', name: 'Nigeria' },
    ],
    thematicAreas: [
      { code: 'BORDER_MANAGEMENT', name: expect.any(String) },
      { code: 'CFT', name: expect.any(String) },
    ],
    budget: { amount: '1250000.50', currency: 'USD' },
    funded: { amount: '0.00' },
    fundingGap: { amount: '1250000.50' },
    provenance: { kind: 'RECORDED', source: null, notes: null },
  });
  expect((created.provenance as { kind: string }).kind).not.toBe('SAMPLE');
  expect(
    await rows(
      `SELECT thematic_area_code AS code FROM funding.project_thematic_area
        WHERE project_id = $1 ORDER BY 1`,
      [created.id],
    ),
  ).toEqual([{ code: 'BORDER_MANAGEMENT' }, { code: 'CFT' }]);

  const update = await graph.query<{ updateProject: ProjectResult }>(
    UPDATE,
    {
      input: {
        id: created.id,
        expectedVersion: 1,
        title: 'Financial intelligence units in East and West Africa',
        partnerEntities: [],
        endsOn: null,
      },
    },
    { headers: editor },
  );
  expect(update.errors).toBeUndefined();
  expect(update.data!.updateProject).toMatchObject({
    title: 'Financial intelligence units in East and West Africa',
    version: 2,
    endsOn: null,
    partnerEntities: [],
    beneficiaryStates: [{ iso3: 'KEN' }, { iso3: 'NGA' }],
  });
  expect(
    await count('SELECT count(*) AS n FROM funding.project_partner WHERE project_id = $1', [
      created.id,
    ]),
  ).toBe(0);

  const remove = await graph.query(DELETE, { id: created.id, version: 2 }, { headers: editor });
  expect(remove).toEqual({ data: { deleteProject: true } });
  expect(
    await rows('SELECT deleted_at IS NOT NULL AS deleted FROM funding.project WHERE id = $1', [
      created.id,
    ]),
  ).toEqual([{ deleted: true }]);
  const lookup = await graph.query('{ project(code: "UNODC-TEST-0001") { id } }');
  expect(lookup.data).toEqual({ project: null });
});

test('a project code stays taken, even by a deleted project', async () => {
  const admin = await as(['admin']);
  const reused = await graph.query(CREATE, { input: newProject }, { headers: admin });
  expect(reused.errors?.[0].extensions?.code).toBe('CONFLICT');
  expect(reused.errors?.[0].message).toContain('UNODC-TEST-0001 is already taken');
  expect(await projectsWithCode('UNODC-TEST-0001')).toBe(1);

  const [taken, project] = await rows<{ id: string; code: string; version: number }>(
    'SELECT id, code, version FROM funding.project WHERE deleted_at IS NULL ORDER BY code LIMIT 2',
  );
  const renamed = await graph.query(
    UPDATE,
    { input: { id: project.id, expectedVersion: project.version, code: taken.code } },
    { headers: admin },
  );
  expect(renamed.errors?.[0].extensions?.code).toBe('CONFLICT');
  expect(await projectsWithCode(taken.code)).toBe(1);
});

test('a deleted project comes back with its links by restoreProject, for its lead or an admin', async () => {
  const RESTORE = `mutation ($id: ID!) { restoreProject(id: $id) { id code version status
    recommendations { id } beneficiaryStates { iso3 } } }`;
  const [project] = await rows<{ id: string; code: string; version: number }>(
    `SELECT p.id, p.code, p.version FROM funding.project p
      WHERE p.lead_entity_acronym = 'UNODC' AND p.deleted_at IS NULL
        AND EXISTS (SELECT 1 FROM funding.project_recommendation l WHERE l.project_id = p.id)
        AND NOT EXISTS (SELECT 1 FROM funding.contribution c WHERE c.project_id = p.id)
      ORDER BY p.code LIMIT 1`,
  );
  const links = await rows<{ id: string }>(
    `SELECT recommendation_id AS id FROM funding.project_recommendation
      WHERE project_id = $1 ORDER BY 1`,
    [project.id],
  );
  const editor = await as(['editor'], 'UNODC');
  const removed = await graph.query(
    DELETE,
    { id: project.id, version: project.version },
    { headers: editor },
  );
  expect(removed).toEqual({ data: { deleteProject: true } });

  const outsider = await graph.query(
    RESTORE,
    { id: project.id },
    { headers: await as(['editor'], 'UNDP') },
  );
  expect(outsider.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  const anonymous = await graph.query(RESTORE, { id: project.id });
  expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  expect(await graph.query(`{ project(code: "${project.code}") { id } }`)).toEqual({
    data: { project: null },
  });

  const restored = await graph.query<{ restoreProject: { version: number } }>(
    RESTORE,
    { id: project.id },
    { headers: editor },
  );
  expect(restored.errors).toBeUndefined();
  expect(restored.data!.restoreProject).toMatchObject({
    id: project.id,
    version: project.version + 2,
    recommendations: expect.arrayContaining(links),
  });
  const lookup = await graph.query<{ project: { id: string } }>(
    `{ project(code: "${project.code}") { id } }`,
  );
  expect(lookup.data).toEqual({ project: { id: project.id } });

  const again = await graph.query(RESTORE, { id: project.id }, { headers: editor });
  expect(again.data).toMatchObject({ restoreProject: { version: project.version + 2 } });
  const unknown = await graph.query(
    RESTORE,
    { id: '00000000-0000-4000-8000-000000000000' },
    { headers: editor },
  );
  expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  const operations = await rows<{ operation: string }>(
    `SELECT operation FROM funding.audit_log WHERE entity_id = $1 ORDER BY id`,
    [project.id],
  );
  expect(operations.map((o) => o.operation)).toEqual(['deleteProject', 'restoreProject']);
});

test('an editor of UNODC may neither create nor change a UNDP-led project; nothing changes', async () => {
  const editor = await as(['editor'], 'UNODC');
  const denied = await graph.query(
    CREATE,
    { input: { ...newProject, code: 'UNDP-TEST-0001', leadEntity: 'UNDP' } },
    { headers: editor },
  );
  expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  expect(await projectsWithCode('UNDP-TEST-0001')).toBe(0);

  const undp = await seededProjectLedBy('UNDP');
  const update = await graph.query(
    UPDATE,
    { input: { id: undp.id, expectedVersion: undp.version, title: 'Taken over' } },
    { headers: editor },
  );
  expect(update.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  const remove = await graph.query(
    DELETE,
    { id: undp.id, version: undp.version },
    { headers: editor },
  );
  expect(remove.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  expect(await seededProjectLedBy('UNDP')).toEqual(undp);
});

test('only an admin may hand a project to another lead entity', async () => {
  const unodc = await seededProjectLedBy('UNODC');
  const moved = await graph.query(
    UPDATE,
    { input: { id: unodc.id, expectedVersion: unodc.version, leadEntity: 'UNDP' } },
    { headers: await as(['editor'], 'UNODC') },
  );
  expect(moved.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  expect(await seededProjectLedBy('UNODC')).toEqual(unodc);
});

test.each([
  ['anonymous', undefined, 'UNAUTHENTICATED'],
  ['a viewer of UNODC', ['viewer'] as const, 'FORBIDDEN'],
  ['cted', ['cted'] as const, 'FORBIDDEN'],
])('%s may not create projects, and nothing is stored', async (_who, roles, code) => {
  const headers = roles ? await as([...roles], 'UNODC') : {};
  const result = await graph.query(
    CREATE,
    { input: { ...newProject, code: 'DENIED-0001' } },
    { headers },
  );
  expect(result.errors?.[0].extensions?.code).toBe(code);
  expect(await projectsWithCode('DENIED-0001')).toBe(0);
});

test('a retried createProject returns the first project and writes once', async () => {
  const admin = await as(['admin']);
  const input = { ...newProject, code: 'RETRY-0001' };
  const key = 'create-project-retry-0001';
  const first = await graph.query<{ createProject: ProjectResult }>(
    CREATE,
    { input, key },
    { headers: admin },
  );
  const retry = await graph.query<{ createProject: ProjectResult }>(
    CREATE,
    { input, key },
    { headers: admin },
  );
  expect(first.errors).toBeUndefined();
  expect(retry.data?.createProject).toEqual(first.data?.createProject);
  expect(await projectsWithCode('RETRY-0001')).toBe(1);
  expect(
    await count(
      `SELECT count(*) AS n FROM funding.audit_log WHERE operation = 'createProject' AND entity_id = $1`,
      [first.data!.createProject.id],
    ),
  ).toBe(1);

  const reused = await graph.query(
    CREATE,
    { input: { ...input, code: 'RETRY-0002' }, key },
    { headers: admin },
  );
  expect(reused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect(await projectsWithCode('RETRY-0002')).toBe(0);
});

test('an admin hands a project to another lead; from then on its editors write it, not the old', async () => {
  const [project] = await rows<{ id: string; version: number }>(
    `SELECT id, version FROM funding.project WHERE code = 'RETRY-0001'`,
  );
  const handed = await graph.query<{ updateProject: ProjectResult }>(
    UPDATE,
    { input: { id: project.id, expectedVersion: project.version, leadEntity: 'UNDP' } },
    { headers: await as(['admin']) },
  );
  expect(handed.data?.updateProject).toMatchObject({
    leadEntity: { acronym: 'UNDP' },
    version: project.version + 1,
  });
  const input = { id: project.id, expectedVersion: project.version + 1, status: 'ACTIVE' };
  const former = await graph.query(UPDATE, { input }, { headers: await as(['editor'], 'UNODC') });
  expect(former.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  const current = await graph.query<{ updateProject: ProjectResult }>(
    UPDATE,
    { input },
    { headers: await as(['editor'], 'UNDP') },
  );
  expect(current.data?.updateProject).toMatchObject({
    status: 'ACTIVE',
    version: project.version + 2,
  });
});

test('a stale update is refused with CONFLICT and changes nothing', async () => {
  const editor = await as(['editor'], 'UNODC');
  const project = await seededProjectLedBy('UNODC');
  const ok = await graph.query<{ updateProject: ProjectResult }>(
    UPDATE,
    { input: { id: project.id, expectedVersion: project.version, status: 'ACTIVE' } },
    { headers: editor },
  );
  expect(ok.data?.updateProject.version).toBe(project.version + 1);
  const stale = await graph.query(
    UPDATE,
    { input: { id: project.id, expectedVersion: project.version, title: 'Lost update' } },
    { headers: editor },
  );
  expect(stale.errors?.[0].extensions).toMatchObject({
    code: 'CONFLICT',
    currentVersion: project.version + 1,
  });
  expect(await seededProjectLedBy('UNODC')).toEqual({ ...project, version: project.version + 1 });
});

test('invalid input is refused with one message per failing field, and nothing is stored', async () => {
  const result = await graph.query(
    CREATE,
    {
      input: {
        ...newProject,
        code: 'bad code',
        title: 'x',
        beneficiaryStates: ['NIGERIA'],
        endsOn: '2025-12-31',
        budget: '100.005',
      },
    },
    { headers: await as(['admin']) },
  );
  expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  const fields = (result.errors?.[0].extensions?.fields as { field: string }[]).map((f) => f.field);
  expect(fields.sort()).toEqual(['beneficiaryStates', 'budget', 'code', 'endsOn', 'title']);
  expect(await count(`SELECT count(*) AS n FROM funding.project WHERE title = 'x'`)).toBe(0);

  const project = await seededProjectLedBy('UNOCT');
  const backwards = await graph.query(
    UPDATE,
    { input: { id: project.id, expectedVersion: project.version, endsOn: '1999-01-01' } },
    { headers: await as(['admin']) },
  );
  expect(backwards.errors?.[0].extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    fields: [{ field: 'endsOn' }],
  });
  expect(await seededProjectLedBy('UNOCT')).toEqual(project);
});

test.each([
  ['a lead entity', { leadEntity: 'NO-SUCH-ORG' }, 'NO-SUCH-ORG'],
  ['a partner entity', { partnerEntities: ['INTERPOL', 'NOT-AN-ENTITY'] }, 'NOT-AN-ENTITY'],
  ['a Member State', { beneficiaryStates: ['NGA', 'XXX'] }, 'XXX'],
  ['a thematic area', { thematicAreas: ['CFT', 'ASTROLOGY'] }, 'ASTROLOGY'],
  ['a programme', { programmeId: '01900000-0000-7000-8000-000000000001' }, '01900000'],
  ['an appeal', { appealId: '01900000-0000-7000-8000-000000000002' }, '01900000'],
])(
  '%s unknown to its owner is refused, naming it, and nothing is stored',
  async (_what, change, named) => {
    const input = { ...newProject, code: 'UNKNOWN-0001', ...change };
    const result = await graph.query(CREATE, { input }, { headers: await as(['admin']) });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toContain(named);
    expect(await projectsWithCode('UNKNOWN-0001')).toBe(0);
  },
);

test('when an owner cannot be reached, a write is refused as retryable and nothing is stored', async () => {
  const alone = await startSubgraph(funding, {
    databaseUrl: graph.databaseUrl,
    peers: {
      membership: 'http://127.0.0.1:9/graphql',
      assessments: 'http://127.0.0.1:9/graphql',
    },
  });
  try {
    const admin = await as(['admin']);
    const create = await alone.query(
      `mutation ($input: CreateProjectInput!) { createProject(input: $input) { id } }`,
      { input: { ...newProject, code: 'OFFLINE-0001' } },
      admin,
    );
    expect(create.errors?.[0].extensions).toMatchObject({
      code: 'SUBGRAPH_UNAVAILABLE',
      retryable: true,
    });
    expect(await projectsWithCode('OFFLINE-0001')).toBe(0);

    const project = await seededProjectLedBy('UNOCT');
    const link = await alone.query(
      `mutation ($id: ID!, $version: Int!, $ids: [ID!]!) {
        linkProjectAssessments(projectId: $id, expectedVersion: $version, assessmentIds: $ids) { id }
      }`,
      { id: project.id, version: project.version, ids: ['01900000-0000-7000-8000-000000000003'] },
      admin,
    );
    expect(link.errors?.[0].extensions).toMatchObject({
      code: 'SUBGRAPH_UNAVAILABLE',
      retryable: true,
    });
    expect(await seededProjectLedBy('UNOCT')).toEqual(project);
  } finally {
    await alone.stop();
  }
});

test('admin reads every write to a project in the audit log; an editor may not', async () => {
  const query = `query ($id: String!) {
    fundingAuditLog(filter: { entityType: "Project", entityId: $id }) {
      edges { node { operation actor { entity roles } before after } }
    }
  }`;
  const admin = await graph.query<{
    fundingAuditLog: {
      edges: {
        node: { operation: string; actor: { entity: string }; before: unknown; after: unknown };
      }[];
    };
  }>(query, { id: created.id }, { headers: await as(['admin']) });
  const entries = admin.data!.fundingAuditLog.edges.map((e) => e.node);
  expect(entries.map((e) => e.operation)).toEqual([
    'deleteProject',
    'updateProject',
    'createProject',
  ]);
  expect(entries.every((e) => e.actor.entity === 'UNODC')).toBe(true);
  expect(entries[2]).toMatchObject({
    before: null,
    after: { code: 'UNODC-TEST-0001', partnerEntities: ['INTERPOL'] },
  });
  expect(entries[1]).toMatchObject({
    before: { version: 1, partnerEntities: ['INTERPOL'] },
    after: { version: 2, partnerEntities: [] },
  });
  expect(entries[0].after).toBeNull();

  const editor = await graph.query(
    query,
    { id: created.id },
    {
      headers: await as(['editor'], 'UNODC'),
    },
  );
  expect(editor.data).toEqual({ fundingAuditLog: null });
  expect(editor.errors?.[0].extensions?.code).toBe('FORBIDDEN');
});
