import { startWritableGraph, type TestGraph } from '../../../test/helpers/graph';
import { startSubgraph } from '../../../test/helpers/subgraph';
import { as } from '../../../test/helpers/tokens';
import { ConfigError } from '../../shared/src/settings';
import { createLogger } from '../../shared/src/logger';
import { createServerFor } from '../../shared/src/serve';
import { membership } from './subgraph';

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

const CREATE_GROUP = `mutation ($input: CreateWorkingGroupInput!, $key: String) {
  createWorkingGroup(input: $input, idempotencyKey: $key) { id name }
}`;
const group = (name: string) => ({ name, mandate: 'A working group made by the tests.' });

/** Makes the key's first request as old as `age` (a PostgreSQL interval). */
async function ageKey(key: string, age: string): Promise<void> {
  await graph.subgraphs.membership.db.query(
    `UPDATE membership.idempotency_key SET created_at = now() - $2::interval WHERE key = $1`,
    [key, age],
  );
}

async function createGroup(name: string, key: string, url?: string) {
  return graph.query<{ createWorkingGroup: { id: string; name: string } }>(
    CREATE_GROUP,
    { input: group(name), key },
    { url, headers: await as(['admin']) },
  );
}

test('a key still within its retention (7 days) returns the first answer', async () => {
  const key = 'retained-key-0001';
  const first = await createGroup('Retained Key Group', key);
  expect(first.errors).toBeUndefined();
  await ageKey(key, '6 days 23 hours');
  const retry = await createGroup('Retained Key Group', key);
  expect(retry.errors).toBeUndefined();
  expect(retry.data?.createWorkingGroup.id).toBe(first.data?.createWorkingGroup.id);
  expect(
    await count(
      `SELECT count(*) AS n FROM membership.working_group WHERE name = 'Retained Key Group'`,
    ),
  ).toBe(1);
});

test('a key past its retention is new again, even before the cleanup deletes it', async () => {
  const key = 'expired-key-0001';
  const first = await createGroup('Expired Key Group', key);
  expect(first.errors).toBeUndefined();
  await ageKey(key, '7 days 1 minute');

  // Within its retention, this key would be refused for a different request.
  const other = await createGroup('Group After Expired Key', key);
  expect(other.errors).toBeUndefined();
  expect(other.data?.createWorkingGroup.id).not.toBe(first.data?.createWorkingGroup.id);
  // The key now belongs to the new request: its retry is answered, the old request is refused.
  expect((await createGroup('Group After Expired Key', key)).data?.createWorkingGroup.id).toBe(
    other.data?.createWorkingGroup.id,
  );
  const old = await createGroup('Expired Key Group', key);
  expect(old.errors?.[0].message).toContain('already used for a different request');

  // The same request sent again once the key has expired is created again, not replayed: here
  // the group's name is taken by then.
  await ageKey(key, '8 days');
  const repeated = await createGroup('Group After Expired Key', key);
  expect(repeated.errors?.[0].extensions?.code).toBe('CONFLICT');
  expect(
    await count(
      `SELECT count(*) AS n FROM membership.working_group WHERE name IN ('Expired Key Group', 'Group After Expired Key')`,
    ),
  ).toBe(2);
});

test('IDEMPOTENCY_RETENTION_DAYS sets the retention; a value that is not a positive number is refused', async () => {
  const alone = await startSubgraph(membership, {
    databaseUrl: graph.databaseUrl,
    env: { IDEMPOTENCY_RETENTION_DAYS: '1.5' },
  });
  try {
    const key = 'short-retention-key-0001';
    const first = await createGroup('Short Retention Group', key, alone.url);
    expect(first.errors).toBeUndefined();
    await ageKey(key, '1 day 11 hours');
    expect((await createGroup('Short Retention Group', key, alone.url)).data).toEqual(first.data);
    await ageKey(key, '1 day 13 hours');
    const other = await createGroup('After Short Retention Group', key, alone.url);
    expect(other.errors).toBeUndefined();
    expect(other.data?.createWorkingGroup.id).not.toBe(first.data?.createWorkingGroup.id);
  } finally {
    await alone.stop();
  }
  for (const value of ['0', '-1', 'seven', '3651']) {
    const refused = createServerFor(membership, {
      db: graph.subgraphs.membership.db,
      logger: createLogger('membership', 'silent'),
      env: { ...process.env, IDEMPOTENCY_RETENTION_DAYS: value },
    });
    await expect(refused).rejects.toThrow(ConfigError);
    await expect(refused).rejects.toThrow(/IDEMPOTENCY_RETENTION_DAYS/);
  }
});
