import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  PROVENANCE_COLUMNS,
  runAll,
  schemaOf,
  versionColumns,
  writeSupportTables,
} from '../../../shared/src/migration-helpers';

/**
 * What writes need: versions and soft deletion on projects and contributions, monitoring and
 * evaluation (indicators, their measurements, evaluations), the audit log and idempotency keys.
 */
export class FundingWrites1764400000000 implements MigrationInterface {
  name = 'FundingWrites1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runAll(runner, [
      ...writeSupportTables(s),
      ...versionColumns(s, 'project'),
      ...versionColumns(s, 'contribution'),
      `ALTER TABLE ${s}.project ADD COLUMN deleted_at timestamptz`,
      `ALTER TABLE ${s}.contribution ADD COLUMN deleted_at timestamptz`,
      `CREATE TABLE ${s}.indicator (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL REFERENCES ${s}.project (id),
        name text NOT NULL,
        unit text NOT NULL,
        baseline numeric(18, 4),
        target numeric(18, 4),
        ${PROVENANCE_COLUMNS},
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (project_id, name)
      )`,
      `CREATE TABLE ${s}.measurement (
        id uuid PRIMARY KEY,
        indicator_id uuid NOT NULL REFERENCES ${s}.indicator (id),
        value numeric(18, 4) NOT NULL,
        measured_on date NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX measurement_indicator_idx ON ${s}.measurement (indicator_id, measured_on)`,
      `CREATE TABLE ${s}.evaluation (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL REFERENCES ${s}.project (id),
        completed_on date NOT NULL,
        rating varchar(32) NOT NULL CHECK (rating IN ('HIGHLY_SATISFACTORY', 'SATISFACTORY',
          'MODERATELY_SATISFACTORY', 'MODERATELY_UNSATISFACTORY', 'UNSATISFACTORY', 'HIGHLY_UNSATISFACTORY')),
        summary text NOT NULL,
        evaluator_entity_acronym varchar(32),
        ${PROVENANCE_COLUMNS},
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX evaluation_project_idx ON ${s}.evaluation (project_id, completed_on)`,
      `CREATE INDEX indicator_project_idx ON ${s}.indicator (project_id)`,
    ]);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runAll(runner, [
      `DROP TABLE ${s}.evaluation`,
      `DROP TABLE ${s}.measurement`,
      `DROP TABLE ${s}.indicator`,
      `ALTER TABLE ${s}.contribution DROP COLUMN deleted_at`,
      `ALTER TABLE ${s}.project DROP COLUMN deleted_at`,
      ...['project', 'contribution'].map(
        (table) =>
          `ALTER TABLE ${s}.${table} DROP COLUMN version, DROP COLUMN created_at, DROP COLUMN updated_at`,
      ),
      `DROP TABLE ${s}.idempotency_key`,
      `DROP TABLE ${s}.audit_log`,
      `DROP FUNCTION ${s}.audit_log_append_only()`,
    ]);
  }
}
