import { FundingTables1764288000000 } from './1764288000000-funding-tables';
import { FundingWrites1764400000000 } from './1764400000000-funding-writes';
import { FundingRecordedProvenance1764500000000 } from './1764500000000-recorded-provenance';
import { FundingAddressedOutbox1764600000000 } from './1764600000000-addressed-outbox';
import { FundingProjectSearch1764700000000 } from './1764700000000-project-search';
import { FundingIdempotencyKeyAge1764800000000 } from './1764800000000-idempotency-key-age';
import { FundingAddressedDelivery1764900000000 } from './1764900000000-addressed-delivery';

/** Migrations in the order they apply. */
export const fundingMigrations = [
  FundingTables1764288000000,
  FundingWrites1764400000000,
  FundingRecordedProvenance1764500000000,
  FundingAddressedOutbox1764600000000,
  FundingProjectSearch1764700000000,
  FundingIdempotencyKeyAge1764800000000,
  FundingAddressedDelivery1764900000000,
];
