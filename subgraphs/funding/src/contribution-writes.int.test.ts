import { startWritableGraph, type TestGraph } from '../../../test/helpers/graph';
import { atLeastZero, cents, formatCents } from '../../../test/helpers/money';
import { as } from '../../../test/helpers/tokens';

let graph: TestGraph & { databaseUrl: string };
beforeAll(async () => {
  graph = await startWritableGraph();
});
afterAll(() => graph?.stop());

const CONTRIBUTION_FIELDS = `id version status pledgedOn receivedOn earmarked
  amount { amount currency } donor { id } project { id } programme { id } provenance { kind notes }`;
const RECORD = `mutation ($input: RecordContributionInput!, $key: String) {
  recordContribution(input: $input, idempotencyKey: $key) { ${CONTRIBUTION_FIELDS} }
}`;
const UPDATE = `mutation ($input: UpdateContributionInput!) {
  updateContribution(input: $input) { ${CONTRIBUTION_FIELDS} }
}`;
const DELETE = `mutation ($id: ID!, $version: Int!) { deleteContribution(id: $id, expectedVersion: $version) }`;
const TOTALS = `query ($id: ID!) {
  project(id: $id) { budget { amount } funded { amount } received { amount } fundingGap { amount } }
}`;

interface Contribution {
  id: string;
  version: number;
  status: string;
  receivedOn: string | null;
  amount: { amount: string; currency: string };
  [field: string]: unknown;
}
interface Totals {
  budget: { amount: string };
  funded: { amount: string };
  received: { amount: string };
  fundingGap: { amount: string };
}

async function rows<T>(sql: string, parameters: unknown[] = []): Promise<T[]> {
  return graph.subgraphs.funding.db.query(sql, parameters);
}
async function count(sql: string, parameters: unknown[] = []): Promise<number> {
  return Number((await rows<{ n: string }>(sql, parameters))[0].n);
}
const contributionsOf = (amount: string) =>
  count('SELECT count(*) AS n FROM funding.contribution WHERE amount = $1', [amount]);

let donorId: string;
let project: { id: string; version: number };
let programmeId: string;
beforeAll(async () => {
  [{ id: donorId }] = await rows<{ id: string }>(
    'SELECT id FROM funding.donor ORDER BY name LIMIT 1',
  );
  [{ id: programmeId }] = await rows<{ id: string }>(
    'SELECT id FROM funding.programme ORDER BY name LIMIT 1',
  );
  // The project furthest from being funded, so a contribution cannot close its gap.
  [project] = await rows<{ id: string; version: number }>(
    `SELECT p.id, p.version FROM funding.project p
       LEFT JOIN funding.contribution c ON c.project_id = p.id AND c.deleted_at IS NULL
      WHERE p.deleted_at IS NULL
      GROUP BY p.id ORDER BY p.budget - COALESCE(SUM(c.amount), 0) DESC LIMIT 1`,
  );
});

async function totals(): Promise<Totals> {
  const result = await graph.query<{ project: Totals }>(TOTALS, { id: project.id });
  return result.data!.project;
}

test('an admin records contributions and funded, received and fundingGap move by exactly their amount', async () => {
  const admin = await as(['admin']);
  const before = await totals();
  const pledge = await graph.query<{ recordContribution: Contribution }>(
    RECORD,
    {
      input: {
        donorId,
        projectId: project.id,
        amount: '1234.56',
        status: 'PLEDGED',
        pledgedOn: '2026-02-01',
      },
    },
    { headers: admin },
  );
  expect(pledge.errors).toBeUndefined();
  expect(pledge.data!.recordContribution).toMatchObject({
    version: 1,
    status: 'PLEDGED',
    receivedOn: null,
    earmarked: false,
    amount: { amount: '1234.56', currency: 'USD' },
    donor: { id: donorId },
    project: { id: project.id },
    programme: null,
    provenance: { kind: 'RECORDED', notes: null },
  });
  const paid = await graph.query<{ recordContribution: Contribution }>(
    RECORD,
    {
      input: {
        donorId,
        projectId: project.id,
        amount: '0.07',
        currency: 'USD',
        status: 'RECEIVED',
        pledgedOn: '2026-02-01',
        receivedOn: '2026-03-15',
        earmarked: true,
      },
    },
    { headers: admin },
  );
  expect(paid.errors).toBeUndefined();

  const after = await totals();
  const funded = cents(before.funded.amount) + 123456n + 7n;
  expect(after).toEqual({
    budget: before.budget,
    funded: { amount: formatCents(funded) },
    received: { amount: formatCents(cents(before.received.amount) + 7n) },
    fundingGap: { amount: formatCents(atLeastZero(cents(before.budget.amount) - funded)) },
  });
  expect(cents(after.fundingGap.amount)).toBe(cents(before.fundingGap.amount) - 123463n);
});

test('a retried recordContribution returns the first contribution and writes once', async () => {
  const admin = await as(['admin']);
  const input = {
    donorId,
    programmeId,
    amount: '5000.00',
    status: 'PLEDGED',
    pledgedOn: '2026-04-01',
  };
  const key = 'record-contribution-retry-0001';
  const first = await graph.query<{ recordContribution: Contribution }>(
    RECORD,
    { input, key },
    { headers: admin },
  );
  const retry = await graph.query<{ recordContribution: Contribution }>(
    RECORD,
    { input, key },
    { headers: admin },
  );
  expect(first.data!.recordContribution.programme).toEqual({ id: programmeId });
  expect(retry.data?.recordContribution).toEqual(first.data?.recordContribution);
  expect(await contributionsOf('5000.00')).toBe(1);
  expect(
    await count(
      `SELECT count(*) AS n FROM funding.audit_log WHERE operation = 'recordContribution' AND entity_id = $1`,
      [first.data!.recordContribution.id],
    ),
  ).toBe(1);
});

test.each([
  ['anonymous', undefined, 'UNAUTHENTICATED'],
  ['an editor', ['editor'] as const, 'FORBIDDEN'],
  ['cted', ['cted'] as const, 'FORBIDDEN'],
])('%s may not record contributions, and nothing is stored', async (_who, roles, code) => {
  const headers = roles ? await as([...roles], 'UNOCT') : {};
  const result = await graph.query(
    RECORD,
    {
      input: {
        donorId,
        projectId: project.id,
        amount: '777.77',
        status: 'PLEDGED',
        pledgedOn: '2026-01-01',
      },
    },
    { headers },
  );
  expect(result.errors?.[0].extensions?.code).toBe(code);
  expect(await contributionsOf('777.77')).toBe(0);
});

test.each([
  [
    'both a project and a programme, no amount, a lowercase currency, no date of receipt',
    { programmeId: 'self', amount: '0', currency: 'usd', status: 'RECEIVED' },
    ['amount', 'currency', 'projectId', 'receivedOn'],
  ],
  [
    'neither a project nor a programme, received before pledged, too many decimals',
    {
      projectId: null,
      amount: '10.001',
      status: 'RECEIVED',
      pledgedOn: '2026-05-01',
      receivedOn: '2026-04-01',
    },
    ['amount', 'projectId', 'receivedOn'],
  ],
])('%s: refused with one message per field', async (_what, change, fields) => {
  const base = { donorId, projectId: project.id, pledgedOn: '2026-01-01' };
  const input: Record<string, unknown> = { ...base, ...change };
  if (input.programmeId === 'self') input.programmeId = programmeId;
  const stored = await count('SELECT count(*) AS n FROM funding.contribution');
  const result = await graph.query(RECORD, { input }, { headers: await as(['admin']) });
  expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  const failed = (result.errors?.[0].extensions?.fields as { field: string }[]).map((f) => f.field);
  expect(failed.sort()).toEqual(fields);
  expect(await count('SELECT count(*) AS n FROM funding.contribution')).toBe(stored);
});

test.each([
  ['an unknown donor', { donorId: '01900000-0000-7000-8000-000000000001' }, 'donor'],
  ['an unknown project', { projectId: '01900000-0000-7000-8000-000000000002' }, 'project'],
  ['another currency than the project', { currency: 'EUR' }, 'USD'],
])('%s is refused, and nothing is stored', async (_what, change, named) => {
  const result = await graph.query(
    RECORD,
    {
      input: {
        donorId,
        projectId: project.id,
        amount: '31.41',
        status: 'PLEDGED',
        pledgedOn: '2026-01-01',
        ...change,
      },
    },
    { headers: await as(['admin']) },
  );
  expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect(result.errors?.[0].message).toContain(named);
  expect(await contributionsOf('31.41')).toBe(0);
});

test('an update needs the version read and keeps status and dates consistent', async () => {
  const admin = await as(['admin']);
  const [row] = await rows<{ id: string; version: number }>(
    `SELECT id, version FROM funding.contribution WHERE amount = '1234.56'`,
  );
  const missingDate = await graph.query(
    UPDATE,
    { input: { id: row.id, expectedVersion: row.version, status: 'RECEIVED' } },
    { headers: admin },
  );
  expect(missingDate.errors?.[0].extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    fields: [{ field: 'receivedOn' }],
  });

  const received = await graph.query<{ updateContribution: Contribution }>(
    UPDATE,
    {
      input: {
        id: row.id,
        expectedVersion: row.version,
        status: 'RECEIVED',
        receivedOn: '2026-02-20',
        amount: '1234.5',
      },
    },
    { headers: admin },
  );
  expect(received.errors).toBeUndefined();
  expect(received.data!.updateContribution).toMatchObject({
    version: row.version + 1,
    status: 'RECEIVED',
    receivedOn: '2026-02-20',
    amount: { amount: '1234.50' },
  });

  const stale = await graph.query(
    UPDATE,
    { input: { id: row.id, expectedVersion: row.version, amount: '9.99' } },
    { headers: admin },
  );
  expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');

  const pledgedAgain = await graph.query<{ updateContribution: Contribution }>(
    UPDATE,
    { input: { id: row.id, expectedVersion: row.version + 1, status: 'PLEDGED' } },
    { headers: admin },
  );
  expect(pledgedAgain.data!.updateContribution).toMatchObject({
    version: row.version + 2,
    status: 'PLEDGED',
    receivedOn: null,
  });
  expect(
    await rows(
      `SELECT amount, status, received_on AS "receivedOn" FROM funding.contribution WHERE id = $1`,
      [row.id],
    ),
  ).toEqual([{ amount: '1234.50', status: 'PLEDGED', receivedOn: null }]);
});

test('a project with contributions cannot be deleted until an admin deletes them', async () => {
  const admin = await as(['admin']);
  const before = await totals();
  const contributions = await rows<{ id: string; version: number; amount: string }>(
    `SELECT id, version, amount FROM funding.contribution
      WHERE project_id = $1 AND deleted_at IS NULL`,
    [project.id],
  );
  const refused = await graph.query(
    `mutation ($id: ID!, $version: Int!) { deleteProject(id: $id, expectedVersion: $version) }`,
    { id: project.id, version: project.version },
    { headers: admin },
  );
  expect(refused.errors?.[0].extensions?.code).toBe('CONFLICT');

  const [first] = contributions;
  const editor = await graph.query(
    DELETE,
    { id: first.id, version: first.version },
    { headers: await as(['editor'], 'UNOCT') },
  );
  expect(editor.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  const removed = await graph.query(
    DELETE,
    { id: first.id, version: first.version },
    { headers: admin },
  );
  expect(removed).toEqual({ data: { deleteContribution: true } });
  expect((await totals()).funded).toEqual({
    amount: formatCents(cents(before.funded.amount) - cents(first.amount)),
  });
  const listed = await graph.query<{ contributions: { edges: { node: { id: string } }[] } }>(
    `query ($id: ID!) { contributions(filter: { project: $id }, first: 100) { edges { node { id } } } }`,
    { id: project.id },
  );
  expect(listed.data!.contributions.edges.map((e) => e.node.id)).not.toContain(first.id);

  for (const { id, version } of contributions.slice(1)) {
    await graph.query(DELETE, { id, version }, { headers: admin });
  }
  const deleted = await graph.query(
    `mutation ($id: ID!, $version: Int!) { deleteProject(id: $id, expectedVersion: $version) }`,
    { id: project.id, version: project.version },
    { headers: admin },
  );
  expect(deleted).toEqual({ data: { deleteProject: true } });
});

/** Until a statement of this database waits for a row lock: the write has reached the project. */
async function untilWaitingOnALock(): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (
    (await count(
      `SELECT count(*) AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    )) === 0
  ) {
    if (Date.now() > deadline) throw new Error('no statement waited for the deletion within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// Only on the server do two transactions run at once; the embedded database queues the second.
if (process.env.DATABASE_URL) {
  test('a contribution recorded while its project is being deleted is refused, never left on a deleted project', async () => {
    const [target] = await rows<{ id: string }>(
      `SELECT p.id FROM funding.project p
        WHERE p.deleted_at IS NULL AND p.id <> $1
          AND NOT EXISTS (SELECT 1 FROM funding.contribution c
                           WHERE c.project_id = p.id AND c.deleted_at IS NULL)
        ORDER BY p.code LIMIT 1`,
      [project.id],
    );
    const amount = '4321.09';
    // A deletion in progress, as deleteProject makes it: the project locked and marked.
    const deletion = graph.subgraphs.funding.db.createQueryRunner();
    await deletion.startTransaction();
    let recorded: Promise<{ errors?: { extensions?: { code?: string } }[] }> | undefined;
    try {
      await deletion.query('SELECT id FROM funding.project WHERE id = $1 FOR UPDATE', [target.id]);
      await deletion.query('UPDATE funding.project SET deleted_at = now() WHERE id = $1', [
        target.id,
      ]);
      recorded = graph.query(
        RECORD,
        {
          input: {
            donorId,
            projectId: target.id,
            amount,
            status: 'PLEDGED',
            pledgedOn: '2026-03-01',
          },
        },
        { headers: await as(['admin']) },
      );
      await untilWaitingOnALock();
      await deletion.commitTransaction();
    } finally {
      if (deletion.isTransactionActive) await deletion.rollbackTransaction();
      await deletion.release();
    }
    const answer = await recorded!;
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await contributionsOf(amount)).toBe(0);
    await rows('UPDATE funding.project SET deleted_at = NULL WHERE id = $1', [target.id]);
  });
}
