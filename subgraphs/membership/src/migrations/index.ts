import { MembershipTables1764288000000 } from './1764288000000-membership-tables';
import { EntityObserverIndex1764300000000 } from './1764300000000-entity-observer-index';

/** Migrations in the order they apply. */
export const membershipMigrations = [
  MembershipTables1764288000000,
  EntityObserverIndex1764300000000,
];
