import type { EntityManager } from 'typeorm';
import { ProjectStatus } from '../../../shared/src/vocabulary';

/** A project as a change of it may affect what is addressed: its status and recommendations. */
export interface AddressingProject {
  status: ProjectStatus;
  recommendations: readonly string[];
}

/**
 * The recommendations whose "addressed" may have changed with a project's write: all it
 * addresses before and after when it starts or stops counting (cancelled, deleted, restored),
 * otherwise those it gained or lost.
 */
export function affectedRecommendations(
  before: AddressingProject | null,
  after: AddressingProject | null,
): string[] {
  const live = (p: AddressingProject | null) => p !== null && p.status !== ProjectStatus.CANCELLED;
  const was = new Set(before?.recommendations ?? []);
  const is = new Set(after?.recommendations ?? []);
  if (live(before) !== live(after)) return [...new Set([...was, ...is])];
  if (!live(after)) return [];
  return [...was, ...is].filter((id) => was.has(id) !== is.has(id));
}

/**
 * Records, in the write's transaction, that these recommendations' "addressed" may have changed.
 * Only which, not the new state: a state computed here could not see a concurrent write to another
 * project that links the same recommendation. The relay reads the state from committed rows when
 * it delivers (relay.ts).
 */
export async function recordChanged(
  tx: EntityManager,
  recommendationIds: readonly string[],
  { unrecordedOnly = false } = {},
): Promise<void> {
  if (!recommendationIds.length) return;
  const s = `"${tx.connection.driver.schema}"`;
  // A seed that runs again records nothing it recorded before.
  const unrecorded = unrecordedOnly
    ? `WHERE NOT EXISTS (SELECT 1 FROM ${s}.addressed_outbox o WHERE o.recommendation_id = r.id)`
    : '';
  await tx.query(
    `INSERT INTO ${s}.addressed_outbox (recommendation_id)
     SELECT r.id FROM unnest($1::uuid[]) AS r(id) ${unrecorded}`,
    [[...new Set(recommendationIds)]],
  );
}

/** Funding's links that count, of projects neither cancelled nor deleted: `FROM` SQL (`l`, `p`). */
export function liveLinks(schema: string): string {
  return `${schema}.project_recommendation l JOIN ${schema}.project p ON p.id = l.project_id
            AND p.status <> '${ProjectStatus.CANCELLED}' AND p.deleted_at IS NULL`;
}

/** SQL: whether a live project addresses the recommendation whose id is `id`. */
export function isAddressedNow(schema: string, id: string): string {
  return `EXISTS (SELECT 1 FROM ${liveLinks(schema)} WHERE l.recommendation_id = ${id})`;
}
