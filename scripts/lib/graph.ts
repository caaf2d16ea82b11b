import type { DestinationStream } from 'pino';
import type { DataSource } from 'typeorm';
import { createGateway, type Gateway } from '../../gateway/src/server';
import { readGatewayConfig } from '../../gateway/src/config';
import { subgraphs } from '../../subgraphs';
import { processGeneration } from '../../subgraphs/shared/src/data-generation';
import { buildDataset } from '../../subgraphs/shared/src/dataset/build';
import { createDatabase, migrate } from '../../subgraphs/shared/src/database';
import { createLogger, type Logger } from '../../subgraphs/shared/src/logger';
import { startTracingFrom } from '../../subgraphs/shared/src/observability/tracing';
import { markSeeded, seededScale } from '../../subgraphs/shared/src/seeding';
import { createServerFor } from '../../subgraphs/shared/src/serve';
import { readSubgraphConfig } from '../../subgraphs/shared/src/subgraph-config';
import type { StatementCounter } from '../../subgraphs/shared/src/statements';
import type { SubgraphServer } from '../../subgraphs/shared/src/subgraph-server';

export interface GraphOptions {
  databaseUrl: string;
  /** Ports by service name (`gateway`, `membership`…); 0 picks a free one. */
  ports?: Partial<Record<string, number>>;
  host?: string;
  /**
   * Metrics listeners' ports by service name; 0 picks a free one.
   * @default each service's own (9090 for the gateway, 9091–9093 for the subgraphs)
   */
  metricsPorts?: Partial<Record<string, number>>;
  /** @default '127.0.0.1' */
  metricsHost?: string;
  /** Seed an empty database with the sample data set. @default true */
  seed?: boolean;
  supergraphPath?: string;
  logLevel?: string;
  /** Where every service writes its log lines. @default stdout */
  logDestination?: DestinationStream;
  poolSize?: number;
}

interface RunningSubgraph {
  name: string;
  url: string;
  metricsUrl: string;
  db: DataSource;
  statements: StatementCounter;
}

export interface RunningGraph {
  url: string;
  /** The gateway's metrics listener. */
  metricsUrl: string;
  subgraphs: Record<string, RunningSubgraph>;
  gateway: Gateway;
  stop(): Promise<void>;
}

/** Migrates every subgraph's schema and seeds the ones that were never seeded. */
export async function prepareDatabases(
  databases: { name: string; db: DataSource; seed: (db: DataSource) => Promise<void> }[],
  { seed, scale = 1, logger }: { seed: boolean; scale?: number; logger: Logger },
): Promise<void> {
  for (const { name, db, seed: seedOne } of databases) {
    const applied = await migrate(db);
    if (applied.length) logger.info({ subgraph: name, applied }, 'migrations applied');
    if (seed && (await seededScale(db)) === null) {
      await seedOne(db);
      await markSeeded(db, scale);
      logger.info({ subgraph: name }, 'sample data seeded');
    }
  }
}

/**
 * Starts the three subgraphs and the gateway in this process, over real HTTP, on one database
 * server (one schema each). Used by `npm start` and by the end-to-end tests.
 */
export async function startGraph(options: GraphOptions): Promise<RunningGraph> {
  // One process, one trace resource: its spans tell the services apart by tracer name.
  const { tracing, logLevel } = readGatewayConfig({
    OTEL_SERVICE_NAME: 'compact-graph',
    ...process.env,
  });
  const log = (service: string) =>
    createLogger(service, options.logLevel ?? logLevel, options.logDestination);
  const logger = log('graph');
  startTracingFrom(tracing, logger);
  const host = options.host ?? '127.0.0.1';
  const metricsHost = options.metricsHost ?? '127.0.0.1';
  const servers: SubgraphServer[] = [];
  const dataSources: DataSource[] = [];
  const running: Record<string, RunningSubgraph> = {};
  try {
    // Migrations and seeding may take longer than any request should: they run on data sources
    // of their own, without the statement timeout of those that serve.
    const setup = subgraphs.map((definition) => ({
      definition,
      db: createDatabase({
        url: options.databaseUrl,
        schema: definition.name,
        entities: definition.entities,
        migrations: definition.migrations,
        poolSize: 2,
      }).dataSource,
    }));
    try {
      for (const { db } of setup) await db.initialize();
      await prepareDatabases(
        setup.map(({ definition, db }) => ({
          name: definition.name,
          db,
          seed: (target) => definition.seed(target, buildDataset()),
        })),
        { seed: options.seed ?? true, logger },
      );
    } finally {
      await Promise.all(setup.filter(({ db }) => db.isInitialized).map(({ db }) => db.destroy()));
    }
    const databases = subgraphs.map((definition) => {
      const { dataSource, statements } = createDatabase({
        url: options.databaseUrl,
        schema: definition.name,
        entities: definition.entities,
        migrations: definition.migrations,
        poolSize: options.poolSize,
        statementTimeoutMs: readSubgraphConfig(definition, process.env).statementTimeoutMs,
      });
      dataSources.push(dataSource);
      return { definition, db: dataSource, statements };
    });
    for (const db of dataSources) await db.initialize();
    for (const { definition, db, statements } of databases) {
      const server = await createServerFor(definition, {
        db,
        logger: log(definition.name),
        // Subgraphs start in order, so those a subgraph asks are already listening.
        peers: Object.fromEntries(Object.values(running).map((s) => [s.name, s.url])),
      });
      servers.push(server);
      const url = await server.listen({
        port: options.ports?.[definition.name] ?? definition.defaultPort,
        host,
        metricsPort: options.metricsPorts?.[definition.name] ?? definition.defaultMetricsPort,
        metricsHost,
      });
      running[definition.name] = {
        name: definition.name,
        url,
        metricsUrl: server.metricsUrl!,
        db,
        statements,
      };
    }
    const gatewayConfig = readGatewayConfig({
      ...process.env,
      PORT: String(options.ports?.gateway ?? 4000),
      HOST: host,
      METRICS_PORT: String(options.metricsPorts?.gateway ?? 9090),
      METRICS_HOST: metricsHost,
      LOG_LEVEL: options.logLevel ?? process.env.LOG_LEVEL,
      ...(options.supergraphPath ? { SUPERGRAPH_PATH: options.supergraphPath } : {}),
      ...Object.fromEntries(
        Object.values(running).map((s) => [`SUBGRAPH_${s.name.toUpperCase()}_URL`, s.url]),
      ),
    });
    const gateway = createGateway(gatewayConfig, {
      logger: log('gateway'),
      inProcessGeneration: processGeneration,
    });
    const url = await gateway.listen();
    return {
      url,
      metricsUrl: gateway.metricsUrl!,
      subgraphs: running,
      gateway,
      async stop() {
        await gateway.stop();
        await stopAll(servers, dataSources);
      },
    };
  } catch (error) {
    await stopAll(servers, dataSources);
    throw error;
  }
}

async function stopAll(servers: SubgraphServer[], dataSources: DataSource[]): Promise<void> {
  await Promise.allSettled(servers.map((server) => server.stop()));
  await Promise.allSettled(dataSources.filter((db) => db.isInitialized).map((db) => db.destroy()));
}
