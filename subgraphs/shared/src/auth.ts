import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { GraphQLError } from 'graphql';
import { durationSeconds } from './settings';
import type { EntityCheck } from './entity-directory';
import { ANONYMOUS, type Role, type Viewer } from './viewer';

/** How callers' tokens are checked: a shared secret locally, a key set in deployment. */
export interface AuthConfig {
  /**
   * `JWT_MAX_AGE`: the longest a token may live, counted from its `iat` (`exp` and `iat` are
   * required): seconds, or a number with `s`, `m`, `h` or `d`. @default '24h'
   */
  maxAge?: string;
  /** `JWT_CLOCK_TOLERANCE`: how far clocks may disagree on `exp`, `nbf` and `iat`. @default '30s' */
  clockTolerance?: string;
  /** `JWT_SECRET`: HS256 secret for local use (at least 32 characters). */
  secret?: string;
  /** `JWKS_URL`: where the identity provider publishes its signing keys. */
  jwksUrl?: string;
  /** `JWT_ISSUER`: required `iss`; required with JWKS_URL. */
  issuer?: string;
  /** `JWT_AUDIENCE`: required `aud`; required with JWKS_URL. */
  audience?: string;
}

const ROLES: readonly Role[] = ['viewer', 'editor', 'cted', 'admin'];

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });
}

async function toViewer(
  payload: JWTPayload,
  maxAgeSeconds: number,
  entities: EntityCheck | undefined,
): Promise<Viewer> {
  if (typeof payload.sub !== 'string' || payload.sub === '') {
    throw unauthenticated('The token names no subject ("sub" claim).');
  }
  // jose checks that `iat` is recent enough; a token issued to live longer is refused outright.
  if (payload.exp! - payload.iat! > maxAgeSeconds) {
    throw unauthenticated(
      `The token is issued to live longer than this service accepts (${maxAgeSeconds} s from "iat"): ask for a shorter-lived token.`,
    );
  }
  const roles = Array.isArray(payload.roles) ? payload.roles : [];
  const entity = payload.entity;
  if (entity !== undefined && (typeof entity !== 'string' || entity === '')) {
    throw unauthenticated('The token\'s "entity" claim must be the acronym of a Compact entity.');
  }
  if (typeof entity === 'string' && entities && !(await entities.has(entity))) {
    throw unauthenticated(
      `The token's "entity" claim names no Compact entity (${JSON.stringify(entity.slice(0, 40))}); tokens name the caller's entity by its acronym, such as "UNODC".`,
    );
  }
  return {
    subject: payload.sub,
    entity: entity ?? null,
    roles: new Set(roles.filter((role): role is Role => ROLES.includes(role as Role))),
  };
}

function explain(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (error instanceof errors.JWTExpired) {
    return unauthenticated(
      error.claim === 'iat'
        ? 'The token was issued longer ago than this service accepts (JWT_MAX_AGE): sign in again.'
        : 'The token has expired: sign in again.',
    );
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') {
      return unauthenticated(
        `The token has no "${error.claim}" claim; tokens must say when they were issued ("iat") and when they expire ("exp").`,
      );
    }
    if (error.reason === 'check_failed' && (error.claim === 'iat' || error.claim === 'nbf')) {
      return unauthenticated(
        `The token is not valid yet (its "${error.claim}" is in the future): check the clock of the service that issued it.`,
      );
    }
    return unauthenticated(`The token's "${error.claim}" claim is not accepted here.`);
  }
  if (
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JWKSNoMatchingKey
  ) {
    return unauthenticated('The token is not signed by a key this service trusts.');
  }
  return unauthenticated('The token could not be read: send "Authorization: Bearer <JWT>".');
}

/**
 * Turns an Authorization header into the caller. No header means anonymous; a header that is
 * malformed, expired or wrongly signed is refused (UNAUTHENTICATED), never read as anonymous.
 */
export function createAuthenticator(
  config: AuthConfig,
  { entities }: { entities?: EntityCheck } = {},
) {
  const secret = config.secret ? new TextEncoder().encode(config.secret) : undefined;
  const jwks: JWTVerifyGetKey | undefined = config.jwksUrl
    ? createRemoteJWKSet(new URL(config.jwksUrl))
    : undefined;
  const maxAge = durationSeconds(config.maxAge ?? '24h')!;
  const options = {
    issuer: config.issuer,
    audience: config.audience,
    requiredClaims: ['exp', 'iat'],
    maxTokenAge: maxAge,
    clockTolerance: durationSeconds(config.clockTolerance ?? '30s')!,
  };
  const viewerOf = (payload: JWTPayload) => toViewer(payload, maxAge, entities);

  return async function authenticate(header: string | null | undefined): Promise<Viewer> {
    if (header === undefined || header === null || header === '') return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match) throw unauthenticated('The Authorization header must read "Bearer <JWT>".');
    let payload: JWTPayload | undefined;
    try {
      if (jwks) payload = (await jwtVerify(match[1], jwks, options)).payload;
      else if (secret) {
        payload = (await jwtVerify(match[1], secret, { ...options, algorithms: ['HS256'] }))
          .payload;
      }
    } catch (error) {
      throw explain(error);
    }
    if (payload) return viewerOf(payload);
    throw unauthenticated(
      'This service is not configured to accept tokens (JWT_SECRET or JWKS_URL).',
    );
  };
}

export type Authenticator = ReturnType<typeof createAuthenticator>;
