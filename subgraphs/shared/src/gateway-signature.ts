import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import {
  defaultExecutionRequestSerializer,
  defaultParamsSerializer,
} from '@graphql-mesh/hmac-upstream-signature';
import type { ExecutionRequest } from '@graphql-tools/utils';

/**
 * The gateway signs each subgraph request (Hive Gateway's `hmacSignature`, from
 * @graphql-mesh/hmac-upstream-signature) with a secret it shares with the subgraphs; a subgraph
 * trusts what only the gateway could have sent — representations with `@requires` fields that
 * the owner computed for this caller — in a signed request alone.
 *
 * What is signed: the library's stable serialisation of `{ query, variables }`, and a hash of the
 * caller's Authorization header, so that a captured request cannot be replayed as another caller.
 * The hash, not the token, because the library logs the signed content at debug level.
 */
const SIGNATURE_EXTENSION = 'hmac-signature';

const callerOf = (authorization: string | null | undefined) =>
  createHash('sha256')
    .update(authorization ?? '')
    .digest('base64url');

/** What the gateway signs for one subgraph call. */
export function signedContentOfExecution(executionRequest: ExecutionRequest): string {
  const request = (executionRequest.context as { request?: Request } | undefined)?.request;
  return `${defaultExecutionRequestSerializer(executionRequest)}\n${callerOf(request?.headers.get('authorization'))}`;
}

/** Signs a request body as the gateway does, for a subgraph's calls to its peers. */
export function signBody<T extends { query: string; variables?: Record<string, unknown> }>(
  body: T,
  authorization: string | undefined,
  secret: string,
): T & { extensions: Record<string, string> } {
  const signature = createHmac('sha256', secret)
    .update(signedContentOfRequest(body, authorization))
    .digest('base64');
  return { ...body, extensions: { [SIGNATURE_EXTENSION]: signature } };
}

/** What a subgraph checks the signature against: the request as it arrived. */
function signedContentOfRequest(
  body: { query?: unknown; variables?: unknown },
  authorization: string | undefined,
): string {
  return `${defaultParamsSerializer(body as never)}\n${callerOf(authorization)}`;
}

export type SignatureCheck = 'signed' | 'unsigned' | 'invalid';

/**
 * Checks a request body's signature against the accepted secrets (the current one first, then
 * the one being retired during a rotation). No signature is `unsigned`: a partner agency's call.
 * With no secret configured nothing can be checked, so every request is `unsigned`.
 */
export function createSignatureCheck(secrets: readonly string[]) {
  const keys = secrets.filter(Boolean);
  return (body: unknown, authorization: string | undefined): SignatureCheck => {
    if (!body || typeof body !== 'object' || Array.isArray(body)) return 'unsigned';
    const { extensions } = body as { extensions?: unknown };
    const signature =
      extensions && typeof extensions === 'object'
        ? (extensions as Record<string, unknown>)[SIGNATURE_EXTENSION]
        : undefined;
    if (signature === undefined || keys.length === 0) return 'unsigned';
    if (typeof signature !== 'string') return 'invalid';
    const given = Buffer.from(signature, 'base64');
    const content = signedContentOfRequest(body as object, authorization);
    const matches = keys.some((key) => {
      const expected = createHmac('sha256', key).update(content).digest();
      return expected.length === given.length && timingSafeEqual(expected, given);
    });
    return matches ? 'signed' : 'invalid';
  };
}
