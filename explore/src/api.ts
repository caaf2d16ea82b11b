/** The page's only way out: POST to the gateway's /graphql, on the page's own origin. */

export interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; serviceName?: string; [key: string]: unknown };
}

export interface Answer<T> {
  data: T;
  /** Parts of the answer that are missing, with why (the gateway's partial answers). */
  errors: GraphQLError[];
}

export type FailureKind = 'token' | 'refused' | 'network';

/** No answer at all: a refused token, a refused operation, or no gateway. */
export class RequestFailed extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

const GRAPHQL_URL = '/graphql';

export async function graphql<T>(
  query: string,
  variables: Record<string, unknown>,
  token: string | undefined,
  signal?: AbortSignal,
): Promise<Answer<T>> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
  };
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
      signal,
      credentials: 'omit',
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new RequestFailed(
      'network',
      'The gateway could not be reached. Check the connection and try again.',
    );
  }
  let body: { data?: T | null; errors?: GraphQLError[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new RequestFailed(
      'network',
      `The gateway answered with something other than GraphQL (HTTP ${response.status}). Try again shortly.`,
    );
  }
  const errors = body.errors ?? [];
  const tokenError = errors.find((error) => error.extensions?.code === 'UNAUTHENTICATED');
  if (tokenError) throw new RequestFailed('token', tokenError.message, 'UNAUTHENTICATED');
  if (body.data == null) {
    const first = errors[0];
    throw new RequestFailed(
      'refused',
      first?.message ?? `The gateway gave no answer (HTTP ${response.status}).`,
      first?.extensions?.code,
    );
  }
  return { data: body.data, errors };
}
