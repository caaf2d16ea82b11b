import type { QueryRunner } from 'typeorm';

/** The quoted schema a migration runs in, so one migration serves any configured schema. */
export function schemaOf(runner: QueryRunner): string {
  return `"${runner.connection.driver.schema ?? 'public'}"`;
}

/** Runs the statements of a migration in order. */
export async function runAll(runner: QueryRunner, statements: string[]): Promise<void> {
  for (const statement of statements) await runner.query(statement);
}

/** The columns of `WithProvenance`, for a CREATE TABLE. */
export const PROVENANCE_COLUMNS = `provenance varchar(16) NOT NULL DEFAULT 'SAMPLE'
    CHECK (provenance IN ('SOURCED', 'INFERRED', 'SAMPLE')),
  source text,
  notes text`;

/**
 * The append-only audit log and the idempotency keys every subgraph keeps for its writes. A
 * trigger refuses UPDATE and DELETE on the log, so not even the service can rewrite history.
 */
export function writeSupportTables(s: string): string[] {
  return [
    `CREATE TABLE ${s}.audit_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor_subject text,
      actor_entity text,
      actor_roles text[] NOT NULL DEFAULT '{}',
      operation text NOT NULL,
      entity_type text NOT NULL,
      entity_id text NOT NULL,
      before jsonb,
      after jsonb
    )`,
    `CREATE INDEX audit_log_entity_idx ON ${s}.audit_log (entity_type, entity_id, id)`,
    `CREATE INDEX audit_log_actor_idx ON ${s}.audit_log (actor_subject, id)`,
    `CREATE FUNCTION ${s}.audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit log is append-only';
      END
    $$`,
    `CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON ${s}.audit_log
      FOR EACH ROW EXECUTE FUNCTION ${s}.audit_log_append_only()`,
    `CREATE TABLE ${s}.idempotency_key (
      scope text NOT NULL,
      key text NOT NULL,
      operation text NOT NULL,
      request_hash text NOT NULL,
      result_id text,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (scope, key)
    )`,
  ];
}

/**
 * Finds idempotency keys by age, for the cleanup that deletes those past their retention
 * (`idempotency-cleanup.ts`).
 */
export function idempotencyKeyAgeIndex(s: string): string[] {
  return [`CREATE INDEX idempotency_key_created_idx ON ${s}.idempotency_key (created_at)`];
}

/** Undoes `idempotencyKeyAgeIndex`. */
export function dropIdempotencyKeyAgeIndex(s: string): string[] {
  return [`DROP INDEX ${s}.idempotency_key_created_idx`];
}

/** Optimistic concurrency and timestamps for a table that callers update. */
export function versionColumns(s: string, table: string): string[] {
  return [
    `ALTER TABLE ${s}.${table}
      ADD COLUMN version integer NOT NULL DEFAULT 1,
      ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(),
      ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`,
  ];
}

/**
 * Lets a table's `provenance` say RECORDED (written through the graph) and makes that the
 * default, so a row a user writes is never labelled sample data.
 */
export function recordedProvenance(s: string, tables: string[]): string[] {
  return tables.map(
    (table) => `ALTER TABLE ${s}.${table}
      DROP CONSTRAINT ${table}_provenance_check,
      ADD CONSTRAINT ${table}_provenance_check
        CHECK (provenance IN ('SOURCED', 'INFERRED', 'SAMPLE', 'RECORDED')),
      ALTER COLUMN provenance SET DEFAULT 'RECORDED'`,
  );
}

/** Undoes `recordedProvenance`: rows already RECORDED must be relabelled first. */
export function revertRecordedProvenance(s: string, tables: string[]): string[] {
  return tables.map(
    (table) => `ALTER TABLE ${s}.${table}
      DROP CONSTRAINT ${table}_provenance_check,
      ADD CONSTRAINT ${table}_provenance_check CHECK (provenance IN ('SOURCED', 'INFERRED', 'SAMPLE')),
      ALTER COLUMN provenance SET DEFAULT 'SAMPLE'`,
  );
}
