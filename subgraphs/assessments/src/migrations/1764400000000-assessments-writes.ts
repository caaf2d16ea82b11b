import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  runAll,
  schemaOf,
  versionColumns,
  writeSupportTables,
} from '../../../shared/src/migration-helpers';

/**
 * What writes need: versions on assessments and recommendations, soft deletion of
 * recommendations (their history matters), the audit log and idempotency keys.
 */
export class AssessmentsWrites1764400000000 implements MigrationInterface {
  name = 'AssessmentsWrites1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runAll(runner, [
      ...writeSupportTables(s),
      ...versionColumns(s, 'assessment'),
      ...versionColumns(s, 'recommendation'),
      `ALTER TABLE ${s}.recommendation ADD COLUMN deleted_at timestamptz`,
    ]);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runAll(runner, [
      `ALTER TABLE ${s}.recommendation DROP COLUMN deleted_at`,
      ...['assessment', 'recommendation'].map(
        (table) =>
          `ALTER TABLE ${s}.${table} DROP COLUMN version, DROP COLUMN created_at, DROP COLUMN updated_at`,
      ),
      `DROP TABLE ${s}.idempotency_key`,
      `DROP TABLE ${s}.audit_log`,
      `DROP FUNCTION ${s}.audit_log_append_only()`,
    ]);
  }
}
