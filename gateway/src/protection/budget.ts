import type { GatewayPlugin, createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { getOperationAST, type ExecutionResult } from 'graphql';
import type { ProtectionConfig } from '../config';
import { transportFailure } from './failures';

type RuntimeOptions = Parameters<typeof createGatewayRuntime>[0];
type SubgraphCall = Parameters<NonNullable<GatewayPlugin['onSubgraphExecute']>>[0];
export type ExecutionRequest = SubgraphCall['executionRequest'];

/** When each request started, so its subgraph calls share one time budget. */
const started = new WeakMap<object, number>();

/** Starts the clock of a request's budget; the resilience plugin calls it as a request arrives. */
export function startBudget(request: object): void {
  started.set(request, Date.now());
}

/** What is left of the request's budget, in ms (the whole budget outside a request). */
export function remainingBudget(
  config: ProtectionConfig,
  executionRequest?: ExecutionRequest,
): number {
  const request = (executionRequest?.context as { request?: object } | undefined)?.request;
  const start = request ? started.get(request) : undefined;
  return start === undefined
    ? config.requestTimeoutMs
    : config.requestTimeoutMs - (Date.now() - start);
}

export function subgraphTimeout(config: ProtectionConfig, subgraph: string | undefined): number {
  return config.subgraphTimeouts[subgraph ?? ''] ?? config.subgraphTimeoutMs;
}

function isQuery(request: ExecutionRequest): boolean {
  return (request.operationType ?? getOperationAST(request.document)?.operation) === 'query';
}

function failedInTransport(result: unknown): boolean {
  if (Symbol.asyncIterator in Object(result)) return false;
  return ((result as ExecutionResult).errors ?? []).some((error) => transportFailure(error));
}

/**
 * The runtime's own retries: only queries are retried, on a transport failure or a 5xx/429, and
 * only while the request's budget lasts: a mutation whose answer was lost may have been applied,
 * so callers retry those themselves, with their idempotency key. Timeouts are the resilience
 * plugin's (resilience.ts says why not the runtime's).
 */
export function retryOptions(config: ProtectionConfig): Partial<RuntimeOptions> {
  return {
    upstreamRetry: ({ executionRequest }) =>
      config.retries > 0 && isQuery(executionRequest)
        ? {
            maxRetries: config.retries,
            retryDelay: config.retryDelayMs,
            retryDelayFactor: 1.5,
            shouldRetry: ({ executionRequest: request, executionResult, response }) =>
              remainingBudget(config, request) > config.retryDelayMs &&
              ((response !== undefined && (response.status >= 500 || response.status === 429)) ||
                failedInTransport(executionResult)),
          }
        : undefined,
  };
}
