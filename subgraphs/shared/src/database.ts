import { DataSource, type MixedList, type EntitySchema, type ReplicationMode } from 'typeorm';
import { currentRequest } from './observability/request-scope';
import { StatementCounter } from './statements';

export interface DatabaseOptions {
  /** PostgreSQL connection URL: the primary when there are replicas. */
  url: string;
  /**
   * Read replicas of `url` (streaming replication). The reads of query operations go to one of
   * them; writes, transactions and every read of a mutation stay on the primary.
   */
  replicaUrls?: readonly string[];
  /** The PostgreSQL schema the subgraph owns; it never reads or writes another. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  /** @default 10 */
  poolSize?: number;
  /** Name shown in `pg_stat_activity`. */
  applicationName?: string;
  /**
   * PostgreSQL's `statement_timeout` for every connection, in ms; for data sources that serve
   * requests, not those that migrate or seed. @default none
   */
  statementTimeoutMs?: number;
}

export interface Database {
  dataSource: DataSource;
  statements: StatementCounter;
}

/** A TypeORM data source on one schema. Tables change only through migrations. */
export function createDatabase(options: DatabaseOptions): Database {
  const statements = new StatementCounter();
  const replicas = options.replicaUrls ?? [];
  const dataSource = new DataSource({
    type: 'postgres',
    ...(replicas.length
      ? {
          replication: {
            master: { url: options.url },
            slaves: replicas.map((url) => ({ url })),
            defaultMode: 'master' as const,
          },
        }
      : { url: options.url }),
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    logger: statements,
    poolSize: options.poolSize ?? 10,
    extra: {
      application_name: options.applicationName ?? `compact-graph-${options.schema}`,
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: 30_000,
      ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    },
  });
  if (replicas.length) {
    // TypeORM asks this for each SELECT it builds outside a transaction. A mutation's answer is
    // read on the primary: a replica that lags would show the state before the write.
    dataSource.defaultReplicationModeForReads = (): ReplicationMode =>
      currentRequest()?.operationType === 'query' ? 'slave' : 'master';
  }
  return { dataSource, statements };
}

/**
 * Creates the subgraph's schema and applies pending migrations. An advisory lock keeps two
 * replicas that start together from migrating at once.
 */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const schema = dataSource.driver.schema ?? 'public';
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`compact-graph:${schema}`]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`compact-graph:${schema}`]);
    await runner.release();
  }
}
