import { GraphQLError } from 'graphql';

/** How a call to a subgraph failed in transport, rather than in the subgraph. */
export type Failure = 'unreachable' | 'timeout' | 'invalid';

/** Network errors carry a system code: ECONNREFUSED, ECONNRESET, ETIMEDOUT, ENOTFOUND… */
const NETWORK_CODE = /^E[A-Z]+$/;

/**
 * Why a call failed in transport: no connection, no answer in time, or an answer that is not
 * GraphQL (a load balancer's error page). Errors the subgraph itself returned, and the gateway's
 * own bugs, are not the subgraph being down: they give undefined.
 */
export function transportFailure(error: unknown): Failure | undefined {
  const extensions = (error as GraphQLError | undefined)?.extensions;
  if (extensions?.code === 'GATEWAY_TIMEOUT') return 'timeout';
  if (extensions?.code === 'RESPONSE_VALIDATION_FAILED') return 'invalid';
  let cause: unknown = error;
  while (cause instanceof GraphQLError && cause.originalError) cause = cause.originalError;
  // Duck-typed: errors from Node's own modules may come from another realm (as under jest).
  if (typeof cause !== 'object' || cause === null) return undefined;
  const { name, message, code } = cause as { name?: unknown; message?: unknown; code?: unknown };
  const causeCode = (cause as { cause?: { code?: unknown } }).cause?.code;
  if (name === 'TimeoutError' || name === 'AbortError') return 'timeout';
  if (typeof code === 'string' && NETWORK_CODE.test(code)) return 'unreachable';
  if (typeof causeCode === 'string' && NETWORK_CODE.test(causeCode)) return 'unreachable';
  if (message === 'fetch failed' || message === 'socket hang up') return 'unreachable';
  return undefined;
}

const MESSAGES: Record<Failure, (subgraph: string, waitedMs: number) => string> = {
  unreachable: (subgraph) =>
    `The ${subgraph} subgraph could not be reached; this part of the answer is missing. Try again shortly.`,
  timeout: (subgraph, waitedMs) =>
    `The ${subgraph} subgraph did not answer in time (${waitedMs} ms); this part of the answer is missing.`,
  invalid: (subgraph) =>
    `The ${subgraph} subgraph did not answer with GraphQL; this part of the answer is missing. Try again shortly.`,
};

/**
 * A plain error naming the subgraph, in place of the transport's (which carries the request it
 * sent, and which the gateway would otherwise mask as "Unexpected error"). The query planner
 * adds the path.
 */
export function subgraphError(subgraph: string, failure: Failure, waitedMs: number): GraphQLError {
  return new GraphQLError(MESSAGES[failure](subgraph, waitedMs), {
    extensions: {
      code: failure === 'timeout' ? 'SUBGRAPH_TIMEOUT' : 'SUBGRAPH_UNAVAILABLE',
      serviceName: subgraph,
      retryable: true,
    },
  });
}

/** The answer for a subgraph whose circuit is open: at once, without calling it. */
export function circuitOpenError(subgraph: string, retryInMs: number): GraphQLError {
  return new GraphQLError(
    `The ${subgraph} subgraph is unavailable and is not being called for now; this part of the answer is missing. Try again in about ${Math.max(1, Math.ceil(retryInMs / 1000))} s.`,
    {
      extensions: {
        code: 'SUBGRAPH_UNAVAILABLE',
        serviceName: subgraph,
        retryable: true,
        circuit: 'open',
      },
    },
  );
}
