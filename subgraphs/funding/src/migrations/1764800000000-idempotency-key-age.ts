import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  dropIdempotencyKeyAgeIndex,
  idempotencyKeyAgeIndex,
  runAll,
  schemaOf,
} from '../../../shared/src/migration-helpers';

/** Idempotency keys by age, so that those past their retention are found without a full scan. */
export class FundingIdempotencyKeyAge1764800000000 implements MigrationInterface {
  name = 'FundingIdempotencyKeyAge1764800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runAll(runner, idempotencyKeyAgeIndex(schemaOf(runner)));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runAll(runner, dropIdempotencyKeyAgeIndex(schemaOf(runner)));
  }
}
