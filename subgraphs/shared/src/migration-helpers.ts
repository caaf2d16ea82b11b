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
