import { ConfigError, envBool, envInt, envOptional, envPort, envString, envUrl } from './env';
import { readSigningSecrets } from './gateway-signature';
import { readRateLimitConfig, type RateLimitConfig } from './protection/rate-limit-policy';
import type { SubgraphDefinition } from './subgraph';

/**
 * Settings every subgraph reads from its environment, each with its variable named. The rate
 * limit's are the gateway's (`RATE_LIMIT_MAX`…), applied to the callers that reach the subgraph
 * directly; requests with the graph's signature are not limited.
 */
export interface SubgraphConfig extends RateLimitConfig {
  /** `PORT` @default the subgraph's own port (4001–4003) */
  port: number;
  /** `HOST` @default '0.0.0.0' */
  host: string;
  /** `METRICS_PORT`: where Prometheus scrapes `/metrics`. @default the subgraph's own (9091–9093) */
  metricsPort: number;
  /**
   * `METRICS_HOST`: the metrics listener's address; metrics name operations and peers, so only
   * the operator's network may reach it. @default '127.0.0.1'
   */
  metricsHost: string;
  /** `DATABASE_URL`: PostgreSQL server; required when the subgraph runs alone. */
  databaseUrl: string | undefined;
  /**
   * `DATABASE_REPLICA_URLS`: read replicas of DATABASE_URL, comma-separated; query operations
   * read from them. @default none
   */
  replicaUrls: string[];
  /** `DATABASE_SCHEMA` @default the subgraph's name */
  databaseSchema: string;
  /** `DATABASE_POOL_SIZE` @default 10 */
  poolSize: number;
  /**
   * `DATABASE_STATEMENT_TIMEOUT_MS`: PostgreSQL's `statement_timeout` on every connection that
   * serves requests (migrations and seeding run without it); 0 turns it off. @default 4000
   */
  statementTimeoutMs: number;
  /**
   * `REQUEST_BUDGET_MS`: how long one request may hold the subgraph. Past it the caller gets
   * `REQUEST_TIMEOUT` and the request's next SQL statement is refused, so a write is rolled
   * back, never half done. Below the gateway's SUBGRAPH_TIMEOUT_MS (5000), so that the gateway
   * hears why. 0 turns it off. @default 4000
   */
  requestBudgetMs: number;
  /** `EXPOSE_ERROR_DETAILS`: stack traces and internal messages in responses. @default false */
  exposeErrorDetails: boolean;
  /** `INTROSPECTION`; when false, errors do not suggest names either. @default true */
  introspection: boolean;
  /** `MAX_BODY_BYTES` @default 1048576 */
  maxBodyBytes: number;
  /**
   * `GATEWAY_SIGNING_SECRET` and, during a rotation, `GATEWAY_SIGNING_SECRET_PREVIOUS`: the
   * gateway's signature, which makes a request trusted. @default none: no request is trusted
   */
  gatewaySigningSecrets: string[];
}

/** What a subgraph's settings default to. */
export type SubgraphDefaults = Pick<
  SubgraphDefinition,
  'name' | 'defaultPort' | 'defaultMetricsPort'
>;

export function readSubgraphConfig(
  { name, defaultPort, defaultMetricsPort }: SubgraphDefaults,
  env: Record<string, string | undefined> = process.env,
): SubgraphConfig {
  const schema = envString(env, 'DATABASE_SCHEMA', name);
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) {
    throw new Error(`DATABASE_SCHEMA must be a lower-case SQL identifier; got "${schema}"`);
  }
  return {
    port: envPort(env, 'PORT', defaultPort),
    host: envString(env, 'HOST', '0.0.0.0'),
    metricsPort: envPort(env, 'METRICS_PORT', defaultMetricsPort),
    metricsHost: envString(env, 'METRICS_HOST', '127.0.0.1'),
    databaseUrl: envUrl(env, 'DATABASE_URL', ['postgres', 'postgresql']),
    replicaUrls: readReplicaUrls(env),
    databaseSchema: schema,
    poolSize: envInt(env, 'DATABASE_POOL_SIZE', 10, { min: 1, max: 500 }),
    statementTimeoutMs: envInt(env, 'DATABASE_STATEMENT_TIMEOUT_MS', 4000),
    requestBudgetMs: envInt(env, 'REQUEST_BUDGET_MS', 4000),
    exposeErrorDetails: envBool(env, 'EXPOSE_ERROR_DETAILS', false),
    introspection: envBool(env, 'INTROSPECTION', true),
    maxBodyBytes: envInt(env, 'MAX_BODY_BYTES', 1_048_576, { min: 1024 }),
    gatewaySigningSecrets: readSigningSecrets(env),
    ...readRateLimitConfig(env),
  };
}

function readReplicaUrls(env: Record<string, string | undefined>): string[] {
  const urls = (envOptional(env, 'DATABASE_REPLICA_URLS') ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
  urls.forEach((url, index) => {
    // The entry is not echoed: it may hold a password.
    if (!/^postgres(ql)?:\/\/./.test(url)) {
      throw new ConfigError(
        `DATABASE_REPLICA_URLS must be postgres or postgresql URLs separated by commas; entry ${index + 1} is not`,
      );
    }
  });
  if (urls.length && !env.DATABASE_URL?.trim()) {
    throw new ConfigError('DATABASE_REPLICA_URLS needs DATABASE_URL, the primary they replicate');
  }
  return urls;
}
