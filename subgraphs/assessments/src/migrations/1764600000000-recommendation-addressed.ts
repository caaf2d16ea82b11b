import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runAll, schemaOf } from '../../../shared/src/migration-helpers';

/**
 * Whether a live project addresses each recommendation, as funding's outbox reports it (the
 * change's sequence number with it, so a change older than the one applied is ignored). No row
 * means no project addresses it.
 */
export class AssessmentsRecommendationAddressed1764600000000 implements MigrationInterface {
  name = 'AssessmentsRecommendationAddressed1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runAll(runner, [
      `CREATE TABLE ${s}.recommendation_addressed (
        recommendation_id uuid PRIMARY KEY,
        addressed boolean NOT NULL,
        seq bigint NOT NULL
      )`,
    ]);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runAll(runner, [`DROP TABLE ${schemaOf(runner)}.recommendation_addressed`]);
  }
}
