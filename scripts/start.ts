import 'reflect-metadata';
import { envInt, envPort, envString } from '../subgraphs/shared/src/env';
import { createLogger } from '../subgraphs/shared/src/logger';
import { openDatabase } from './lib/database-url';
import { localSecret } from './lib/local-secret';
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
      gateway: envInt(env, 'GATEWAY_PORT', 4000),
      membership: envInt(env, 'MEMBERSHIP_PORT', 4001),
      assessments: envInt(env, 'ASSESSMENTS_PORT', 4002),
      funding: envInt(env, 'FUNDING_PORT', 4003),
    },
    host: envString(env, 'HOST', '127.0.0.1'),
    metricsPorts: {
      gateway: envPort(env, 'GATEWAY_METRICS_PORT', 9090),
      membership: envPort(env, 'MEMBERSHIP_METRICS_PORT', 9091),
      assessments: envPort(env, 'ASSESSMENTS_METRICS_PORT', 9092),
      funding: envPort(env, 'FUNDING_METRICS_PORT', 9093),
    },
    metricsHost: envString(env, 'METRICS_HOST', '127.0.0.1'),
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
