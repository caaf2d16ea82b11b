import 'reflect-metadata';
import { readSettings } from '../subgraphs/shared/src/settings';
import { createLogger } from '../subgraphs/shared/src/logger';
import { openDatabase } from './lib/database-url';
import { localSecret } from './lib/local-secret';
import { startSettings } from './lib/start-settings';
import { startGraph } from './lib/graph';
import { releaseRuntimeSignalHandlers } from '../gateway/src/protection/shutdown';

/**
 * `npm start`: the whole graph in one process with the sample data. Without DATABASE_URL it runs
 * on an embedded PostgreSQL whose data stays in PGLITE_DATA_DIR between runs.
 */
async function main(): Promise<void> {
  const env = process.env;
  const logger = createLogger('start');
  // Locally, tokens from `npm run token` are signed with a secret kept beside the data.
  if (!env.JWKS_URL) env.JWT_SECRET = localSecret('JWT_SECRET', env);
  env.GATEWAY_SIGNING_SECRET = localSecret('GATEWAY_SIGNING_SECRET', env);
  const values = readSettings(startSettings, env);
  const database = await openDatabase(env);
  if (database.embedded) {
    logger.info(
      { dataDir: database.dataDir },
      'embedded PostgreSQL started; its data stays in this folder',
    );
  }
  const graph = await startGraph({
    databaseUrl: database.url,
    ports: {
      gateway: values.GATEWAY_PORT,
      membership: values.MEMBERSHIP_PORT,
      assessments: values.ASSESSMENTS_PORT,
      funding: values.FUNDING_PORT,
    },
    host: values.HOST,
    metricsPorts: {
      gateway: values.GATEWAY_METRICS_PORT,
      membership: values.MEMBERSHIP_METRICS_PORT,
      assessments: values.ASSESSMENTS_METRICS_PORT,
      funding: values.FUNDING_METRICS_PORT,
    },
    metricsHost: values.METRICS_HOST,
  }).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });

  const lines = [
    '',
    'Compact Graph is running.',
    `  gateway      ${graph.url}`,
    `  dashboard    ${new URL('/explore', graph.url).href}`,
    `  IDE          ${new URL('/', graph.url).href}`,
    ...Object.values(graph.subgraphs).map((s) => `  ${s.name.padEnd(12)} ${s.url}`),
    `  database     ${database.embedded ? `embedded PostgreSQL (PGlite), data in ${database.dataDir}` : 'DATABASE_URL'}`,
    'Prometheus metrics:',
    `  gateway      ${graph.metricsUrl}`,
    ...Object.values(graph.subgraphs).map((s) => `  ${s.name.padEnd(12)} ${s.metricsUrl}`),
    'Press Ctrl-C to stop.',
    '',
  ];
  process.stdout.write(lines.join('\n'));
  // graph.stop() drains in-flight requests first; the gateway runtime's handler would abort them.
  releaseRuntimeSignalHandlers();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    setTimeout(() => process.exit(1), 15_000).unref();
    await graph.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
