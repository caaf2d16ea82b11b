import type { DataSource } from 'typeorm';
import {
  bucketDigestsSql,
  bucketOf,
  differingBuckets,
  type BucketDigest,
} from '../../../shared/src/id-digests';
import type { Logger } from '../../../shared/src/logger';
import type { AddressedCopy } from './assessments-client';
import { liveLinks, recordChanged } from './outbox';
import type { AddressedRelay } from './relay';

/** One recommendation whose copy in assessments disagreed with funding's links, and was set right. */
interface CoverageRepair {
  recommendationId: string;
  /** What funding's links say, and assessments now holds. */
  addressed: boolean;
  reason: string;
}

export interface CoverageReconciliation {
  /** Buckets compared (id-digests.ts), and those whose digests differed. */
  buckets: number;
  differingBuckets: string[];
  /** Recommendations that disagreed, found in the differing buckets. */
  differences: number;
  /** Of those, how many were being delivered anyway (a change in the outbox): not repairs. */
  inDelivery: number;
  /** What was set right; empty for a dry run. */
  repairs: CoverageRepair[];
  /** For a dry run: what would have been set right. */
  wouldRepair: CoverageRepair[];
  milliseconds: number;
}

export interface ReconcileDeps {
  db: DataSource;
  relay: AddressedRelay;
  copy: AddressedCopy;
  logger: Logger;
  /** Counts each repair (`coverage_repairs_total`). */
  onRepair?: (repair: CoverageRepair) => void;
}

const reasonFor = (addressed: boolean) =>
  addressed
    ? 'a live project addresses it, and assessments counted it unaddressed'
    : 'no live project addresses it, and assessments counted it addressed';

/**
 * Compares assessments' copy of "addressed" with funding's links, the truth, and sets the copy
 * right where they differ: first a digest per bucket on each side, then id by id in the buckets
 * that differ; a recommendation whose change is in the outbox is left to the relay. A repair
 * sets the copy's row whatever its number, then the relay delivers the same recommendations
 * again with a new one, so a delivery made meanwhile is never lost. Each repair is logged and
 * counted: with delivery correct it should never happen. Statements: two in funding and two calls to assessments when the copy
 * agrees; two more and a repair call when it does not, whatever the size of the data.
 */
export async function reconcileCoverage(
  { db, relay, copy, logger, onRepair }: ReconcileDeps,
  { dryRun = false } = {},
): Promise<CoverageReconciliation> {
  const started = Date.now();
  const s = `"${db.driver.schema}"`;
  const truth = `FROM (SELECT DISTINCT l.recommendation_id AS id FROM ${liveLinks(s)}) t`;
  await relay.deliverNow(10_000);
  const [ours, theirs] = await Promise.all([
    db.query(bucketDigestsSql('t.id', truth)) as Promise<BucketDigest[]>,
    copy.digests(),
  ]);
  const differing = differingBuckets(ours, theirs);
  const result: CoverageReconciliation = {
    buckets: new Set([...ours, ...theirs].map((d) => d.bucket)).size,
    differingBuckets: differing,
    differences: 0,
    inDelivery: 0,
    repairs: [],
    wouldRepair: [],
    milliseconds: 0,
  };
  if (differing.length) {
    const [addressedHere, addressedThere] = await Promise.all([
      db.query(`SELECT t.id::text AS id ${truth} WHERE ${bucketOf('t.id')} = ANY($1::text[])`, [
        differing,
      ]) as Promise<{ id: string }[]>,
      copy.addressedIn(differing),
    ]);
    const here = new Set(addressedHere.map((row) => row.id));
    const there = new Set(addressedThere);
    const disagreeing = [...new Set([...here, ...there])].filter(
      (id) => here.has(id) !== there.has(id),
    );
    result.differences = disagreeing.length;
    if (!disagreeing.length) return { ...result, milliseconds: Date.now() - started };
    const { seq, states } = await relay.statesOf(disagreeing);
    // A state that changed since the comparison, or whose change waits in the outbox, is the
    // relay's to deliver, not a repair.
    const wrong = states.filter(
      (state) => !state.pending && state.addressed !== there.has(state.recommendationId),
    );
    result.inDelivery = states.filter((state) => state.pending).length;
    const repairs = wrong.map(({ recommendationId, addressed }) => ({
      recommendationId,
      addressed,
      reason: reasonFor(addressed),
    }));
    if (dryRun) {
      result.wouldRepair = repairs;
    } else if (repairs.length) {
      const changed = await copy.repair(
        repairs.map(({ recommendationId, addressed }) => ({ seq, recommendationId, addressed })),
      );
      result.repairs = changed.map(({ recommendationId, addressed }) => ({
        recommendationId,
        addressed,
        reason: reasonFor(addressed),
      }));
      // A repair replaces the copy's row whatever its number, so it could replace a state
      // delivered since it was read: the relay delivers these again, numbered after it.
      await recordChanged(
        db.manager,
        repairs.map((repair) => repair.recommendationId),
      );
      await relay.deliverNow();
      for (const repair of result.repairs) {
        logger.error(
          {
            recommendationId: repair.recommendationId,
            addressed: repair.addressed,
            reason: repair.reason,
          },
          'coverage repaired: assessments disagreed with funding’s links',
        );
        onRepair?.(repair);
      }
    }
  }
  result.milliseconds = Date.now() - started;
  return result;
}
