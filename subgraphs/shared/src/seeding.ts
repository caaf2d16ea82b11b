import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters for our widest table. */
const CHUNK = 500;

/**
 * Inserts rows that are not there yet and leaves existing ones alone, so seeding twice changes
 * nothing and never overwrites what a user has written since.
 */
export async function insertMissing<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: T[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(target)
      .values(rows.slice(i, i + CHUNK) as never)
      .orIgnore()
      .updateEntity(false)
      .execute();
  }
}

/** Whether this schema has been seeded, by the marker each seed run leaves. */
export async function seededScale(db: DataSource): Promise<number | null> {
  const schema = db.driver.schema;
  const rows: { scale: number }[] = await db.query(
    `SELECT scale FROM "${schema}".seed_run ORDER BY applied_at DESC LIMIT 1`,
  );
  return rows[0]?.scale ?? null;
}

export async function markSeeded(db: DataSource, scale: number): Promise<void> {
  const schema = db.driver.schema;
  await db.query(
    `INSERT INTO "${schema}".seed_run (scale) VALUES ($1) ON CONFLICT (scale) DO NOTHING`,
    [scale],
  );
}

/** The seed marker table, created by each subgraph's first migration. */
export function seedRunTable(schema: string): string {
  return `CREATE TABLE ${schema}.seed_run (
    scale integer PRIMARY KEY CHECK (scale > 0),
    applied_at timestamptz NOT NULL DEFAULT now()
  )`;
}

/** A data set row as `WithProvenance` columns name it (`provenance` becomes `provenanceKind`). */
export function withProvenance<T extends { provenance: string }>(row: T) {
  const { provenance, ...rest } = row;
  return { ...rest, provenanceKind: provenance };
}
