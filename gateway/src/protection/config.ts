import { envBool, envInt, envOptional, envString } from '../../../subgraphs/shared/src/env';
import {
  readOperationLimits,
  type OperationLimits,
} from '../../../subgraphs/shared/src/protection/limits';
import {
  readRateLimitConfig,
  type RateLimitConfig,
} from '../../../subgraphs/shared/src/protection/rate-limit-policy';

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

const SUBGRAPH_TIMEOUT = /^SUBGRAPH_([A-Z0-9_]+)_TIMEOUT_MS$/;

export function readProtectionConfig(env: Record<string, string | undefined>): ProtectionConfig {
  const subgraphTimeouts: Record<string, number> = {};
  for (const name of Object.keys(env)) {
    const match = SUBGRAPH_TIMEOUT.exec(name);
    if (match && envOptional(env, name)) {
      subgraphTimeouts[match[1].toLowerCase()] = envInt(env, name, 0, { min: 1 });
    }
  }
  const origins = envString(env, 'CORS_ORIGINS', '');
  return {
    limits: readOperationLimits(env),
    maxBodyBytes: envInt(env, 'MAX_BODY_BYTES', 1_048_576, { min: 1024 }),
    maxBatchOperations: envInt(env, 'MAX_BATCH_OPERATIONS', 10, { max: 1000 }),
    introspection: envBool(env, 'INTROSPECTION', true),
    csrfPrevention: envBool(env, 'CSRF_PREVENTION', true),
    corsOrigins: origins
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    subgraphTimeoutMs: envInt(env, 'SUBGRAPH_TIMEOUT_MS', 5000, { min: 1 }),
    subgraphTimeouts,
    requestTimeoutMs: envInt(env, 'REQUEST_TIMEOUT_MS', 15_000, { min: 1 }),
    retries: envInt(env, 'SUBGRAPH_RETRIES', 1, { max: 10 }),
    retryDelayMs: envInt(env, 'SUBGRAPH_RETRY_DELAY_MS', 100),
    breakerFailures: envInt(env, 'CIRCUIT_BREAKER_FAILURES', 5),
    breakerProbeMs: envInt(env, 'CIRCUIT_BREAKER_PROBE_MS', 1000, { min: 10 }),
    ...readRateLimitConfig(env),
  };
}
