import type { DataSource, EntityManager } from 'typeorm';
import { badUserInput } from '../../../shared/src/errors';
import { bucketDigestsSql, bucketOf, type BucketDigest } from '../../../shared/src/id-digests';
import { isUuid } from '../../../shared/src/ids';

/** One recommendation's state as funding delivers it, with the number of that delivery. */
export interface AddressedChange {
  seq: string;
  recommendationId: string;
  addressed: boolean;
}

/** A recommendation whose row a delivery changed, and what the row said before. */
export interface AppliedChange {
  recommendationId: string;
  addressed: boolean;
  /** The state held before; a recommendation with no row was not addressed. */
  previously: boolean;
}

const table = (db: DataSource) => `"${db.driver.schema}".recommendation_addressed`;

/**
 * Applies states delivered by funding: for each recommendation, the one with the highest number
 * wins, and one older than (or as old as) the state already held changes nothing, so a late,
 * repeated or reordered delivery is harmless. Unknown recommendation ids are kept too: the row
 * means nothing until a recommendation has that id. A repair (`overwrite`) replaces the row
 * whatever its number, so a number that funding never issued (its database restored from an
 * older backup) cannot hold a wrong state for ever. Returns the rows that took the new state.
 */
export async function applyAddressed(
  tx: EntityManager,
  changes: AddressedChange[],
  { overwrite = false } = {},
): Promise<AppliedChange[]> {
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
  if (!changes.length) return [];
  const t = table(tx.connection);
  // Every sub-statement sees the rows as they were before the statement: `old` is the prior state.
  return tx.query(
    `WITH given AS (
       SELECT DISTINCT ON (c.id) c.id, c.addressed, c.seq
         FROM unnest($1::uuid[], $2::boolean[], $3::bigint[]) AS c(id, addressed, seq)
        ORDER BY c.id, c.seq DESC),
     old AS (SELECT ra.recommendation_id, ra.addressed FROM ${t} ra JOIN given g ON g.id = ra.recommendation_id),
     applied AS (
       INSERT INTO ${t} AS current (recommendation_id, addressed, seq)
       SELECT id, addressed, seq FROM given
       ON CONFLICT (recommendation_id) DO UPDATE
          SET addressed = EXCLUDED.addressed, seq = EXCLUDED.seq
        WHERE ${overwrite ? 'true' : 'current.seq < EXCLUDED.seq'}
       RETURNING recommendation_id, addressed)
     SELECT a.recommendation_id::text AS "recommendationId", a.addressed,
            COALESCE(old.addressed, false) AS previously
       FROM applied a LEFT JOIN old USING (recommendation_id)`,
    [
      changes.map((c) => c.recommendationId),
      changes.map((c) => c.addressed),
      changes.map((c) => c.seq),
    ],
  );
}

/** The digest of each bucket of the recommendations held as addressed (id-digests.ts). */
export function addressedDigests(db: DataSource): Promise<BucketDigest[]> {
  return db.query(bucketDigestsSql('recommendation_id', `FROM ${table(db)} WHERE addressed`));
}

/** The recommendations held as addressed in the given buckets. */
export async function addressedIn(db: DataSource, buckets: readonly string[]): Promise<string[]> {
  if (!buckets.length) return [];
  const rows: { id: string }[] = await db.query(
    `SELECT recommendation_id::text AS id FROM ${table(db)}
      WHERE addressed AND ${bucketOf('recommendation_id')} = ANY($1::text[])
      ORDER BY 1`,
    [buckets],
  );
  return rows.map((row) => row.id);
}
