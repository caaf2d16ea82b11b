import type { DataSource } from 'typeorm';

/**
 * Runs a raw read where TypeORM would run a query builder's: on a read replica during a query
 * operation, on the primary otherwise (database.ts decides). `DataSource.query` always takes the
 * primary.
 */
export async function readQuery<T = Record<string, unknown>>(
  db: DataSource,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const runner = db.createQueryRunner(db.defaultReplicationModeForReads());
  try {
    return (await runner.query(sql, params)) as T[];
  } finally {
    await runner.release();
  }
}
