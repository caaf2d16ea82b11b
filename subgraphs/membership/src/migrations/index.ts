import { MembershipTables1764288000000 } from './1764288000000-membership-tables';
import { EntityObserverIndex1764300000000 } from './1764300000000-entity-observer-index';
import { MembershipWrites1764400000000 } from './1764400000000-membership-writes';
import { MembershipRecordedProvenance1764500000000 } from './1764500000000-recorded-provenance';
import { MembershipIdempotencyKeyAge1764800000000 } from './1764800000000-idempotency-key-age';

/** Migrations in the order they apply. */
export const membershipMigrations = [
  MembershipTables1764288000000,
  EntityObserverIndex1764300000000,
  MembershipWrites1764400000000,
  MembershipRecordedProvenance1764500000000,
  MembershipIdempotencyKeyAge1764800000000,
];
