import { resolve } from 'node:path';
import type { OperationLimits } from '../../subgraphs/shared/src/protection/limits';
import type { RateLimitConfig } from '../../subgraphs/shared/src/protection/rate-limit-policy';
import {
  checkCommon,
  commonConfig,
  commonSettings,
  type CommonConfig,
} from '../../subgraphs/shared/src/service-settings';
import { readFamily, readSettings, setting, type Env } from '../../subgraphs/shared/src/settings';

const KIB = 1024;
const MIB = 1024 * KIB;

/** Every variable the gateway reads, besides the SUBGRAPH_<NAME>_… families below. */
export const gatewaySettings = {
  ...commonSettings,
  PORT: setting.port(4000),
  METRICS_PORT: setting.port(9090),
  SUPERGRAPH_PATH: setting.string('schema/supergraph.graphql'),
  SUPERGRAPH_POLL_INTERVAL_MS: setting.int(0),
  EXPLORE_DIR: setting.string('dist/explore'),
  // Protection (gateway/src/protection.ts)
  MAX_BATCH_OPERATIONS: setting.int(10, { max: 1000 }),
  CSRF_PREVENTION: setting.bool(true),
  CORS_ORIGINS: setting.list(),
  SUBGRAPH_TIMEOUT_MS: setting.int(5000, { min: 1 }),
  REQUEST_TIMEOUT_MS: setting.int(15_000, { min: 1 }),
  SUBGRAPH_RETRIES: setting.int(1, { max: 10 }),
  SUBGRAPH_RETRY_DELAY_MS: setting.int(100),
  CIRCUIT_BREAKER_FAILURES: setting.int(5),
  CIRCUIT_BREAKER_PROBE_MS: setting.int(1000, { min: 10 }),
  // Performance (gateway/src/performance.ts)
  RESPONSE_CACHE_TTL_MS: setting.int(0, { max: 86_400_000 }),
  RESPONSE_CACHE_SIZE: setting.int(10_000, { min: 1 }),
  RESPONSE_CACHE_MAX_BYTES: setting.int(32 * MIB, { min: 64 * KIB }),
  REDIS_KEY_PREFIX: setting.string('compact-graph:'),
  APQ_STORE_SIZE: setting.int(1000, { min: 1 }),
  APQ_STORE_MAX_BYTES: setting.int(8 * MIB, { min: 64 * KIB }),
  APQ_REGISTRATIONS_PER_MINUTE: setting.int(60),
  DOCUMENT_CACHE_MAX_BYTES: setting.int(32 * MIB, { min: 64 * KIB }),
  COMPRESSION: setting.bool(true),
};

/** Variables named after a subgraph: `SUBGRAPH_FUNDING_URL`, `SUBGRAPH_FUNDING_TIMEOUT_MS`. */
export const gatewayFamilies = {
  url: /^SUBGRAPH_([A-Z0-9_]+)_URL$/,
  timeout: /^SUBGRAPH_([A-Z0-9_]+)_TIMEOUT_MS$/,
};

/** How the gateway protects itself and its subgraphs; each setting names its variable. */
export interface ProtectionConfig extends RateLimitConfig {
  limits: OperationLimits;
  /** `MAX_BODY_BYTES`: largest request body. @default 1048576 */
  maxBodyBytes: number;
  /** `MAX_BATCH_OPERATIONS`: operations in one batched request; 0 refuses batches. @default 10 */
  maxBatchOperations: number;
  /**
   * `INTROSPECTION`: serve introspection queries (analysts' IDE uses them); when false, errors
   * do not suggest names ("Did you mean …?") either. @default true
   */
  introspection: boolean;
  /**
   * `CSRF_PREVENTION`: refuse form and text POSTs (which a browser sends cross-site without a
   * preflight) unless they carry `x-graphql-csrf` or `apollo-require-preflight`. @default true
   */
  csrfPrevention: boolean;
  /**
   * `CORS_ORIGINS`: comma-separated origins browsers may call from, or `*` for any. Empty
   * allows none (same-origin only). @default ''
   */
  corsOrigins: string[];
  /** `SUBGRAPH_TIMEOUT_MS`, or `SUBGRAPH_<NAME>_TIMEOUT_MS` for one subgraph. @default 5000 */
  subgraphTimeoutMs: number;
  subgraphTimeouts: Record<string, number>;
  /**
   * `REQUEST_TIMEOUT_MS`: the budget for all of one request's subgraph calls; a call never waits
   * past it, so a slow subgraph bounds the answer, it does not hold it. @default 15000
   */
  requestTimeoutMs: number;
  /** `SUBGRAPH_RETRIES`: extra attempts for a failed query (never a mutation). @default 1 */
  retries: number;
  /** `SUBGRAPH_RETRY_DELAY_MS`: wait before the first retry (×1.5 each next). @default 100 */
  retryDelayMs: number;
  /**
   * `CIRCUIT_BREAKER_FAILURES`: consecutive failed calls after which a subgraph is not called
   * until a probe finds it back; 0 turns the breaker off. @default 5
   */
  breakerFailures: number;
  /** `CIRCUIT_BREAKER_PROBE_MS`: how often an open breaker probes its subgraph. @default 1000 */
  breakerProbeMs: number;
}

/** Speed that costs no correctness (gateway/src/performance.ts). */
interface PerformanceConfig {
  /** `RESPONSE_CACHE_TTL_MS`: how long an answer is cached; 0 turns the cache off. @default 0 */
  responseCacheTtlMs: number;
  /**
   * `RESPONSE_CACHE_SIZE`: answers one replica's response cache keeps when REDIS_URL is unset.
   * @default 10000
   */
  responseCacheSize: number;
  /**
   * `RESPONSE_CACHE_MAX_BYTES`: the estimated memory of one replica's response cache when
   * REDIS_URL is unset, the oldest answers dropped first; an answer over a sixteenth of it is not
   * cached. A second bound beside the entries. @default 33554432 (32 MiB)
   */
  responseCacheMaxBytes: number;
  /** `REDIS_URL`: with it, the response cache is in Redis, shared by every replica. */
  redisUrl: string | undefined;
  /** `REDIS_KEY_PREFIX`: before every key the gateway's cache writes. @default 'compact-graph:' */
  redisKeyPrefix: string;
  /** `APQ_STORE_SIZE`: operations kept for automatic persisted queries. @default 1000 */
  apqStoreSize: number;
  /**
   * `APQ_STORE_MAX_BYTES`: the memory of the registered operations' text (2 bytes a character at
   * most), the least recently used dropped first; the example operations are not counted.
   * @default 8388608 (8 MiB)
   */
  apqStoreMaxBytes: number;
  /**
   * `APQ_REGISTRATIONS_PER_MINUTE`: documents one caller (verified token subject, else address)
   * may register for automatic persisted queries each minute; 0 turns the limit off. @default 60
   */
  apqRegistrationsPerMinute: number;
  /**
   * `DOCUMENT_CACHE_MAX_BYTES`: the estimated memory of the parsed documents kept to skip parsing
   * and validating them again (their validation results and query plans go with them).
   * @default 33554432 (32 MiB)
   */
  documentCacheMaxBytes: number;
  /** `COMPRESSION`: compress responses for clients that accept it. @default true */
  compression: boolean;
}

/**
 * The gateway's settings, read once from the environment; each names its variable. Those of
 * one feature are in its own part (`protection`, `performance`), each value in one place.
 */
export interface GatewayConfig extends Pick<
  CommonConfig,
  'logLevel' | 'exposeErrorDetails' | 'auth' | 'tracing'
> {
  /** `PORT` @default 4000 */
  port: number;
  /** `HOST` @default '0.0.0.0' */
  host: string;
  /** `METRICS_PORT`: where Prometheus scrapes `/metrics`. @default 9090 */
  metricsPort: number;
  /**
   * `METRICS_HOST`: the metrics listener's address; metrics name callers' operations and the
   * subgraphs' URLs, so only the operator's network may reach it. @default '127.0.0.1'
   */
  metricsHost: string;
  /** `SUPERGRAPH_PATH`: any valid Federation 2 supergraph. @default 'schema/supergraph.graphql' */
  supergraphPath: string;
  /**
   * Subgraph URLs that replace those in the supergraph, from `SUBGRAPH_<NAME>_URL` (for example
   * `SUBGRAPH_FUNDING_URL`), so one supergraph file serves every deployment.
   */
  subgraphUrls: Record<string, string>;
  /**
   * `SUPERGRAPH_POLL_INTERVAL_MS`: also re-read the file on this interval, for file systems
   * where change events do not arrive (some network mounts). 0 turns polling off. @default 0
   */
  supergraphPollMs: number;
  /**
   * `EXPLORE_DIR`: the dashboard's built files (`npm run build` writes them), served at `/explore`.
   * @default 'dist/explore'
   */
  exploreDir: string;
  /**
   * `GATEWAY_SIGNING_SECRET`: the secret every subgraph request is signed with, shared with the
   * subgraphs (docs/deploy.md, Secrets). @default none: requests are not signed, and subgraphs trust
   * them no more than a partner agency's
   */
  signingSecret: string | undefined;
  protection: ProtectionConfig;
  performance: PerformanceConfig;
}

/**
 * Reads every setting of the gateway at once: the one place it reads its environment. A wrong
 * value stops it with a ConfigError that names each wrong variable.
 */
export function readGatewayConfig(env: Env = process.env): GatewayConfig {
  const values = readSettings(gatewaySettings, env, checkCommon);
  const common = commonConfig(values, 'gateway');
  const subgraphUrls = readFamily(env, gatewayFamilies.url, setting.url(['http', 'https']));
  return {
    logLevel: common.logLevel,
    exposeErrorDetails: common.exposeErrorDetails,
    auth: common.auth,
    tracing: common.tracing,
    port: values.PORT,
    host: values.HOST,
    metricsPort: values.METRICS_PORT,
    metricsHost: values.METRICS_HOST,
    supergraphPath: resolve(values.SUPERGRAPH_PATH),
    subgraphUrls: subgraphUrls as Record<string, string>,
    supergraphPollMs: values.SUPERGRAPH_POLL_INTERVAL_MS,
    exploreDir: resolve(values.EXPLORE_DIR),
    signingSecret: common.signingSecrets[0],
    protection: {
      ...common.rateLimit,
      limits: common.limits,
      maxBodyBytes: common.maxBodyBytes,
      introspection: common.introspection,
      maxBatchOperations: values.MAX_BATCH_OPERATIONS,
      csrfPrevention: values.CSRF_PREVENTION,
      corsOrigins: values.CORS_ORIGINS,
      subgraphTimeoutMs: values.SUBGRAPH_TIMEOUT_MS,
      subgraphTimeouts: readFamily(env, gatewayFamilies.timeout, setting.int(1, { min: 1 })),
      requestTimeoutMs: values.REQUEST_TIMEOUT_MS,
      retries: values.SUBGRAPH_RETRIES,
      retryDelayMs: values.SUBGRAPH_RETRY_DELAY_MS,
      breakerFailures: values.CIRCUIT_BREAKER_FAILURES,
      breakerProbeMs: values.CIRCUIT_BREAKER_PROBE_MS,
    },
    performance: {
      responseCacheTtlMs: values.RESPONSE_CACHE_TTL_MS,
      responseCacheSize: values.RESPONSE_CACHE_SIZE,
      responseCacheMaxBytes: values.RESPONSE_CACHE_MAX_BYTES,
      redisUrl: values.REDIS_URL,
      redisKeyPrefix: values.REDIS_KEY_PREFIX,
      apqStoreSize: values.APQ_STORE_SIZE,
      apqStoreMaxBytes: values.APQ_STORE_MAX_BYTES,
      apqRegistrationsPerMinute: values.APQ_REGISTRATIONS_PER_MINUTE,
      documentCacheMaxBytes: values.DOCUMENT_CACHE_MAX_BYTES,
      compression: values.COMPRESSION,
    },
  };
}
