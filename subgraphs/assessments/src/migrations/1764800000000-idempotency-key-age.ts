import { idempotencyKeyAgeMigration } from '../../../shared/src/migration-helpers';

/** Idempotency keys by age, so that those past their retention are found without a full scan. */
export const AssessmentsIdempotencyKeyAge1764800000000 = idempotencyKeyAgeMigration(
  'AssessmentsIdempotencyKeyAge1764800000000',
);
