import { idempotencyKeyAgeMigration } from '../../../shared/src/migration-helpers';

/** Idempotency keys by age, so that those past their retention are found without a full scan. */
export const MembershipIdempotencyKeyAge1764800000000 = idempotencyKeyAgeMigration(
  'MembershipIdempotencyKeyAge1764800000000',
);
