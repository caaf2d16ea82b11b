import { SignJWT } from 'jose';
import type { Role } from '../../subgraphs/shared/src/viewer';

export interface TokenClaims {
  subject: string;
  entity?: string;
  roles: Role[];
  /** Lifetime, such as "8h" or "30m". @default '8h' */
  expiresIn?: string;
  issuer?: string;
  audience?: string;
}

/** Signs an HS256 token with the claims the graph reads: `sub`, `entity`, `roles`. */
export function signToken(secret: string, claims: TokenClaims): Promise<string> {
  const jwt = new SignJWT({
    roles: claims.roles,
    ...(claims.entity ? { entity: claims.entity } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.subject)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '8h');
  if (claims.issuer) jwt.setIssuer(claims.issuer);
  if (claims.audience) jwt.setAudience(claims.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
