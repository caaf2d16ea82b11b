import type { Logger, QueryRunner } from 'typeorm';

/**
 * Counts the SQL statements a subgraph sends. Tests and benchmarks read it to prove batching:
 * a query must cost the same number of statements for 10 rows as for 100.
 */
export class StatementCounter implements Logger {
  count = 0;

  logQuery(_query: string, _parameters?: unknown[], _runner?: QueryRunner): void {
    this.count += 1;
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
