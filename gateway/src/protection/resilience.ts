import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { isBrokenCircuitError } from 'cockatiel';
import type { ExecutionResult } from 'graphql';
import type { Logger } from '../../../subgraphs/shared/src/logger';
import { remainingBudget, startBudget, subgraphTimeout, type ExecutionRequest } from './budget';
import { CircuitBreaker, type Verdict } from './circuit-breaker';
import type { ProtectionConfig } from '../config';
import {
  circuitOpenError,
  missingParts,
  placed,
  subgraphError,
  transportFailure,
  type Failure,
} from './failures';

type SubgraphCall = Parameters<NonNullable<GatewayPlugin['onSubgraphExecute']>>[0];
type Executor = SubgraphCall['executor'];
type Answer = Awaited<ReturnType<Executor>>;
type Outcome = { result: Answer } | { error: unknown };

/** Runs a call, retries included; the fetch hook below bounds each of its HTTP requests. */
async function settle(executor: Executor, request: ExecutionRequest): Promise<Outcome> {
  try {
    return { result: await executor(request) };
  } catch (error) {
    return { error };
  }
}

async function probe(url: string, timeoutMs: number): Promise<boolean> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"query":"{ __typename }"}',
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await response.json()) as { data?: { __typename?: string } };
  return response.ok && body.data?.__typename === 'Query';
}

function breakers(config: ProtectionConfig, logger: Logger) {
  const bySubgraph = new Map<string, CircuitBreaker>();
  return {
    for(subgraph: string, url: string | undefined): CircuitBreaker | undefined {
      if (config.breakerFailures <= 0 || !url) return undefined;
      let breaker = bySubgraph.get(subgraph);
      if (!breaker) {
        breaker = new CircuitBreaker({
          failures: config.breakerFailures,
          probeMs: config.breakerProbeMs,
          probe: () => probe(url, Math.min(subgraphTimeout(config, subgraph), 2000)),
          onChange: (state, detail) =>
            state === 'open'
              ? logger.warn(
                  { subgraph, failures: detail.failures },
                  `circuit opened: the ${subgraph} subgraph is not called until a probe finds it back`,
                )
              : logger.info(
                  { subgraph, openForMs: detail.openForMs },
                  `circuit closed: the ${subgraph} subgraph answers again`,
                ),
        });
        bySubgraph.set(subgraph, breaker);
      }
      return breaker;
    },
    dispose() {
      for (const breaker of bySubgraph.values()) breaker.dispose();
    },
  };
}

/**
 * Turns a subgraph that is down, slow or failing into a partial answer: the others' data plus
 * an error that names the subgraph, at the first place of each field it would have answered
 * (the query planner turns that into a path in the answer), within the request's time
 * budget. A circuit breaker per subgraph stops calling one that keeps failing and probes it back.
 * It wraps the runtime's retry, so a call counts once however often it was retried.
 *
 * Each HTTP request to a subgraph is aborted at its subgraph's timeout or at the end of the
 * request's budget, whichever is first. The runtime's own timeout (`upstreamTimeout`) does the
 * same through a combined signal that the HTTP executor combines again with its long-lived
 * dispose signal; the listeners that leaves on that one signal go only when the garbage
 * collector finds them, and under load every new call walks thousands of them. Measured on the
 * benchmark's mix, that cost a fifth of the gateway's CPU time; one signal per fetch costs
 * nothing like it.
 */
export function useSubgraphResilience(config: ProtectionConfig, logger: Logger): GatewayPlugin {
  const circuits = breakers(config, logger);
  const subgraphAt = new Map<string, string>();
  return {
    onRequest({ request }) {
      startBudget(request);
    },
    onFetch({ url, executionRequest, fetchFn, setFetchFn }) {
      const ms = Math.max(
        1,
        Math.min(
          subgraphTimeout(config, subgraphAt.get(url)),
          remainingBudget(config, executionRequest),
        ),
      );
      // The timer runs until the answer's headers arrive; a subgraph writes its answer, a few
      // kilobytes, at once with them.
      setFetchFn((input, init, ...rest) => {
        const controller = new AbortController();
        const timer = setTimeout(
          () => controller.abort(new DOMException(`no answer within ${ms} ms`, 'TimeoutError')),
          ms,
        );
        return Promise.resolve(
          fetchFn(input, { ...init, signal: controller.signal }, ...rest),
        ).finally(() => clearTimeout(timer));
      });
    },
    onSubgraphExecute({ subgraphName, transportEntry, executor, setExecutor }) {
      if (transportEntry?.location) subgraphAt.set(transportEntry.location, subgraphName);
      const breaker = circuits.for(subgraphName, transportEntry?.location);
      const timeoutMs = subgraphTimeout(config, subgraphName);
      const resilient = async (request: ExecutionRequest) => {
        const parts = () => missingParts(request.document, request.variables);
        const budget = remainingBudget(config, request);
        if (budget <= 0) {
          return {
            errors: placed(
              subgraphError(subgraphName, 'timeout', config.requestTimeoutMs),
              parts(),
            ),
          };
        }
        const error = (failure: Failure) =>
          subgraphError(subgraphName, failure, Math.min(budget, timeoutMs));
        // A call cut short by the request's budget, not its own timeout, is not its fault.
        const verdict = (failure: Failure): Verdict =>
          failure !== 'timeout' || budget >= timeoutMs ? 'failed' : 'neither';
        const call = async (): Promise<{ answer: Answer; verdict: Verdict }> => {
          const outcome = await settle(executor, request);
          if ('error' in outcome) {
            const failure = transportFailure(outcome.error);
            if (!failure) throw outcome.error;
            return {
              answer: { errors: placed(error(failure), parts()) },
              verdict: verdict(failure),
            };
          }
          if (Symbol.asyncIterator in Object(outcome.result)) {
            return { answer: outcome.result, verdict: 'neither' };
          }
          const result = outcome.result as ExecutionResult;
          const failures = (result.errors ?? []).map((e) => transportFailure(e));
          const first = failures.find(Boolean);
          if (!first) return { answer: result, verdict: 'answered' };
          const errors = result.errors!.flatMap((e, i) =>
            failures[i] ? placed(error(failures[i]), parts()) : [e],
          );
          return { answer: { ...result, errors }, verdict: verdict(first) };
        };
        if (!breaker) return (await call()).answer;
        try {
          return await breaker.execute(call);
        } catch (e) {
          if (!isBrokenCircuitError(e)) throw e;
          return { errors: placed(circuitOpenError(subgraphName, breaker.retryInMs()), parts()) };
        }
      };
      setExecutor(resilient as Executor);
    },
    onDispose() {
      circuits.dispose();
    },
  };
}
