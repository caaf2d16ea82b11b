import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { startGraph, type RunningGraph } from '../scripts/lib/graph';
import { signBody } from '../subgraphs/shared/src/gateway-signature';
import { benchDatabase } from './lib/database';

const USAGE = `Times the reconciliation of coverage (docs/design.md) on the bench's data set at a scale:
runs on a copy that agrees, then on one with --corrupt rows turned wrong, and prints the time
and the SQL statements each subgraph sent.

  npm run bench:reconcile -- --scale 100 --corrupt 50

Needs a PostgreSQL server (DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres);
the data set is made once per scale and kept, as for npm run bench.`;

interface Run {
  label: string;
  milliseconds: number;
  funding: number;
  assessments: number;
  differences: number;
  repairs: number;
}

async function reconcile(graph: RunningGraph, secret: string, label: string): Promise<Run> {
  const count = () =>
    Object.fromEntries(
      Object.values(graph.subgraphs).map((s) => [s.name, s.statements.count]),
    ) as Record<string, number>;
  const before = count();
  const started = performance.now();
  const response = await fetch(graph.subgraphs.funding.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(
      signBody(
        { query: 'mutation { reconcileCoverage { differences repairs { recommendationId } } }' },
        undefined,
        secret,
      ),
    ),
  });
  const milliseconds = performance.now() - started;
  const answer = (await response.json()) as {
    data?: { reconcileCoverage: { differences: number; repairs: unknown[] } };
    errors?: { message: string }[];
  };
  if (!answer.data) throw new Error(answer.errors?.[0]?.message ?? `HTTP ${response.status}`);
  const after = count();
  return {
    label,
    milliseconds,
    funding: after.funding - before.funding,
    assessments: after.assessments - before.assessments,
    differences: answer.data.reconcileCoverage.differences,
    repairs: answer.data.reconcileCoverage.repairs.length,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '100' },
      corrupt: { type: 'string', default: '50' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  const scale = Number(values.scale);
  const corrupt = Number(values.corrupt);
  const secret = (process.env.GATEWAY_SIGNING_SECRET ||= randomBytes(32).toString('hex'));
  process.env.JWT_SECRET ||= randomBytes(32).toString('hex');
  process.env.COVERAGE_RECONCILE_INTERVAL = '0';
  const serverUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const databaseUrl = await benchDatabase(serverUrl, scale);
  const graph = await startGraph({
    databaseUrl,
    ports: { gateway: 0, membership: 0, assessments: 0, funding: 0 },
    metricsPorts: { gateway: 0, membership: 0, assessments: 0, funding: 0 },
    seed: false,
    logLevel: 'warn',
  });
  try {
    const runs: Run[] = [];
    for (let i = 1; i <= 3; i++) runs.push(await reconcile(graph, secret, `agrees (${i})`));
    await graph.subgraphs.assessments.db.query(
      `WITH wrong AS (
         SELECT recommendation_id FROM assessments.recommendation_addressed
          ORDER BY md5(recommendation_id::text) LIMIT $1)
       UPDATE assessments.recommendation_addressed a SET addressed = NOT a.addressed
         FROM wrong w WHERE w.recommendation_id = a.recommendation_id`,
      [corrupt],
    );
    runs.push(await reconcile(graph, secret, `${corrupt} rows wrong`));
    runs.push(await reconcile(graph, secret, 'agrees again'));
    const [{ addressed }] = (await graph.subgraphs.assessments.db.query(
      'SELECT count(*) FILTER (WHERE addressed)::int AS addressed FROM assessments.recommendation_addressed',
    )) as { addressed: number }[];
    console.log(
      `\n×${scale}: ${addressed} recommendations addressed\n\n| run | ms | SQL in funding | SQL in assessments | differences | repairs |\n|---|---:|---:|---:|---:|---:|`,
    );
    for (const run of runs) {
      console.log(
        `| ${run.label} | ${run.milliseconds.toFixed(0)} | ${run.funding} | ${run.assessments} | ${run.differences} | ${run.repairs} |`,
      );
    }
  } finally {
    await graph.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
