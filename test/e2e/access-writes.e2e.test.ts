import { buildDataset } from '../../subgraphs/shared/src/dataset/build';
import type { Role } from '../../subgraphs/shared/src/viewer';
import { startWritableGraph, type TestGraph } from '../helpers/graph';
import { as } from '../helpers/tokens';

/**
 * DESIGN.md's access table for writes: each kind of caller tries each kind of write, through the
 * gateway and directly at the owning subgraph. Allowed writes are stored once; refused ones are
 * refused the same way both ways and leave the database as it was.
 */
const data = buildDataset();
const unodcProject = data.funding.projects.find((p) => p.leadEntityAcronym === 'UNODC')!;
const donor = data.funding.donors[0];

interface Caller {
  name: string;
  roles: Role[] | null;
  entity?: string;
}
const CALLERS: Caller[] = [
  { name: 'anonymous', roles: null },
  { name: 'a signed-in Compact entity (UNODC viewer)', roles: ['viewer'], entity: 'UNODC' },
  { name: 'an editor of UNODC', roles: ['editor'], entity: 'UNODC' },
  { name: 'an editor of UNDP', roles: ['editor'], entity: 'UNDP' },
  { name: 'cted', roles: ['cted'], entity: 'CTED' },
  { name: 'admin', roles: ['admin'] },
];

interface WriteCase {
  name: string;
  subgraph: string;
  /** Who the table lets do it. */
  allowed: (caller: Caller) => boolean;
  mutation: string;
  variables: (tag: string) => Record<string, unknown>;
  /** Rows the write leaves behind, counted in the owner's database. */
  stored: (tag: string) => string;
}

const WRITES: WriteCase[] = [
  {
    name: 'add a Compact entity',
    subgraph: 'membership',
    allowed: (c) => !!c.roles?.includes('admin'),
    mutation: 'mutation ($input: CreateEntityInput!) { createEntity(input: $input) { id } }',
    variables: (tag) => ({
      input: { acronym: `ACC-${tag}`, name: `Access test ${tag}`, kind: 'NON_UN_ORGANIZATION' },
    }),
    stored: (tag) => `SELECT count(*) AS n FROM membership.entity WHERE acronym = 'ACC-${tag}'`,
  },
  {
    name: 'record a CTED assessment',
    subgraph: 'assessments',
    allowed: (c) => !!c.roles?.includes('cted'),
    mutation:
      'mutation ($input: CreateAssessmentInput!) { createAssessment(input: $input) { id } }',
    variables: (tag) => ({
      input: {
        memberState: 'KEN',
        type: 'DESK_REVIEW',
        format: 'VIRTUAL',
        startedOn: `2031-01-${String(1 + (Number.parseInt(tag, 36) % 28)).padStart(2, '0')}`,
        status: 'PLANNED',
        confidentiality: 'CONFIDENTIAL',
        thematicAreas: [data.assessments.thematicAreas[0].code],
      },
    }),
    stored: () =>
      `SELECT count(*) AS n FROM assessments.assessment WHERE started_on >= '2031-01-01'`,
  },
  {
    name: 'create a project led by UNODC',
    subgraph: 'funding',
    allowed: (c) =>
      !!c.roles?.includes('admin') || (!!c.roles?.includes('editor') && c.entity === 'UNODC'),
    mutation: 'mutation ($input: CreateProjectInput!) { createProject(input: $input) { id } }',
    variables: (tag) => ({
      input: {
        code: `ACC-${tag.toUpperCase()}`,
        title: `Access test project ${tag}`,
        summary: 'A project created by the access-table test.',
        status: 'PIPELINE',
        leadEntity: 'UNODC',
        startsOn: '2030-01-01',
        budget: '1000.00',
      },
    }),
    stored: (tag) =>
      `SELECT count(*) AS n FROM funding.project WHERE code = 'ACC-${tag.toUpperCase()}'`,
  },
  {
    name: 'record a contribution',
    subgraph: 'funding',
    allowed: (c) => !!c.roles?.includes('admin'),
    mutation:
      'mutation ($input: RecordContributionInput!) { recordContribution(input: $input) { id } }',
    variables: (tag) => ({
      input: {
        donorId: donor.id,
        projectId: unodcProject.id,
        amount: `${100 + Number.parseInt(tag, 36)}.07`,
        status: 'PLEDGED',
        pledgedOn: '2030-02-01',
      },
    }),
    stored: (tag) =>
      `SELECT count(*) AS n FROM funding.contribution WHERE amount = ${100 + Number.parseInt(tag, 36)}.07`,
  },
];

let graph: TestGraph;
beforeAll(async () => {
  graph = await startWritableGraph();
});
afterAll(() => graph?.stop());

async function count(subgraph: string, sql: string): Promise<number> {
  return Number((await graph.subgraphs[subgraph].db.query(sql))[0].n);
}

let serial = 0;
describe.each(CALLERS)('$name', (caller) => {
  test.each(WRITES)(
    'may $name only if the table says so, through the gateway and directly',
    async (write) => {
      const headers = caller.roles ? await as(caller.roles, caller.entity) : {};
      const outcomes = [];
      for (const url of [graph.url, graph.subgraphs[write.subgraph].url]) {
        const tag = (++serial).toString(36);
        const before = await count(write.subgraph, write.stored(tag));
        const result = await graph.query(write.mutation, write.variables(tag), { headers, url });
        const after = await count(write.subgraph, write.stored(tag));
        outcomes.push({
          code: result.errors?.[0]?.extensions?.code ?? 'OK',
          stored: after - before,
        });
      }
      const expected = write.allowed(caller)
        ? { code: 'OK', stored: 1 }
        : { code: caller.roles ? 'FORBIDDEN' : 'UNAUTHENTICATED', stored: 0 };
      expect(outcomes).toEqual([expected, expected]);
    },
  );
});

test('an editor changes only projects its entity leads, through the gateway and directly', async () => {
  const undpProject = data.funding.projects.find((p) => p.leadEntityAcronym === 'UNDP')!;
  const mutation =
    'mutation ($input: UpdateProjectInput!) { updateProject(input: $input) { title version } }';
  for (const [entity, project, allowed] of [
    ['UNODC', undpProject, false],
    ['UNDP', undpProject, true],
  ] as const) {
    for (const url of [graph.url, graph.subgraphs.funding.url]) {
      const [row] = await graph.subgraphs.funding.db.query(
        'SELECT version, title FROM funding.project WHERE id = $1',
        [project.id],
      );
      const title = `Retitled by ${entity} via ${url === graph.url ? 'gateway' : 'subgraph'}`;
      const result = await graph.query(
        mutation,
        { input: { id: project.id, expectedVersion: row.version, title } },
        { headers: await as(['editor'], entity), url },
      );
      const [after] = await graph.subgraphs.funding.db.query(
        'SELECT title FROM funding.project WHERE id = $1',
        [project.id],
      );
      expect(result.errors?.[0]?.extensions?.code ?? 'OK').toBe(allowed ? 'OK' : 'FORBIDDEN');
      expect(after.title).toBe(allowed ? title : row.title);
    }
  }
});
