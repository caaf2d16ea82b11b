import { idempotencyKeyAgeMigration } from '../../../shared/src/migration-helpers';

/** Idempotency keys by age, so that those past their retention are found without a full scan. */
export const FundingIdempotencyKeyAge1764800000000 = idempotencyKeyAgeMigration(
  'FundingIdempotencyKeyAge1764800000000',
);
