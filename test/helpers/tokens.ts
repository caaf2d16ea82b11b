import { signToken, type TokenClaims } from '../../scripts/lib/tokens';
import type { Role } from '../../subgraphs/shared/src/viewer';

/** A token the test graph accepts, for a caller with these roles and entity. */
export function tokenFor(
  roles: Role[],
  entity?: string,
  subject = `test-${roles.join('-') || 'none'}-${entity ?? 'none'}`,
) {
  return signToken(process.env.JWT_SECRET!, { subject, roles, entity } satisfies TokenClaims);
}

/** Headers that carry a token for these roles and entity. */
export async function as(roles: Role[], entity?: string): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await tokenFor(roles, entity)}` };
}
