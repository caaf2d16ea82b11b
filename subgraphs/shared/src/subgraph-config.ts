import { z } from 'zod';
import type { RateLimitConfig } from './protection/rate-limit-policy';
import { checkCommon, commonConfig, commonSettings, type CommonConfig } from './service-settings';
import { durationSeconds, readFamily, readSettings, secret, setting, type Env } from './settings';

/** Every variable a subgraph reads, besides the SUBGRAPH_<NAME>_URL of its peers. */
export const subgraphSettings = {
  ...commonSettings,
  PORT: setting.optional(),
  METRICS_PORT: setting.optional(),
  DATABASE_URL: secret(setting.url(['postgres', 'postgresql'])),
  DATABASE_REPLICA_URLS: secret(setting.list()),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, { error: 'must be a lower-case SQL identifier' })
    .optional(),
  DATABASE_POOL_SIZE: setting.int(10, { min: 1, max: 500 }),
  DATABASE_STATEMENT_TIMEOUT_MS: setting.int(4000),
  REQUEST_BUDGET_MS: setting.int(4000),
  IDEMPOTENCY_RETENTION_DAYS: setting.days(7, { max: 3650 }),
  COVERAGE_RECONCILE_INTERVAL: setting.duration('10m'),
  // The gateway's signature (signature-check.ts)
  GATEWAY_SIGNATURE_MAX_AGE: setting.duration('60s'),
  REDIS_KEY_PREFIX: setting.string('compact-graph:'),
};

/** A subgraph's peers are named by the same variables the gateway reads: `SUBGRAPH_<NAME>_URL`. */
export const subgraphFamilies = { peerUrl: /^SUBGRAPH_([A-Z0-9_]+)_URL$/ };

/**
 * Settings every subgraph reads from its environment, each with its variable named. The rate
 * limit's are the gateway's (`RATE_LIMIT_MAX`…), applied to the callers that reach the subgraph
 * directly; requests with the graph's signature are not limited.
 */
export interface SubgraphConfig
  extends Omit<CommonConfig, 'signingSecrets' | 'rateLimit'>, RateLimitConfig {
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
  /**
   * `IDEMPOTENCY_RETENTION_DAYS`: how long an idempotency key is honoured, in days (fractions
   * allowed, at most 3650): a retry after it is a new request, and a cleanup deletes the key.
   * @default 7
   */
  idempotencyRetentionMs: number;
  /**
   * `COVERAGE_RECONCILE_INTERVAL` (funding): how often assessments' copy of what projects address
   * is compared with funding's links and repaired (`3600`, `10m`, `1h`); `0` turns the schedule
   * off, leaving `npm run reconcile`. @default '10m'
   */
  coverageReconcileIntervalMs: number;
  /** The peers' URLs from `SUBGRAPH_<NAME>_URL`, replacing the definition's. @default none */
  peerUrls: Record<string, string>;
  /**
   * `GATEWAY_SIGNING_SECRET` and, during a rotation, `GATEWAY_SIGNING_SECRET_PREVIOUS`: the
   * gateway's signature, which makes a request trusted. @default none: no request is trusted
   */
  gatewaySigningSecrets: string[];
  /**
   * `GATEWAY_SIGNATURE_MAX_AGE`: how long after it was made a signature is accepted (`60s`, `2m`),
   * give or take `JWT_CLOCK_TOLERANCE`; a signed write's nonce is kept as long, and a replay
   * refused. From 1 s to 1 h. @default '60s'
   */
  gatewaySignatureMaxAgeMs: number;
  /**
   * `JWT_CLOCK_TOLERANCE`: how far this service's clock and another's may disagree, for the
   * tokens' times and the signature's alike. @default '30s'
   */
  clockToleranceMs: number;
  /**
   * `REDIS_KEY_PREFIX`: before every key the subgraph writes to Redis (signed writes' nonces),
   * one prefix per deployment sharing a Redis. @default 'compact-graph:'
   */
  redisKeyPrefix: string;
}

/** What a subgraph's settings default to. */
export interface SubgraphDefaults {
  /** Also the default PostgreSQL schema and the name in the supergraph. */
  name: string;
  defaultPort: number;
  /** Where its metrics listener listens unless `METRICS_PORT` says otherwise. */
  defaultMetricsPort: number;
}

/**
 * Reads every setting of a subgraph at once: the one place it reads its environment. A wrong
 * value stops it with a ConfigError that names each wrong variable, never showing a secret.
 */
export function readSubgraphConfig(
  { name, defaultPort, defaultMetricsPort }: SubgraphDefaults,
  env: Env = process.env,
): SubgraphConfig {
  const settings = {
    ...subgraphSettings,
    PORT: setting.port(defaultPort),
    METRICS_PORT: setting.port(defaultMetricsPort),
  };
  const values = readSettings(settings, env, (values, issue) => {
    checkCommon(values, issue);
    values.DATABASE_REPLICA_URLS.forEach((url, index) => {
      // The entry is not echoed: it may hold a password.
      if (!/^postgres(ql)?:\/\/./.test(url)) {
        issue(
          'DATABASE_REPLICA_URLS',
          `must be postgres or postgresql URLs separated by commas; entry ${index + 1} is not`,
        );
      }
    });
    if (values.DATABASE_REPLICA_URLS.length > 0 && !values.DATABASE_URL) {
      issue('DATABASE_REPLICA_URLS', 'needs DATABASE_URL, the primary they replicate');
    }
    // Zero would refuse every signature; a long window keeps more nonces and lets more replay.
    const maxAge = durationSeconds(values.GATEWAY_SIGNATURE_MAX_AGE);
    if (maxAge !== undefined && (maxAge < 1 || maxAge > 3600)) {
      issue('GATEWAY_SIGNATURE_MAX_AGE', 'must be from 1s to 1h');
    }
  });
  const { rateLimit, signingSecrets, ...common } = commonConfig(values, name);
  return {
    ...common,
    ...rateLimit,
    port: values.PORT,
    host: values.HOST,
    metricsPort: values.METRICS_PORT,
    metricsHost: values.METRICS_HOST,
    databaseUrl: values.DATABASE_URL,
    replicaUrls: values.DATABASE_REPLICA_URLS,
    databaseSchema: values.DATABASE_SCHEMA ?? name,
    poolSize: values.DATABASE_POOL_SIZE,
    statementTimeoutMs: values.DATABASE_STATEMENT_TIMEOUT_MS,
    requestBudgetMs: values.REQUEST_BUDGET_MS,
    gatewaySigningSecrets: signingSecrets,
    idempotencyRetentionMs: values.IDEMPOTENCY_RETENTION_DAYS,
    coverageReconcileIntervalMs: durationSeconds(values.COVERAGE_RECONCILE_INTERVAL)! * 1000,
    gatewaySignatureMaxAgeMs: durationSeconds(values.GATEWAY_SIGNATURE_MAX_AGE)! * 1000,
    clockToleranceMs: durationSeconds(values.JWT_CLOCK_TOLERANCE)! * 1000,
    redisKeyPrefix: values.REDIS_KEY_PREFIX,
    peerUrls: readFamily(env, subgraphFamilies.peerUrl, setting.url(['http', 'https'])) as Record<
      string,
      string
    >,
  };
}
