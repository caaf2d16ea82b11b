import { MembershipTables1764288000000 } from './1764288000000-membership-tables';

/** Migrations in the order they apply. */
export const membershipMigrations = [MembershipTables1764288000000];
