import { ConfigError } from './settings';
import { createDatabase, migrate } from './database';
import { createLogger } from './logger';
import { createServerFor } from './serve';
import type { SubgraphDefinition } from './subgraph';
import { readSubgraphConfig } from './subgraph-config';

/** How long in-flight requests get to finish on SIGTERM before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Runs one subgraph alone, as a deployment does: reads its configuration, applies pending
 * migrations, listens, and shuts down cleanly on SIGTERM or SIGINT.
 */
export async function runSubgraph(definition: SubgraphDefinition<unknown>): Promise<void> {
  const logger = createLogger(definition.name);
  try {
    const config = readSubgraphConfig(definition);
    logger.level = config.logLevel;
    if (!config.databaseUrl) {
      throw new ConfigError(
        'DATABASE_URL is required to run a subgraph alone (for example postgresql://postgres@127.0.0.1:5432/postgres). `npm start` runs the whole graph on an embedded database instead.',
      );
    }
    const database = {
      url: config.databaseUrl,
      schema: config.databaseSchema,
      entities: definition.entities,
      migrations: definition.migrations,
    };
    // Migrations run on the primary, without the statement timeout of the connections that serve:
    // one connection holds the advisory lock (migrate) while the other applies them.
    const { dataSource: setup } = createDatabase({ ...database, poolSize: 2 });
    await setup.initialize();
    try {
      const applied = await migrate(setup);
      if (applied.length) logger.info({ applied }, 'migrations applied');
    } finally {
      await setup.destroy();
    }
    const { dataSource } = createDatabase({
      ...database,
      replicaUrls: config.replicaUrls,
      poolSize: config.poolSize,
      statementTimeoutMs: config.statementTimeoutMs,
    });
    await dataSource.initialize();
    const peers = Object.fromEntries(
      Object.keys(definition.peers ?? {}).flatMap((name) => {
        const url = config.peerUrls[name];
        return url ? [[name, url]] : [];
      }),
    );
    const server = await createServerFor(definition, { db: dataSource, logger, peers, config });
    const url = await server.listen(config);
    logger.info({ url, metricsUrl: server.metricsUrl }, `${definition.name} subgraph ready`);

    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down');
      setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
      await server.stop();
      await dataSource.destroy();
      process.exit(0);
    };
    process.once('SIGTERM', () => void stop('SIGTERM'));
    process.once('SIGINT', () => void stop('SIGINT'));
  } catch (error) {
    logger.fatal(
      error instanceof ConfigError ? { reason: error.message } : { err: error },
      'could not start',
    );
    process.exit(1);
  }
}
