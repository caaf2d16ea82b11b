import type { EntityManager } from 'typeorm';
import { badUserInput } from '../../../shared/src/errors';
import { isUuid } from '../../../shared/src/ids';

/** One change of funding's outbox, as `recordAddressed` takes it. */
export interface AddressedChange {
  seq: string;
  recommendationId: string;
  addressed: boolean;
}

/**
 * Applies changes of funding's outbox: for each recommendation, the change with the highest
 * sequence number wins, and one older than (or as old as) the state already recorded changes
 * nothing, so a late, repeated or reordered delivery is harmless. Unknown recommendation ids are
 * kept too: the row means nothing until a recommendation has that id. Returns how many
 * recommendations' rows changed.
 */
export async function applyAddressed(tx: EntityManager, changes: AddressedChange[]) {
  changes.forEach((change, i) => {
    if (!/^\d{1,18}$/.test(change.seq)) {
      throw badUserInput(`"changes[${i}].seq" must be a sequence number.`, `changes[${i}].seq`);
    }
    if (!isUuid(change.recommendationId)) {
      throw badUserInput(
        `"changes[${i}].recommendationId" must be a recommendation id.`,
        `changes[${i}].recommendationId`,
      );
    }
  });
  if (!changes.length) return 0;
  const rows: unknown[] = await tx.query(
    `INSERT INTO "${tx.connection.driver.schema}".recommendation_addressed AS current (recommendation_id, addressed, seq)
     SELECT DISTINCT ON (c.id) c.id, c.addressed, c.seq
       FROM unnest($1::uuid[], $2::boolean[], $3::bigint[]) AS c(id, addressed, seq)
      ORDER BY c.id, c.seq DESC
     ON CONFLICT (recommendation_id) DO UPDATE
        SET addressed = EXCLUDED.addressed, seq = EXCLUDED.seq
      WHERE current.seq < EXCLUDED.seq
     RETURNING recommendation_id`,
    [
      changes.map((c) => c.recommendationId),
      changes.map((c) => c.addressed),
      changes.map((c) => c.seq),
    ],
  );
  return rows.length;
}
