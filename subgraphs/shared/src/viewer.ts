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
