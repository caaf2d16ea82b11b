import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { GraphQLError } from 'graphql';
import { envOptional, envUrl } from './env';
import { ANONYMOUS, type Role, type Viewer } from './viewer';

/** How callers' tokens are checked: a shared secret locally, a key set in deployment. */
export interface AuthConfig {
  /** `JWT_SECRET`: HS256 secret for local use (at least 32 characters). */
  secret?: string;
  /** `JWKS_URL`: where the identity provider publishes its signing keys. */
  jwksUrl?: string;
  /** `JWT_ISSUER`: required `iss`; required with JWKS_URL. */
  issuer?: string;
  /** `JWT_AUDIENCE`: required `aud`; required with JWKS_URL. */
  audience?: string;
}

export function readAuthConfig(env: Record<string, string | undefined> = process.env): AuthConfig {
  const secret = envOptional(env, 'JWT_SECRET');
  if (secret && secret.length < 32) {
    throw new Error('JWT_SECRET must be at least 32 characters long');
  }
  const jwksUrl = envUrl(env, 'JWKS_URL', ['https', 'http']);
  const issuer = envOptional(env, 'JWT_ISSUER');
  const audience = envOptional(env, 'JWT_AUDIENCE');
  if (jwksUrl && (!issuer || !audience)) {
    throw new Error(
      'JWKS_URL needs JWT_ISSUER and JWT_AUDIENCE, so tokens minted for other services are refused',
    );
  }
  return { secret, jwksUrl, issuer, audience };
}

const ROLES: readonly Role[] = ['viewer', 'editor', 'cted', 'admin'];

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });
}

function toViewer(payload: JWTPayload): Viewer {
  if (typeof payload.sub !== 'string' || payload.sub === '') {
    throw unauthenticated('The token names no subject ("sub" claim).');
  }
  const roles = Array.isArray(payload.roles) ? payload.roles : [];
  return {
    subject: payload.sub,
    entity: typeof payload.entity === 'string' && payload.entity !== '' ? payload.entity : null,
    roles: new Set(roles.filter((role): role is Role => ROLES.includes(role as Role))),
  };
}

function explain(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (error instanceof errors.JWTExpired)
    return unauthenticated('The token has expired: sign in again.');
  if (error instanceof errors.JWTClaimValidationFailed) {
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
export function createAuthenticator(config: AuthConfig) {
  const secret = config.secret ? new TextEncoder().encode(config.secret) : undefined;
  const jwks: JWTVerifyGetKey | undefined = config.jwksUrl
    ? createRemoteJWKSet(new URL(config.jwksUrl))
    : undefined;
  const options = { issuer: config.issuer, audience: config.audience };

  return async function authenticate(header: string | null | undefined): Promise<Viewer> {
    if (header === undefined || header === null || header === '') return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match) throw unauthenticated('The Authorization header must read "Bearer <JWT>".');
    try {
      if (jwks) {
        return toViewer((await jwtVerify(match[1], jwks, options)).payload);
      }
      if (secret) {
        return toViewer(
          (await jwtVerify(match[1], secret, { ...options, algorithms: ['HS256'] })).payload,
        );
      }
    } catch (error) {
      throw explain(error);
    }
    throw unauthenticated(
      'This service is not configured to accept tokens (JWT_SECRET or JWKS_URL).',
    );
  };
}

export type Authenticator = ReturnType<typeof createAuthenticator>;
