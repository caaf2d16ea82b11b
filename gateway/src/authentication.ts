import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError } from 'graphql';
import type { Authenticator } from '../../subgraphs/shared/src/auth';

/** What a request's token turned out to be: its caller, or why it was refused. */
type Outcome = { subject: string | null } | { refused: unknown };

export interface Authentication {
  plugin: GatewayPlugin;
  /**
   * The subject of the request's token once it has verified; undefined for a request with no
   * token or a bad one, whose `sub` was chosen by the caller and proves nothing.
   */
  verifiedSubject(serverContext: object): string | undefined;
  /** Whether the request's token verified, or it sent none; false for one it will refuse. */
  accepted(serverContext: object): boolean;
}

function refusalOf(error: unknown, fetchAPI: { Response: typeof Response }): Response {
  const known = error instanceof GraphQLError ? error : undefined;
  const { http, ...extensions } = (known?.extensions ?? {}) as {
    http?: { status?: number };
  } & Record<string, unknown>;
  return new fetchAPI.Response(
    JSON.stringify({
      errors: [
        {
          message: known?.message ?? 'The token could not be checked.',
          extensions: { code: 'UNAUTHENTICATED', ...extensions },
        },
      ],
    }),
    {
      status: http?.status ?? 401,
      headers: { 'content-type': 'application/json; charset=utf-8' },
    },
  );
}

/**
 * Refuses a request with a bad token before it is planned, with one clear UNAUTHENTICATED error
 * instead of one per subgraph. The token is verified when the request arrives, but refused only
 * once every plugin has seen the request (in `onRequestParse`, before the body is read): the rate
 * limit, which runs in between, counts bad tokens too, by the verified subject or else the
 * address. The subgraphs verify the token again: they trust no one.
 */
export function createAuthentication(
  authenticate: Authenticator,
  graphqlPath: string,
): Authentication {
  // By server context, which lives as long as the request even if a plugin replaces the Request.
  const outcomes = new WeakMap<object, Outcome>();
  return {
    accepted(serverContext) {
      const outcome = outcomes.get(serverContext);
      return outcome !== undefined && 'subject' in outcome;
    },
    verifiedSubject(serverContext) {
      const outcome = outcomes.get(serverContext);
      return outcome && 'subject' in outcome ? (outcome.subject ?? undefined) : undefined;
    },
    plugin: {
      async onRequest({ request, url, serverContext }) {
        if (url.pathname !== graphqlPath) return;
        try {
          const viewer = await authenticate(request.headers.get('authorization'));
          outcomes.set(serverContext as object, { subject: viewer.subject });
        } catch (error) {
          outcomes.set(serverContext as object, { refused: error });
        }
      },
      onRequestParse({ serverContext, endResponse, fetchAPI }) {
        const outcome = outcomes.get(serverContext as object);
        if (outcome && 'refused' in outcome) endResponse(refusalOf(outcome.refused, fetchAPI));
      },
    },
  };
}

/**
 * Every call to a subgraph carries the caller's token, for each attempt: subgraphs decide what
 * the caller may see, and check the graph's signature against it. The runtime's
 * `propagateHeaders` hands headers to the HTTP executor through the request's extensions, which
 * the executor removes as it sends the first attempt, so a retried query went without the
 * token and was refused as badly signed.
 */
export function useCallerToken(): GatewayPlugin {
  return {
    onFetch({ executionRequest, options }) {
      const context = executionRequest?.context as { request?: Request } | undefined;
      const authorization = context?.request?.headers.get('authorization');
      if (!authorization) return;
      const { headers } = options;
      if (headers instanceof Headers) headers.set('authorization', authorization);
      else options.headers = { ...(headers as Record<string, string>), authorization };
    },
  };
}
