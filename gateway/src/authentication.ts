import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError } from 'graphql';
import type { Authenticator } from '../../subgraphs/shared/src/auth';

/**
 * Refuses a request with a bad token before it is planned, with one clear UNAUTHENTICATED error
 * instead of one per subgraph. The subgraphs verify the token again: they trust no one.
 */
export function useAuthentication(authenticate: Authenticator, graphqlPath: string): GatewayPlugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== graphqlPath) return;
      try {
        await authenticate(request.headers.get('authorization'));
      } catch (error) {
        const known = error instanceof GraphQLError ? error : undefined;
        const { http, ...extensions } = (known?.extensions ?? {}) as {
          http?: { status?: number };
        } & Record<string, unknown>;
        endResponse(
          new fetchAPI.Response(
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
          ),
        );
      }
    },
  };
}
