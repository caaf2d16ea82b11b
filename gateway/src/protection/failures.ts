import { GraphQLError, Kind, getOperationAST, type DocumentNode } from 'graphql';

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
 * sent, and which the gateway would otherwise mask as "Unexpected error"). {@link placed} gives
 * it its paths.
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

/**
 * Where, in the answer, each part of a failed call to a subgraph goes missing. For an entity
 * call (`_entities`, as many as the query planner batched), one path per field asked of each
 * type of entity: `[alias, index, field]` with the index of the first entity of that type, which
 * the query planner turns into the field's place in the answer. A root call gets none: the
 * query planner puts its error at its root field.
 */
export function missingParts(
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
): (string | number)[][] {
  const operation = getOperationAST(document);
  const paths: (string | number)[][] = [];
  for (const selection of operation?.selectionSet.selections ?? []) {
    if (selection.kind !== Kind.FIELD || selection.name.value !== '_entities') continue;
    const argument = selection.arguments?.find((a) => a.name.value === 'representations')?.value;
    const representations =
      argument?.kind === Kind.VARIABLE ? variables?.[argument.name.value] : undefined;
    if (!Array.isArray(representations)) continue;
    const key = selection.alias?.value ?? selection.name.value;
    for (const fragment of selection.selectionSet?.selections ?? []) {
      if (fragment.kind !== Kind.INLINE_FRAGMENT) continue;
      const typename = fragment.typeCondition?.name.value;
      const index = representations.findIndex(
        (r) => (r as { __typename?: unknown } | null)?.__typename === typename,
      );
      if (index < 0) continue;
      for (const field of fragment.selectionSet.selections) {
        if (field.kind !== Kind.FIELD || field.name.value === '__typename') continue;
        paths.push([key, index, field.alias?.value ?? field.name.value]);
      }
    }
  }
  return paths;
}

/** The error, once for each of `paths`, or as it is when there are none. */
export function placed(error: GraphQLError, paths: (string | number)[][]): GraphQLError[] {
  if (!paths.length) return [error];
  return paths.map(
    (path) => new GraphQLError(error.message, { path, extensions: error.extensions }),
  );
}
