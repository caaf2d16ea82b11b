import { Client } from 'pg';
import { assessments } from '../../subgraphs/assessments/src/subgraph';
import { createDatabase } from '../../subgraphs/shared/src/database';
import { funding } from '../../subgraphs/funding/src/subgraph';
import { membership } from '../../subgraphs/membership/src/subgraph';
import { createTestDatabase, migrateAndSeed, type TestDatabase } from '../helpers/database';
import { startTestGraph, testDatabaseUrl, type TestGraph } from '../helpers/graph';
import { startSubgraph, type TestSubgraph } from '../helpers/subgraph';
import { as } from '../helpers/tokens';
import { startFaultProxy, type FaultProxy } from '../e2e/support/fault-proxy';

/**
 * No single request holds a subgraph for long: each has a time budget (REQUEST_BUDGET_MS), past
 * which the caller hears REQUEST_TIMEOUT and the request sends no more SQL — so a write that
 * runs out of time is rolled back, never half done — and every connection that serves requests
 * has PostgreSQL's statement_timeout.
 */

/** Long enough for a write here on a busy machine, short enough for a test. */
const BUDGET_MS = 800;

describe('the request budget', () => {
  let database: TestDatabase;
  let owners: TestSubgraph[];
  let proxies: Record<string, FaultProxy>;
  let subgraph: TestSubgraph;

  beforeAll(async () => {
    database = await createTestDatabase();
    await migrateAndSeed(database.url);
    owners = await Promise.all(
      [membership, assessments].map((definition) =>
        startSubgraph(definition, { databaseUrl: database.url }),
      ),
    );
    proxies = {
      membership: await startFaultProxy(owners[0].url),
      assessments: await startFaultProxy(owners[1].url),
    };
    subgraph = await startSubgraph(funding, {
      databaseUrl: database.url,
      peers: { membership: proxies.membership.url, assessments: proxies.assessments.url },
      config: { requestBudgetMs: BUDGET_MS },
    });
  });
  afterAll(async () => {
    await subgraph?.stop();
    await Promise.all(Object.values(proxies ?? {}).map((proxy) => proxy.stop()));
    await Promise.all((owners ?? []).map((owner) => owner.stop()));
    await database?.drop();
  });
  beforeEach(() => {
    for (const proxy of Object.values(proxies)) {
      proxy.mode = 'pass';
      proxy.delayMs = BUDGET_MS + 400;
    }
  });

  const CREATE = `mutation ($input: CreateProjectInput!) { createProject(input: $input) { id } }`;
  const input = (code: string) => ({
    code,
    title: 'Budget test',
    summary: 'Written only if it fits in its time budget.',
    status: 'PIPELINE',
    leadEntity: 'UNODC',
    beneficiaryStates: ['NER'],
    thematicAreas: ['BORDER_MANAGEMENT'],
    startsOn: '2027-01-01',
    budget: '1000.00',
  });

  async function projectExists(code: string): Promise<boolean> {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT 1 FROM funding.project WHERE code = $1', [code]);
      return rows.length > 0;
    } finally {
      await client.end();
    }
  }

  test('a write within its budget is written', async () => {
    // The first request of a new service is slower than any other: not the one measured.
    await subgraph.query('{ projects(first: 1) { totalCount } }', undefined, await as(['admin']));
    const answer = await subgraph.query(
      CREATE,
      { input: input('BUDGET-FITS-1') },
      await as(['admin']),
    );
    expect(answer.errors).toBeUndefined();
    expect(await projectExists('BUDGET-FITS-1')).toBe(true);
  });

  test('a write past its budget answers REQUEST_TIMEOUT in time, and writes nothing later', async () => {
    for (const proxy of Object.values(proxies)) proxy.mode = 'slow';
    const started = Date.now();
    const answer = await subgraph.query(
      CREATE,
      { input: input('BUDGET-LATE-1') },
      await as(['admin']),
    );
    const took = Date.now() - started;
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.[0].extensions).toMatchObject({
      code: 'REQUEST_TIMEOUT',
      budgetMs: BUDGET_MS,
    });
    expect(took).toBeGreaterThanOrEqual(BUDGET_MS - 10);
    expect(took).toBeLessThan(BUDGET_MS + 300);
    // The reference checks come back 400 ms later; the write they allow must not happen then.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await projectExists('BUDGET-LATE-1')).toBe(false);
  });

  test('a read past its budget answers REQUEST_TIMEOUT, not a late answer', async () => {
    proxies.assessments.mode = 'slow';
    const started = Date.now();
    const answer = await subgraph.query(
      '{ projects(first: 5) { edges { node { code recommendations { id } } } } }',
    );
    expect(Date.now() - started).toBeLessThan(BUDGET_MS + 300);
    expect(answer.errors?.[0].extensions?.code).toBe('REQUEST_TIMEOUT');
  });
});

// PostgreSQL's own stop: the embedded PGlite runs statements in one thread and cannot cancel
// one, so there the request budget above is the stop, and these run on a PostgreSQL server only.
const onServer = Boolean(process.env.DATABASE_URL);
if (onServer) {
  describe('the statement timeout', () => {
    let graph: TestGraph;
    beforeAll(async () => {
      graph = await startTestGraph();
    });
    afterAll(() => graph?.stop());

    test('every connection that serves requests has it, at 4 s by default', async () => {
      for (const subgraph of Object.values(graph.subgraphs)) {
        const [row] = (await subgraph.db.query('SHOW statement_timeout')) as {
          statement_timeout: string;
        }[];
        expect({ subgraph: subgraph.name, timeout: row.statement_timeout }).toEqual({
          subgraph: subgraph.name,
          timeout: '4s',
        });
      }
    });

    test('a statement that runs past it is cancelled by PostgreSQL', async () => {
      const { dataSource } = createDatabase({
        url: testDatabaseUrl(),
        schema: 'funding',
        entities: funding.entities,
        migrations: [],
        poolSize: 1,
        statementTimeoutMs: 200,
      });
      await dataSource.initialize();
      try {
        const started = Date.now();
        await expect(dataSource.query('SELECT pg_sleep(2)')).rejects.toMatchObject({
          driverError: { code: '57014' },
        });
        expect(Date.now() - started).toBeLessThan(1500);
      } finally {
        await dataSource.destroy();
      }
    });
  });
}
