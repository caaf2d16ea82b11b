import type { DataSource } from 'typeorm';
import type { SubgraphFeature } from './features';
import type { Logger } from './logger';
import { MAINTENANCE } from './statements';

export interface ExpiredKeyDeletion {
  /** How long a key is kept from its first request, in ms. */
  retentionMs: number;
  /** Keys deleted per statement. @default 1000 */
  batchSize?: number;
  /** Stops after the batch in progress once aborted. */
  signal?: AbortSignal;
}

/**
 * Deletes the idempotency keys older than `retentionMs`, one short statement per batch, until
 * none is left; resolves to how many were deleted. A key that a request holds locked is passed
 * over, not waited for: a later run deletes it if it is still expired then.
 */
export async function deleteExpiredIdempotencyKeys(
  db: DataSource,
  { retentionMs, batchSize = 1000, signal }: ExpiredKeyDeletion,
): Promise<number> {
  const table = `"${db.driver.schema ?? 'public'}".idempotency_key`;
  let deleted = 0;
  while (!signal?.aborted) {
    const [{ n }] = (await db.query(
      `${MAINTENANCE} WITH gone AS (
         DELETE FROM ${table} WHERE ctid = ANY(ARRAY(
           SELECT ctid FROM ${table}
            WHERE created_at < now() - make_interval(secs => $1)
            LIMIT $2 FOR UPDATE SKIP LOCKED))
         RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [retentionMs / 1000, batchSize],
    )) as { n: number }[];
    deleted += n;
    if (n < batchSize) break;
  }
  return deleted;
}

export interface IdempotencyCleanupOptions {
  db: DataSource;
  /** Where a run's outcome is logged: what it deleted, or why it failed. */
  logger: Logger;
  retentionMs: number;
  /** The wait before the first run, in ms. @default 60000 */
  firstRunDelayMs?: number;
  /** The wait between the end of one run and the start of the next, in ms. @default 3600000 */
  intervalMs?: number;
  /** @default 1000 */
  batchSize?: number;
}

/**
 * Deletes expired idempotency keys in the background: shortly after the subgraph starts, then
 * every `intervalMs`. Its timer does not keep the process alive, and a run that fails is logged
 * and tried again at the next one. `close` cancels the next run and waits for the one in
 * progress to finish its batch.
 */
export function idempotencyCleanup({
  db,
  logger,
  retentionMs,
  firstRunDelayMs = 60_000,
  intervalMs = 3_600_000,
  batchSize = 1000,
}: IdempotencyCleanupOptions): SubgraphFeature {
  const stopping = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  async function run(): Promise<void> {
    try {
      const deleted = await deleteExpiredIdempotencyKeys(db, {
        retentionMs,
        batchSize,
        signal: stopping.signal,
      });
      if (deleted > 0) logger.info({ deleted }, 'expired idempotency keys deleted');
    } catch (error) {
      logger.warn(
        { err: error },
        'expired idempotency keys could not be deleted; the next run tries again',
      );
    }
  }

  function schedule(delayMs: number): void {
    timer = setTimeout(() => {
      running = run().finally(() => {
        running = undefined;
        if (!stopping.signal.aborted) schedule(intervalMs);
      });
    }, delayMs);
    timer.unref();
  }

  schedule(firstRunDelayMs);
  return {
    async close() {
      stopping.abort();
      clearTimeout(timer);
      await running;
    },
  };
}
