import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runAll, schemaOf } from '../../../shared/src/migration-helpers';

/**
 * The outbox records which recommendations a write touched, not their state: the relay reads the
 * state when it delivers. Each row is marked delivered (`delivered_at`, and the state it carried in
 * `addressed`) instead of a high-water mark passing it, so a write that commits after a later one
 * was delivered is still sent. `addressed_delivery` becomes the relays' lock row, its
 * `delivered_seq` the number of the last delivery taken, drawn from the outbox's own sequence so
 * that it outranks every sequence number assessments already holds. The column keeps its name,
 * so replicas of the previous release go on working during a rolling deploy; what they deliver
 * the new relay delivers again with a higher number.
 */
export class FundingAddressedDelivery1764900000000 implements MigrationInterface {
  name = 'FundingAddressedDelivery1764900000000';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runAll(runner, [
      `ALTER TABLE ${s}.addressed_outbox ALTER COLUMN addressed DROP NOT NULL`,
      `ALTER TABLE ${s}.addressed_outbox ADD COLUMN delivered_at timestamptz`,
      `UPDATE ${s}.addressed_outbox o SET delivered_at = o.recorded_at
         FROM ${s}.addressed_delivery d WHERE d.id = 1 AND o.seq <= d.delivered_seq`,
      `UPDATE ${s}.addressed_outbox SET addressed = NULL WHERE delivered_at IS NULL`,
      `CREATE INDEX addressed_outbox_pending_idx ON ${s}.addressed_outbox (seq)
         WHERE delivered_at IS NULL`,
      `CREATE INDEX addressed_outbox_delivered_idx ON ${s}.addressed_outbox (delivered_at)
         WHERE delivered_at IS NOT NULL`,
    ]);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runAll(runner, [
      // The old relay resends from the first undelivered row; resending is harmless.
      `UPDATE ${s}.addressed_delivery SET delivered_seq = COALESCE(
         (SELECT min(seq) - 1 FROM ${s}.addressed_outbox WHERE delivered_at IS NULL),
         (SELECT max(seq) FROM ${s}.addressed_outbox), 0) WHERE id = 1`,
      `UPDATE ${s}.addressed_outbox o SET addressed = EXISTS (
         SELECT 1 FROM ${s}.project_recommendation l JOIN ${s}.project p ON p.id = l.project_id
          WHERE l.recommendation_id = o.recommendation_id
            AND p.status <> 'CANCELLED' AND p.deleted_at IS NULL)
        WHERE o.addressed IS NULL`,
      `ALTER TABLE ${s}.addressed_outbox ALTER COLUMN addressed SET NOT NULL`,
      `DROP INDEX ${s}.addressed_outbox_delivered_idx`,
      `DROP INDEX ${s}.addressed_outbox_pending_idx`,
      `ALTER TABLE ${s}.addressed_outbox DROP COLUMN delivered_at`,
    ]);
  }
}
