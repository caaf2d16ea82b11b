import { Kind, parse } from 'graphql';
import { createSignatureMatch } from './gateway-signature';
import type { Logger } from './logger';
import { createNonceStore, type NonceStore } from './signature-nonces';
import type { SubgraphConfig } from './subgraph-config';

/** A signature refused, with its code (each answered 401): docs/security.md. */
interface SignatureRefusal {
  code:
    | 'BAD_GATEWAY_SIGNATURE'
    | 'EXPIRED_GATEWAY_SIGNATURE'
    | 'FUTURE_GATEWAY_SIGNATURE'
    | 'REPLAYED_GATEWAY_SIGNATURE';
  message: string;
}

/** `signed`: the graph's own call; `unsigned`: a partner agency's; otherwise why it is refused. */
export type SignatureCheck = 'signed' | 'unsigned' | SignatureRefusal;

export interface SignatureRules {
  /** The current secret, then one being retired during a rotation. */
  secrets: readonly string[];
  /** How long after it was made a signature is accepted (GATEWAY_SIGNATURE_MAX_AGE). */
  maxAgeMs: number;
  /** How far the signer's clock and this one may disagree (JWT_CLOCK_TOLERANCE). */
  clockToleranceMs: number;
  /** The nonces of the signed writes run, kept for `nonceTtlMs(rules)`. */
  nonces: NonceStore;
}

/** The longest a signature can be accepted after it arrives: dated ahead by the tolerance. */
const nonceTtlMs = ({ maxAgeMs, clockToleranceMs }: Omit<SignatureRules, 'secrets' | 'nonces'>) =>
  maxAgeMs + 2 * clockToleranceMs;

/**
 * Whether the document holds a mutation. Only a document with the word can, so the rest are not
 * parsed twice (Apollo parses them once, later); one that does not parse runs nothing.
 */
function holdsMutation(body: object): boolean {
  const { query } = body as { query?: unknown };
  if (typeof query !== 'string' || !query.includes('mutation')) return false;
  try {
    return parse(query, { noLocation: true }).definitions.some(
      (definition) =>
        definition.kind === Kind.OPERATION_DEFINITION && definition.operation === 'mutation',
    );
  } catch {
    return false;
  }
}

const seconds = (ms: number) => Math.round(ms / 1000);

/**
 * Checks a request's signature (gateway-signature.ts), then that it is recent: made at most
 * `maxAgeMs` ago and not dated ahead, each give or take the clock tolerance. A write's signature
 * is also single-use: its nonce is claimed, and a replay within the window refused. Queries may
 * be sent again, since the gateway retries a failed query as it was first sent, signature and
 * all; a query replayed within the window reads what the caller it was signed for may read.
 */
export function createSignatureCheck(rules: SignatureRules) {
  const match = createSignatureMatch(rules.secrets);
  const { maxAgeMs, clockToleranceMs } = rules;
  return async (body: unknown, authorization: string | undefined): Promise<SignatureCheck> => {
    const matched = match(body, authorization);
    if (matched.kind === 'unsigned') return 'unsigned';
    if (matched.kind === 'mismatch') {
      return {
        code: 'BAD_GATEWAY_SIGNATURE',
        message: `The request carries a gateway signature that cannot be accepted: ${matched.reason}. Partner agencies send no signature; a gateway must share this service's GATEWAY_SIGNING_SECRET.`,
      };
    }
    const age = Date.now() - matched.stamp.signedAt;
    if (age > maxAgeMs + clockToleranceMs) {
      return {
        code: 'EXPIRED_GATEWAY_SIGNATURE',
        message: `The request's gateway signature was made ${seconds(age)} s ago; one is accepted for ${seconds(maxAgeMs)} s (GATEWAY_SIGNATURE_MAX_AGE). Sign each request as it is sent; if it was, the signer's clock is behind this service's.`,
      };
    }
    if (-age > clockToleranceMs) {
      return {
        code: 'FUTURE_GATEWAY_SIGNATURE',
        message: `The request's gateway signature is dated ${seconds(-age)} s ahead of this service's clock, more than JWT_CLOCK_TOLERANCE allows (${seconds(clockToleranceMs)} s): the signer's clock is ahead.`,
      };
    }
    if (!holdsMutation(body as object)) return 'signed';
    const { nonce } = matched.stamp;
    if (nonce === undefined) {
      return {
        code: 'BAD_GATEWAY_SIGNATURE',
        message:
          "The request's gateway signature signs a write without a nonce (hmac-nonce): a signed write runs once, so its signature must be new.",
      };
    }
    if (!(await rules.nonces.claim(nonce))) {
      return {
        code: 'REPLAYED_GATEWAY_SIGNATURE',
        message:
          "The request's gateway signature was used already: a signed write runs once. To try a write again, sign it again (with its idempotencyKey, where it takes one).",
      };
    }
    return 'signed';
  };
}

/**
 * A subgraph's check of the graph's signature, from its configuration, and the nonce store it
 * closes on shutdown: in Redis with `REDIS_URL`, else in memory. Without a secret nothing is
 * signed, so nothing is kept.
 */
export function gatewaySignature(
  config: Pick<
    SubgraphConfig,
    | 'gatewaySigningSecrets'
    | 'gatewaySignatureMaxAgeMs'
    | 'clockToleranceMs'
    | 'redisUrl'
    | 'redisKeyPrefix'
  >,
  logger: Logger,
): { check?: ReturnType<typeof createSignatureCheck>; close(): Promise<void> } {
  if (config.gatewaySigningSecrets.length === 0) return { close: async () => {} };
  const window = {
    maxAgeMs: config.gatewaySignatureMaxAgeMs,
    clockToleranceMs: config.clockToleranceMs,
  };
  const nonces = createNonceStore({
    ttlMs: nonceTtlMs(window),
    redisUrl: config.redisUrl,
    prefix: config.redisKeyPrefix,
    logger,
  });
  return {
    check: createSignatureCheck({ ...window, secrets: config.gatewaySigningSecrets, nonces }),
    close: () => nonces.close(),
  };
}
