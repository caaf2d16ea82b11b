import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runAll, schemaOf } from '../../../shared/src/migration-helpers';

/**
 * Full-text search over recommendations: a generated `tsvector` of each text (English stemming)
 * with a GIN index, which `RecommendationFilter.search` matches with `websearch_to_tsquery`.
 */
export class AssessmentsRecommendationSearch1764700000000 implements MigrationInterface {
  name = 'AssessmentsRecommendationSearch1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runAll(runner, [
      `ALTER TABLE ${s}.recommendation
         ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED`,
      `CREATE INDEX recommendation_search_idx ON ${s}.recommendation USING GIN (search)`,
    ]);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runAll(runner, [`ALTER TABLE ${schemaOf(runner)}.recommendation DROP COLUMN search`]);
  }
}
