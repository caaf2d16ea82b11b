import { EventEmitter } from 'node:events';
import { postGraphQL, testDatabaseUrl } from '../../../test/helpers/graph';
import { membership } from '../../membership/src/subgraph';
import { createDatabase } from './database';
import { createLogger } from './logger';
import { databasePools } from './observability/metrics';
import { runInRequestScope } from './observability/request-scope';
import { createServerFor } from './serve';
import type { SubgraphServer } from './subgraph-server';

// The run's database stands in for both the primary and its replica: which pool a statement
// takes is what is under test, not replication itself.
const { dataSource: db } = createDatabase({
  url: testDatabaseUrl(),
  replicaUrls: [testDatabaseUrl()],
  schema: 'membership',
  entities: membership.entities,
  migrations: membership.migrations,
  poolSize: 2,
});
const taken = { primary: 0, replica1: 0 };
let server: SubgraphServer;
let url: string;

beforeAll(async () => {
  await db.initialize();
  for (const [name, pool] of Object.entries(databasePools(db))) {
    (pool as unknown as EventEmitter).on('acquire', () => (taken[name as keyof typeof taken] += 1));
  }
  server = await createServerFor(membership, { db, logger: createLogger('membership', 'silent') });
  url = await server.listen({ port: 0, host: '127.0.0.1', metricsPort: 0 });
});
afterAll(async () => {
  await server?.stop();
  await db.destroy();
});

test('a query operation reads from a replica', async () => {
  const before = { ...taken };
  const result = await postGraphQL<{ entity: { name: string } }>(
    url,
    '{ entity(acronym: "UNODC") { name } }',
  );
  expect(result.data?.entity.name).toBe('United Nations Office on Drugs and Crime');
  expect(taken.replica1).toBeGreaterThan(before.replica1);
  expect(taken.primary).toBe(before.primary);
});

test('reads in a mutation, and outside any request, stay on the primary', () => {
  const mode = () => db.defaultReplicationModeForReads();
  expect(mode()).toBe('master');
  expect(runInRequestScope({ requestId: 'r', operationType: 'mutation' }, mode)).toBe('master');
  expect(runInRequestScope({ requestId: 'r', operationType: 'query' }, mode)).toBe('slave');
  expect(runInRequestScope({ requestId: 'r' }, mode)).toBe('master');
});

test('the metrics listener shows the primary’s pool and each replica’s apart', async () => {
  const text = await (await fetch(server.metricsUrl!)).text();
  for (const pool of ['primary', 'replica1']) {
    expect(text).toMatch(
      new RegExp(`^db_pool_max_connections\\{pool="${pool}",service="membership"\\} 2$`, 'm'),
    );
  }
});
