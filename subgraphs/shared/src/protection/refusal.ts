import { GraphQLError } from 'graphql';

/**
 * A request refused to protect the service: a GraphQL error with a code the caller can act on
 * and the HTTP status that says why (400, 413, 429, never 500).
 */
export function refusal(
  code: string,
  message: string,
  status: number,
  extensions: Record<string, unknown> = {},
  headers?: Record<string, string>,
): GraphQLError {
  // `spec: false` keeps the status when the gateway would otherwise answer validation errors with
  // 200 (graphql-yoga does so for application/json); Apollo Server ignores it.
  return new GraphQLError(message, {
    extensions: {
      ...extensions,
      code,
      http: { status, spec: false, ...(headers ? { headers } : {}) },
    },
  });
}

/** The body of a refusal answered before GraphQL runs (a body too large, a rate limit). */
export function refusalBody(
  code: string,
  message: string,
  extensions: Record<string, unknown> = {},
) {
  return JSON.stringify({ errors: [{ message, extensions: { ...extensions, code } }] });
}
