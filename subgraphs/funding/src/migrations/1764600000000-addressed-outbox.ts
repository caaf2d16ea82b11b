import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runAll, schemaOf } from '../../../shared/src/migration-helpers';

/**
 * The outbox of "addressed" changes: whether any live project addresses a recommendation, each
 * change recorded in the transaction of the write that made it, for the assessments subgraph,
 * which counts coverage, to apply. A database upgraded in place records every recommendation
 * projects address today, so the first delivery brings assessments up to date.
 */
export class FundingAddressedOutbox1764600000000 implements MigrationInterface {
  name = 'FundingAddressedOutbox1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runAll(runner, [
      `CREATE TABLE ${s}.addressed_outbox (
        seq bigserial PRIMARY KEY,
        recommendation_id uuid NOT NULL,
        addressed boolean NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE TABLE ${s}.addressed_delivery (
        id smallint PRIMARY KEY CHECK (id = 1),
        delivered_seq bigint NOT NULL DEFAULT 0
      )`,
      `INSERT INTO ${s}.addressed_delivery (id, delivered_seq) VALUES (1, 0)`,
      `INSERT INTO ${s}.addressed_outbox (recommendation_id, addressed)
        SELECT l.recommendation_id, bool_or(p.status <> 'CANCELLED' AND p.deleted_at IS NULL)
          FROM ${s}.project_recommendation l JOIN ${s}.project p ON p.id = l.project_id
         GROUP BY l.recommendation_id`,
    ]);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runAll(runner, [
      `DROP TABLE ${s}.addressed_delivery`,
      `DROP TABLE ${s}.addressed_outbox`,
    ]);
  }
}
