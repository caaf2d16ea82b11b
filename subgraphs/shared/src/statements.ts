import type { Logger, QueryRunner } from 'typeorm';

/** Starts a statement the subgraph sends on its own, not for a request (a cleanup, say). */
export const MAINTENANCE = '/* maintenance */';

/**
 * Counts the SQL statements a subgraph sends for requests. Tests and benchmarks read it to prove
 * batching: a query must cost the same number of statements for 10 rows as for 100. Statements
 * marked MAINTENANCE, which run on a timer whatever callers do, are not counted.
 */
export class StatementCounter implements Logger {
  count = 0;

  logQuery(query: string, _parameters?: unknown[], _runner?: QueryRunner): void {
    if (!query.startsWith(MAINTENANCE)) this.count += 1;
  }

  logQueryError(error: string | Error, query: string): void {
    // A failed statement reaches the caller as an error; the log keeps the SQL for operators.
    console.error(
      JSON.stringify({ level: 'error', msg: 'sql failed', error: String(error), query }),
    );
  }

  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
