import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  defaultExecutionRequestSerializer,
  defaultParamsSerializer,
} from '@graphql-mesh/hmac-upstream-signature';
import type { ExecutionRequest } from '@graphql-tools/utils';
import { getOperationAST } from 'graphql';

/**
 * The gateway signs each subgraph request (Hive Gateway's `hmacSignature`, from
 * @graphql-mesh/hmac-upstream-signature) with a secret it shares with the subgraphs; a subgraph
 * trusts what only the gateway could have sent — representations with `@requires` fields that
 * the owner computed for this caller — in a signed request alone.
 *
 * What is signed: when (ms since the epoch) and, for a write, a random nonce, both also sent in
 * the request's extensions, so that a subgraph can refuse an old signature and a replayed write
 * (signature-check.ts); the library's stable serialisation of `{ query, variables }`; and a hash
 * of the caller's Authorization header, so that a captured request cannot be replayed as another
 * caller. The hash, not the token: the signed content reaches the runtime's debug log.
 */
export const SIGNATURE_EXTENSION = 'hmac-signature';
const SIGNED_AT_EXTENSION = 'hmac-signed-at';
const NONCE_EXTENSION = 'hmac-nonce';

/** When a signature was made, and the value that makes a write's single-use. */
export interface SignatureStamp {
  /** Milliseconds since the epoch. */
  signedAt: number;
  nonce?: string;
}

/** What a signed request carries in its extensions. */
interface SignatureExtensions {
  [SIGNATURE_EXTENSION]: string;
  [SIGNED_AT_EXTENSION]: number;
  [NONCE_EXTENSION]?: string;
}

const newStamp = (): SignatureStamp => ({
  signedAt: Date.now(),
  nonce: randomBytes(16).toString('base64url'),
});

/**
 * A read's stamp: no nonce, the time to the second. The HTTP executor sends identical queries in
 * flight together once, by their body; a stamp of their own would make each body different.
 */
const readStamp = (): SignatureStamp => ({ signedAt: Math.floor(Date.now() / 1000) * 1000 });

const stampExtensions = ({ signedAt, nonce }: SignatureStamp) => ({
  [SIGNED_AT_EXTENSION]: signedAt,
  ...(nonce === undefined ? {} : { [NONCE_EXTENSION]: nonce }),
});

const callerOf = (authorization: string | null | undefined) =>
  createHash('sha256')
    .update(authorization ?? '')
    .digest('base64url');

const signedContent = (
  { signedAt, nonce }: SignatureStamp,
  params: string | undefined,
  authorization: string | null | undefined,
) => `${signedAt}\n${nonce ?? ''}\n${params}\n${callerOf(authorization)}`;

/**
 * What the gateway signs for one subgraph call. The runtime's `hmacSignature` calls it right
 * before it signs and then adds the signature to the same extensions, so the call is stamped
 * here; a retried query is sent again as it was, stamp and signature together.
 */
export function signedContentOfExecution(executionRequest: ExecutionRequest): string {
  const operation =
    executionRequest.operationType ?? getOperationAST(executionRequest.document)?.operation;
  const stamp = operation === 'query' ? readStamp() : newStamp();
  executionRequest.extensions = { ...executionRequest.extensions, ...stampExtensions(stamp) };
  const request = (executionRequest.context as { request?: Request } | undefined)?.request;
  return signedContent(
    stamp,
    defaultExecutionRequestSerializer(executionRequest),
    request?.headers.get('authorization'),
  );
}

/**
 * Signs a request body as the gateway does, for a subgraph's calls to its peers: each call a
 * stamp of its own. `stamp` is for tests that check a signature the gateway made.
 */
export function signBody<T extends { query: string; variables?: Record<string, unknown> }>(
  body: T,
  authorization: string | undefined,
  secret: string,
  stamp: SignatureStamp = newStamp(),
): T & { extensions: SignatureExtensions } {
  const signature = createHmac('sha256', secret)
    .update(signedContent(stamp, defaultParamsSerializer(body as never), authorization))
    .digest('base64');
  return { ...body, extensions: { ...stampExtensions(stamp), [SIGNATURE_EXTENSION]: signature } };
}

/** What a request's signature says: none, one that does not match, or one made with a secret. */
export type SignatureMatch =
  | { kind: 'unsigned' }
  | { kind: 'mismatch'; reason: string }
  | { kind: 'signed'; stamp: SignatureStamp };

const NONCE = /^[\w-]{16,128}$/;

/**
 * Checks a request body's signature against the accepted secrets (the current one first, then
 * the one being retired during a rotation), as the body arrived. No signature is `unsigned`: a
 * partner agency's call. With no secret configured nothing can be checked, so every request is
 * `unsigned`. Whether the signature is recent and unused is signature-check.ts's to say.
 */
export function createSignatureMatch(secrets: readonly string[]) {
  const keys = secrets.filter(Boolean);
  return (body: unknown, authorization: string | undefined): SignatureMatch => {
    if (!body || typeof body !== 'object' || Array.isArray(body)) return { kind: 'unsigned' };
    const { extensions } = body as { extensions?: unknown };
    const sent = (extensions && typeof extensions === 'object' ? extensions : {}) as Partial<
      Record<string, unknown>
    >;
    const signature = sent[SIGNATURE_EXTENSION];
    if (signature === undefined || keys.length === 0) return { kind: 'unsigned' };
    if (typeof signature !== 'string') {
      return { kind: 'mismatch', reason: `${SIGNATURE_EXTENSION} is not a string` };
    }
    const signedAt = sent[SIGNED_AT_EXTENSION];
    const nonce = sent[NONCE_EXTENSION];
    if (typeof signedAt !== 'number' || !Number.isSafeInteger(signedAt)) {
      return { kind: 'mismatch', reason: `${SIGNED_AT_EXTENSION} is not a time in milliseconds` };
    }
    if (nonce !== undefined && (typeof nonce !== 'string' || !NONCE.test(nonce))) {
      return { kind: 'mismatch', reason: `${NONCE_EXTENSION} is not a nonce` };
    }
    const stamp = { signedAt, nonce };
    const given = Buffer.from(signature, 'base64');
    const content = signedContent(stamp, defaultParamsSerializer(body as never), authorization);
    const matches = keys.some((key) => {
      const expected = createHmac('sha256', key).update(content).digest();
      return expected.length === given.length && timingSafeEqual(expected, given);
    });
    return matches
      ? { kind: 'signed', stamp }
      : { kind: 'mismatch', reason: 'it does not match the request' };
  };
}
