import { startWritableGraph, type TestGraph } from '../../../test/helpers/graph';
import { as } from '../../../test/helpers/tokens';

let graph: TestGraph & { databaseUrl: string };
const lines: Record<string, unknown>[] = [];
beforeAll(async () => {
  graph = await startWritableGraph({
    logDestination: { write: (line: string) => void lines.push(JSON.parse(line)) },
  });
});
afterAll(() => graph?.stop());

const CREATE = `mutation ($input: CreateEntityInput!, $key: String) {
  createEntity(input: $input, idempotencyKey: $key) { id acronym name kind version }
}`;
const input = {
  acronym: 'TEST-ORG',
  name: 'Test Organization for Writes',
  kind: 'NON_UN_ORGANIZATION',
};

async function count(sql: string): Promise<number> {
  const db = graph.subgraphs.membership.db;
  return Number((await db.query(sql))[0].n);
}

test('an admin creates an entity once, however often the request is retried', async () => {
  const admin = await as(['admin']);
  const key = 'create-test-org-0001';
  const first = await graph.query<{ createEntity: { id: string; version: number } }>(
    CREATE,
    { input, key },
    { headers: admin },
  );
  const retry = await graph.query<{ createEntity: { id: string } }>(
    CREATE,
    { input, key },
    { headers: admin },
  );
  expect(first.errors).toBeUndefined();
  expect(retry.data?.createEntity.id).toBe(first.data?.createEntity.id);
  expect(first.data?.createEntity.version).toBe(1);
  expect(
    await count(`SELECT count(*) AS n FROM membership.entity WHERE acronym = 'TEST-ORG'`),
  ).toBe(1);
  expect(
    await count(`SELECT count(*) AS n FROM membership.audit_log WHERE operation = 'createEntity'`),
  ).toBe(1);

  const reused = await graph.query(
    CREATE,
    { input: { ...input, acronym: 'OTHER' }, key },
    { headers: admin },
  );
  expect(reused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect(reused.errors?.[0].message).toContain('already used for a different request');
});

test('a stale update is refused with CONFLICT and changes nothing', async () => {
  const admin = await as(['admin']);
  const { data } = await graph.query<{ entity: { id: string; version: number } }>(
    '{ entity(acronym: "TEST-ORG") { id version } }',
  );
  const { id, version } = data!.entity;
  const update = `mutation ($input: UpdateEntityInput!) { updateEntity(input: $input) { name version } }`;
  const ok = await graph.query<{ updateEntity: { version: number } }>(
    update,
    { input: { id, expectedVersion: version, name: 'Renamed Test Organization' } },
    { headers: admin },
  );
  expect(ok.data?.updateEntity).toEqual({
    name: 'Renamed Test Organization',
    version: version + 1,
  });
  const stale = await graph.query(
    update,
    { input: { id, expectedVersion: version, name: 'Lost update' } },
    { headers: admin },
  );
  expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
  expect(
    await count(`SELECT count(*) AS n FROM membership.entity WHERE name = 'Lost update'`),
  ).toBe(0);
});

test('a duplicate is CONFLICT with what to do; the table, column and constraint go to the log only', async () => {
  const admin = await as(['admin']);
  const duplicate = { acronym: 'UNODC', name: 'A second UNODC', kind: 'UN_SECRETARIAT' };
  for (const [url, requestId] of [
    [graph.url, 'duplicate-through-gateway'],
    [graph.subgraphs.membership.url, 'duplicate-at-subgraph'],
  ]) {
    const result = await graph.query(
      CREATE,
      { input: duplicate },
      { url, headers: { ...admin, 'x-request-id': requestId } },
    );
    expect(result.data ?? null).toBeNull();
    expect(result.errors).toHaveLength(1);
    // The gateway names the subgraph that answered, as it does for every subgraph error.
    const { serviceName: _service, ...extensions } = result.errors![0].extensions ?? {};
    const { message } = result.errors![0];
    expect(extensions).toEqual({ code: 'CONFLICT' });
    expect(message).toMatch(/already exists.*Nothing was changed\. Choose another value/);
    expect(JSON.stringify({ message, extensions })).not.toMatch(
      /acronym|entity_|membership|_key\b|Key \(|constraint|UNODC|\bINSERT\b|\bINTO\b/i,
    );

    const logged = lines.find((line) => line.requestId === requestId && line.level === 40);
    expect(logged).toMatchObject({
      service: 'membership',
      code: 'CONFLICT',
      cause: {
        sqlState: '23505',
        schema: 'membership',
        table: 'entity',
        detail: expect.stringContaining('(acronym)=(UNODC)'),
      },
    });
  }
  expect(
    await count(`SELECT count(*) AS n FROM membership.entity WHERE name = 'A second UNODC'`),
  ).toBe(0);
});

test('bad input gets one message per field', async () => {
  const result = await graph.query(
    CREATE,
    { input: { acronym: '!', name: 'x', kind: 'UN_SECRETARIAT', website: 'not a url' } },
    { headers: await as(['admin']) },
  );
  expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  const fields = (result.errors?.[0].extensions?.fields as { field: string }[])
    .map((f) => f.field)
    .sort();
  expect(fields).toEqual(['acronym', 'name', 'website']);
});

test.each([
  ['anonymous', undefined],
  ['an editor', ['editor'] as const],
  ['cted', ['cted'] as const],
])('%s may not write membership, and nothing is stored', async (_who, roles) => {
  const headers = roles ? await as([...roles], 'UNODC') : {};
  const result = await graph.query(CREATE, { input: { ...input, acronym: 'DENIED' } }, { headers });
  expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(result.errors?.[0].extensions?.code);
  expect(await count(`SELECT count(*) AS n FROM membership.entity WHERE acronym = 'DENIED'`)).toBe(
    0,
  );
});

test('a bad token is refused, not read as anonymous', async () => {
  const result = await graph.query(
    '{ entities { totalCount } }',
    {},
    { headers: { authorization: 'Bearer not.a.jwt' } },
  );
  expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  expect(result.data ?? null).toBeNull();
});

test('admin reads the audit log; others get null with an error', async () => {
  const query =
    '{ membershipAuditLog(filter: { entityType: "Entity" }) { totalCount edges { node { operation actor { roles } before after } } } }';
  const admin = await graph.query<{
    membershipAuditLog: { totalCount: number; edges: { node: { operation: string } }[] };
  }>(query, {}, { headers: await as(['admin']) });
  expect(admin.data?.membershipAuditLog.edges.map((e) => e.node.operation)).toEqual([
    'updateEntity',
    'createEntity',
  ]);
  const editor = await graph.query(query, {}, { headers: await as(['editor'], 'UNODC') });
  expect(editor.data).toEqual({ membershipAuditLog: null });
  expect(editor.errors?.[0].extensions?.code).toBe('FORBIDDEN');
});

test('a field that must have a value cannot be cleared with null', async () => {
  const { data } = await graph.query<{ entity: { id: string; version: number } }>(
    '{ entity(acronym: "UNODC") { id version } }',
  );
  const result = await graph.query(
    'mutation ($input: UpdateEntityInput!) { updateEntity(input: $input) { name } }',
    {
      input: { id: data!.entity.id, expectedVersion: data!.entity.version, name: null, kind: null },
    },
    { headers: await as(['admin']) },
  );
  expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect(
    (result.errors?.[0].extensions?.fields as { field: string }[]).map((f) => f.field).sort(),
  ).toEqual(['kind', 'name']);
  expect(
    await count(
      `SELECT count(*) AS n FROM membership.entity WHERE acronym = 'UNODC' AND name IS NOT NULL`,
    ),
  ).toBe(1);
});
