import type { MigrationInterface, QueryRunner } from 'typeorm';

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
function idempotencyKeyAgeIndex(s: string): string[] {
  return [`CREATE INDEX idempotency_key_created_idx ON ${s}.idempotency_key (created_at)`];
}

/** Undoes `idempotencyKeyAgeIndex`. */
function dropIdempotencyKeyAgeIndex(s: string): string[] {
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
function recordedProvenance(s: string, tables: string[]): string[] {
  return tables.map(
    (table) => `ALTER TABLE ${s}.${table}
      DROP CONSTRAINT ${table}_provenance_check,
      ADD CONSTRAINT ${table}_provenance_check
        CHECK (provenance IN ('SOURCED', 'INFERRED', 'SAMPLE', 'RECORDED')),
      ALTER COLUMN provenance SET DEFAULT 'RECORDED'`,
  );
}

/** Undoes `recordedProvenance`: rows already RECORDED must be relabelled first. */
function revertRecordedProvenance(s: string, tables: string[]): string[] {
  return tables.map(
    (table) => `ALTER TABLE ${s}.${table}
      DROP CONSTRAINT ${table}_provenance_check,
      ADD CONSTRAINT ${table}_provenance_check CHECK (provenance IN ('SOURCED', 'INFERRED', 'SAMPLE')),
      ALTER COLUMN provenance SET DEFAULT 'SAMPLE'`,
  );
}

/**
 * A migration class named `name`: TypeORM records that name in its migrations table and reads
 * the timestamp from its last 13 digits, so each subgraph keeps the name it always had.
 */
function namedMigration(
  name: string,
  up: (s: string) => string[],
  down: (s: string) => string[],
): new () => MigrationInterface {
  const migration = class implements MigrationInterface {
    name = name;

    async up(runner: QueryRunner): Promise<void> {
      await runAll(runner, up(schemaOf(runner)));
    }

    async down(runner: QueryRunner): Promise<void> {
      await runAll(runner, down(schemaOf(runner)));
    }
  };
  Object.defineProperty(migration, 'name', { value: name });
  return migration;
}

/** The migration that indexes a subgraph's idempotency keys by age (`idempotencyKeyAgeIndex`). */
export function idempotencyKeyAgeMigration(name: string): new () => MigrationInterface {
  return namedMigration(name, idempotencyKeyAgeIndex, dropIdempotencyKeyAgeIndex);
}

/** The migration that lets `tables` say RECORDED and makes it their default (`recordedProvenance`). */
export function recordedProvenanceMigration(
  name: string,
  tables: string[],
): new () => MigrationInterface {
  return namedMigration(
    name,
    (s) => recordedProvenance(s, tables),
    (s) => revertRecordedProvenance(s, tables),
  );
}
