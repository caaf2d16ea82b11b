import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  runAll,
  schemaOf,
  versionColumns,
  writeSupportTables,
} from '../../../shared/src/migration-helpers';

/** What writes need: versions on the tables admins change, the audit log, idempotency keys. */
export class MembershipWrites1764400000000 implements MigrationInterface {
  name = 'MembershipWrites1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runAll(runner, [
      ...writeSupportTables(s),
      ...versionColumns(s, 'entity'),
      ...versionColumns(s, 'working_group'),
      ...versionColumns(s, 'working_group_membership'),
    ]);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runAll(runner, [
      ...['entity', 'working_group', 'working_group_membership'].map(
        (table) =>
          `ALTER TABLE ${s}.${table} DROP COLUMN version, DROP COLUMN created_at, DROP COLUMN updated_at`,
      ),
      `DROP TABLE ${s}.idempotency_key`,
      `DROP TABLE ${s}.audit_log`,
      `DROP FUNCTION ${s}.audit_log_append_only()`,
    ]);
  }
}
