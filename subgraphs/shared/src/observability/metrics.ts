import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { StatementCounter } from '../statements';

/** Seconds; from a 5 ms lookup to a 10 s report. */
export const DURATION_BUCKETS: [number, ...number[]] = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

/**
 * A registry of one service instance, with the process metrics and a `service` label. Each
 * service has its own: `npm start` and the tests run several in one process.
 */
export function createRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}

/**
 * `operationName` and `operationType` as the gateway's metrics name them, so one dashboard query
 * covers every service; `rootFields` tells apart the gateway's calls, which are all anonymous
 * (`_entities`, `assessments`…).
 */
type OperationLabels = 'operationName' | 'operationType' | 'rootFields';

export interface OperationMetrics {
  requests: Counter<OperationLabels>;
  errors: Counter<OperationLabels | 'code'>;
  duration: Histogram<OperationLabels>;
  queryDuration: Histogram<'operation' | 'outcome'>;
}

export function operationMetrics(registry: Registry): OperationMetrics {
  const registers = [registry];
  return {
    requests: new Counter({
      name: 'graphql_subgraph_requests_total',
      help: 'GraphQL requests this subgraph served, by operation',
      labelNames: ['operationName', 'operationType', 'rootFields'],
      registers,
    }),
    errors: new Counter({
      name: 'graphql_subgraph_errors_total',
      help: 'GraphQL errors in this subgraph’s responses, by operation and error code',
      labelNames: ['operationName', 'operationType', 'rootFields', 'code'],
      registers,
    }),
    duration: new Histogram({
      name: 'graphql_subgraph_request_duration_seconds',
      help: 'Time from receiving a GraphQL request to sending its response, by operation',
      labelNames: ['operationName', 'operationType', 'rootFields'],
      buckets: DURATION_BUCKETS,
      registers,
    }),
    queryDuration: new Histogram({
      name: 'db_query_duration_seconds',
      help: 'Time PostgreSQL took to answer each SQL statement, by statement kind and outcome',
      labelNames: ['operation', 'outcome'],
      buckets: [0.001, ...DURATION_BUCKETS],
      registers,
    }),
  };
}

/** The `pg` pool behind a TypeORM data source; TypeORM types it loosely. */
interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options: { max?: number };
}

interface PostgresDriverPools {
  master?: PgPool;
  slaves?: PgPool[];
}

/** The primary's pool and each replica's, as they are when metrics are read. */
export function databasePools(db: DataSource): Record<string, PgPool> {
  const driver = db.driver as unknown as PostgresDriverPools;
  const pools: Record<string, PgPool> = {};
  if (driver.master) pools.primary = driver.master;
  driver.slaves?.forEach((pool, index) => (pools[`replica${index + 1}`] = pool));
  return pools;
}

/**
 * Gauges of the database pool (read when Prometheus scrapes) and the count of SQL statements the
 * subgraph has sent.
 */
export function databaseMetrics(registry: Registry, db: DataSource): void {
  const registers = [registry];
  const gauge = (name: string, help: string, read: (pool: PgPool) => number | undefined) =>
    new Gauge({
      name,
      help,
      labelNames: ['pool'],
      registers,
      collect() {
        this.reset();
        for (const [pool, stats] of Object.entries(databasePools(db))) {
          const value = read(stats);
          if (value !== undefined) this.set({ pool }, value);
        }
      },
    });
  gauge('db_pool_connections', 'Connections open in the pool', (pool) => pool.totalCount);
  gauge('db_pool_idle_connections', 'Open connections not in use', (pool) => pool.idleCount);
  gauge('db_pool_waiting_requests', 'Queries waiting for a free connection', (p) => p.waitingCount);
  gauge('db_pool_max_connections', 'The most connections the pool opens', (p) => p.options.max);

  const statements = db.logger;
  if (statements instanceof StatementCounter) {
    new Counter({
      name: 'db_statements_total',
      help: 'SQL statements this subgraph has sent',
      registers,
      collect() {
        this.reset();
        this.inc(statements.count);
      },
    });
  }
}
