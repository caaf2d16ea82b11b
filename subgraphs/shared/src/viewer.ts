import { GraphQLError } from 'graphql';

/** The roles a caller's token may carry (DESIGN.md, Access). */
export type Role = 'viewer' | 'editor' | 'cted' | 'admin';

/** Who is asking. Anonymous callers have no subject, no entity and no roles. */
export interface Viewer {
  subject: string | null;
  /** Acronym of the caller's Compact entity, such as "UNODC". */
  entity: string | null;
  roles: ReadonlySet<Role>;
}

export const ANONYMOUS: Viewer = Object.freeze({
  subject: null,
  entity: null,
  roles: new Set<Role>(),
});

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
}

/** Refuses a caller who holds none of the roles. */
export function requireRole(viewer: Viewer, roles: Role[], action: string): void {
  if (roles.some((role) => viewer.roles.has(role))) return;
  if (!viewer.subject) {
    throw new GraphQLError(`Sign in to ${action}.`, { extensions: { code: 'UNAUTHENTICATED' } });
  }
  throw forbidden(`Only ${roles.map((r) => `"${r}"`).join(' or ')} may ${action}.`);
}

/** Whether the caller edits for the given entity (`editor` role and that entity in the token). */
export function isEditorOf(viewer: Viewer, acronym: string): boolean {
  return viewer.roles.has('editor') && viewer.entity === acronym;
}
