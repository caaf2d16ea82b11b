import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runAll, schemaOf } from '../../../shared/src/migration-helpers';

/**
 * Full-text search over projects: a generated `tsvector` of each title (weighted A) and summary
 * (B), English stemming, with a GIN index, which `ProjectFilter.search` matches with
 * `websearch_to_tsquery` and `Query.projects` ranks by.
 */
export class FundingProjectSearch1764700000000 implements MigrationInterface {
  name = 'FundingProjectSearch1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runAll(runner, [
      `ALTER TABLE ${s}.project ADD COLUMN search tsvector GENERATED ALWAYS AS (
         setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', summary), 'B')
       ) STORED`,
      `CREATE INDEX project_search_idx ON ${s}.project USING GIN (search)`,
    ]);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runAll(runner, [`ALTER TABLE ${schemaOf(runner)}.project DROP COLUMN search`]);
  }
}
