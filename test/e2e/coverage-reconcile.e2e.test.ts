import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { funding } from '../../subgraphs/funding/src/subgraph';
import { startWritableGraph, type TestGraph } from '../helpers/graph';
import { postBody, signedBody } from '../helpers/signature';
import { startSubgraph } from '../helpers/subgraph';
import { as } from '../helpers/tokens';

/**
 * Reconciliation (docs/design.md): funding compares assessments' copy of "addressed" with its
 * own links, bucket digests first, and repairs the copy, logging and counting each repair.
 * Only the graph itself (its signature) and admins may run it; only the graph may read the copy.
 */

// The schedule would run by itself in a long test; here each run is asked for.
process.env.COVERAGE_RECONCILE_INTERVAL = '0';

const RECONCILE = `mutation ($dryRun: Boolean) {
  reconcileCoverage(dryRun: $dryRun) {
    buckets differingBuckets differences inDelivery milliseconds
    repairs { recommendationId addressed reason }
    wouldRepair { recommendationId addressed reason }
  }
}`;

interface Repair {
  recommendationId: string;
  addressed: boolean;
  reason: string;
}
interface Reconciliation {
  buckets: number;
  differingBuckets: string[];
  differences: number;
  inDelivery: number;
  repairs: Repair[];
  wouldRepair: Repair[];
}

let graph: TestGraph & { databaseUrl: string };
const logs: Record<string, unknown>[] = [];

beforeAll(async () => {
  graph = await startWritableGraph({
    logDestination: { write: (line: string) => void logs.push(JSON.parse(line)) },
  });
});
afterAll(() => graph?.stop());

const sql = <T>(subgraph: 'funding' | 'assessments', text: string, parameters: unknown[] = []) =>
  graph.subgraphs[subgraph]!.db.query(text, parameters) as Promise<T[]>;

async function reconcile(dryRun = false): Promise<Reconciliation> {
  const answer = await postBody(
    graph.subgraphs.funding!.url,
    signedBody({ query: RECONCILE, variables: { dryRun } }),
  );
  expect(answer.body.errors).toBeUndefined();
  return (answer.body.data as { reconcileCoverage: Reconciliation }).reconcileCoverage;
}

/** Funding's truth and assessments' copy, as sorted lists of addressed recommendation ids. */
async function truthAndCopy() {
  const ids = (rows: { id: string }[]) => rows.map((row) => row.id).sort();
  const truth = ids(
    await sql(
      'funding',
      `SELECT DISTINCT l.recommendation_id::text AS id
        FROM funding.project_recommendation l JOIN funding.project p ON p.id = l.project_id
       WHERE p.status <> 'CANCELLED' AND p.deleted_at IS NULL`,
    ),
  );
  const copy = ids(
    await sql(
      'assessments',
      `SELECT recommendation_id::text AS id
        FROM assessments.recommendation_addressed WHERE addressed`,
    ),
  );
  return { truth, copy };
}

async function metric(url: string, name: string): Promise<number> {
  const text = await (await fetch(url)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));
  return Number(line?.split(' ').at(-1) ?? NaN);
}

test('after a clean start the copy agrees, and a reconciliation finds nothing to repair', async () => {
  const { truth, copy } = await truthAndCopy();
  expect(copy).toEqual(truth);
  const result = await reconcile();
  expect(result).toMatchObject({ differingBuckets: [], differences: 0, repairs: [] });
  expect(result.buckets).toBeGreaterThan(50);
  expect(await metric(graph.subgraphs.funding!.metricsUrl, 'coverage_repairs_total')).toBe(0);
});

test('a copy corrupted on purpose is found, shown by a dry run, repaired, logged and counted', async () => {
  const { truth } = await truthAndCopy();
  const [dropped, flipped] = truth;
  const [{ id: unaddressed }] = await sql<{ id: string }>(
    'assessments',
    `SELECT r.id::text AS id FROM assessments.recommendation r
      WHERE NOT EXISTS (SELECT 1 FROM assessments.recommendation_addressed a
                         WHERE a.recommendation_id = r.id AND a.addressed)
      ORDER BY r.id LIMIT 1`,
  );
  const unknown = randomUUID();
  // A row lost, one turned false, one turned true, one for no recommendation, and one with a
  // number funding never issued, which no delivery could ever replace.
  await sql(
    'assessments',
    'DELETE FROM assessments.recommendation_addressed WHERE recommendation_id = $1',
    [dropped],
  );
  await sql(
    'assessments',
    'UPDATE assessments.recommendation_addressed SET addressed = false WHERE recommendation_id = $1',
    [flipped],
  );
  await sql(
    'assessments',
    `INSERT INTO assessments.recommendation_addressed (recommendation_id, addressed, seq)
     VALUES ($1, true, 999999999999), ($2, true, 1)
     ON CONFLICT (recommendation_id) DO UPDATE SET addressed = true, seq = EXCLUDED.seq`,
    [unaddressed, unknown],
  );
  const expected = [
    { recommendationId: dropped, addressed: true },
    { recommendationId: flipped, addressed: true },
    { recommendationId: unaddressed, addressed: false },
    { recommendationId: unknown, addressed: false },
  ].sort((a, b) => a.recommendationId.localeCompare(b.recommendationId));
  const byId = (a: { recommendationId: string }, b: { recommendationId: string }) =>
    a.recommendationId.localeCompare(b.recommendationId);
  const shape = (repairs: Repair[]) =>
    repairs.map(({ recommendationId, addressed }) => ({ recommendationId, addressed })).sort(byId);

  const dry = await reconcile(true);
  expect(dry.differences).toBe(4);
  expect(shape(dry.wouldRepair)).toEqual(expected);
  expect(dry.repairs).toEqual([]);
  expect((await truthAndCopy()).copy).not.toEqual(truth);

  const before = await metric(graph.subgraphs.funding!.metricsUrl, 'coverage_repairs_total');
  const repaired = await reconcile();
  expect(shape(repaired.repairs)).toEqual(expected);
  expect(repaired.differingBuckets.length).toBeLessThanOrEqual(4);
  for (const repair of repaired.repairs) {
    expect(repair.reason).toMatch(
      repair.addressed ? /a live project addresses it/ : /no live project addresses it/,
    );
  }
  expect((await truthAndCopy()).copy).toEqual(truth);
  expect(await metric(graph.subgraphs.funding!.metricsUrl, 'coverage_repairs_total')).toBe(
    before + 4,
  );
  const logged = logs.filter(
    (line) => line.msg === 'coverage repaired: assessments disagreed with funding’s links',
  );
  expect(logged.map((line) => line.recommendationId).sort()).toEqual(
    expected.map((e) => e.recommendationId),
  );
  expect(logged.every((line) => line.service === 'funding' && line.level === 50)).toBe(true);

  // Deliveries reach the recommendation whose number was from the future again.
  expect(await reconcile()).toMatchObject({ differences: 0, repairs: [] });
});

test('the coverage the graph answers is right again after a repair', async () => {
  const addressed = async () => {
    const answer = await graph.query<{ coverageSummary: { addressed: number }[] }>(
      '{ coverageSummary(groupBy: PRIORITY) { addressed } }',
      {},
      { headers: await as(['admin']) },
    );
    return answer.data!.coverageSummary.reduce((sum, group) => sum + group.addressed, 0);
  };
  const { truth } = await truthAndCopy();
  expect(await addressed()).toBe(truth.length);
  await sql(
    'assessments',
    'UPDATE assessments.recommendation_addressed SET addressed = false WHERE recommendation_id = $1',
    [truth[1]],
  );
  expect(await addressed()).toBe(truth.length - 1);
  await reconcile();
  expect(await addressed()).toBe(truth.length);
});

test('a funding with a short schedule finds and repairs a difference by itself', async () => {
  const scheduled = await startSubgraph(funding, {
    databaseUrl: graph.databaseUrl,
    peers: {
      membership: graph.subgraphs.membership!.url,
      assessments: graph.subgraphs.assessments!.url,
    },
    config: { coverageReconcileIntervalMs: 200 },
  });
  try {
    const { truth } = await truthAndCopy();
    await sql(
      'assessments',
      'UPDATE assessments.recommendation_addressed SET addressed = false WHERE recommendation_id = $1',
      [truth[2]],
    );
    const deadline = Date.now() + 10_000;
    while (
      (await metric(scheduled.metricsUrl, 'coverage_repairs_total')) < 1 &&
      Date.now() < deadline
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await metric(scheduled.metricsUrl, 'coverage_repairs_total')).toBe(1);
    expect((await truthAndCopy()).copy).toEqual(truth);
    expect(await metric(scheduled.metricsUrl, 'coverage_changes_undelivered')).toBe(0);
  } finally {
    await scheduled.stop();
  }
});

describe('who may reconcile and read the copy', () => {
  test('at funding: the graph itself and admins; not anonymous, not a viewer, not an editor', async () => {
    const url = graph.subgraphs.funding!.url;
    for (const headers of [{}, await as(['viewer'], 'UNODC'), await as(['editor'], 'UNODC')]) {
      const answer = await postBody(url, { query: RECONCILE }, headers);
      expect(answer.body.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      expect(answer.body.data).toBeNull();
    }
    const admin = await postBody(url, { query: RECONCILE }, await as(['admin']));
    expect(admin.body.errors).toBeUndefined();
  });

  test('through the gateway it does not exist', async () => {
    const answer = await graph.query(RECONCILE, {}, { headers: await as(['admin']) });
    expect(answer.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const copy = await graph.query(
      '{ addressedDigests { bucket } }',
      {},
      { headers: await as(['admin']) },
    );
    expect(copy.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  test('at assessments: the copy is read and repaired only by signed calls, with buckets checked', async () => {
    const url = graph.subgraphs.assessments!.url;
    const repair = {
      query:
        'mutation ($c: [AddressedChange!]!) { repairAddressed(changes: $c) { recommendationId } }',
      variables: { c: [{ seq: '1', recommendationId: randomUUID(), addressed: true }] },
    };
    for (const body of [
      { query: '{ addressedDigests { bucket count digest } }' },
      { query: '{ addressedIn(buckets: ["00", "ff"]) }' },
      repair,
    ]) {
      for (const headers of [{}, await as(['admin'])]) {
        const answer = await postBody(url, body, headers);
        expect(answer.body.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      }
    }
    for (const buckets of [['0G'], ['abc'], ['00', "'; DROP TABLE x; --"], Array(257).fill('00')]) {
      const answer = await postBody(
        url,
        signedBody({
          query: 'query ($b: [String!]!) { addressedIn(buckets: $b) }',
          variables: { b: buckets },
        }),
      );
      expect(answer.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    }
    const signed = await postBody(
      url,
      signedBody({ query: '{ addressedDigests { bucket count digest } }' }),
    );
    expect(
      (signed.body.data as { addressedDigests: unknown[] }).addressedDigests.length,
    ).toBeGreaterThan(50);
  });
});

test('npm run reconcile reports, repairs, and says so in its exit status', async () => {
  const cli = 'dist/scripts/reconcile.js';
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first.`);
  const run = (args: string[] = [], env: Record<string, string> = {}) =>
    new Promise<{ status: number | null; out: string }>((resolve) => {
      execFile(
        process.execPath,
        [cli, '--url', graph.subgraphs.funding!.url, ...args],
        { env: { ...process.env, COMPACT_TOKEN: '', ...env } },
        (error, stdout, stderr) =>
          resolve({ status: error ? Number(error.code) : 0, out: `${stdout}${stderr}` }),
      );
    });
  const clean = await run();
  expect(clean).toMatchObject({
    status: 0,
    out: expect.stringContaining("assessments' copy agrees"),
  });

  const { truth } = await truthAndCopy();
  await sql(
    'assessments',
    'UPDATE assessments.recommendation_addressed SET addressed = false WHERE recommendation_id = $1',
    [truth[3]],
  );
  const dry = await run(['--dry-run']);
  expect(dry.status).toBe(1);
  expect(dry.out).toContain(`would repair ${truth[3]}: a live project addresses it`);
  const repaired = await run(['--json']);
  expect(repaired.status).toBe(1);
  expect(JSON.parse(repaired.out)).toMatchObject({
    repairs: [{ recommendationId: truth[3], addressed: true }],
  });
  expect((await truthAndCopy()).copy).toEqual(truth);

  const unsigned = await run([], { GATEWAY_SIGNING_SECRET: 'x'.repeat(40) });
  expect(unsigned.status).toBe(2);
  expect(unsigned.out).toContain('did not reconcile');
});
