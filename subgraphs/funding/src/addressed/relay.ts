import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from '../../../shared/src/logger';
import { MAINTENANCE } from '../../../shared/src/statements';
import type { AddressedChange, AddressedCopy } from './assessments-client';
import { isAddressedNow } from './outbox';

export interface RelayOptions {
  /** Where the states go: assessments' copy. */
  copy: Pick<AddressedCopy, 'record'>;
  logger: Logger;
  /**
   * How often the relay looks for changes nobody delivered (a failed delivery, or one whose
   * process was killed after its write committed). @default 2000
   */
  intervalMs?: number;
  /** Outbox rows per delivery. @default 500 */
  batch?: number;
  /** Delivered rows are kept this long, for an operator to read, then deleted. @default 7 days */
  keepMs?: number;
}

/** A recommendation's state read from committed rows, and whether a change of it is undelivered. */
export interface CurrentState {
  recommendationId: string;
  addressed: boolean;
  pending: boolean;
}

/**
 * Delivers to assessments the state of every recommendation funding's outbox names, read from
 * committed rows when it delivers, then marks those rows delivered (docs/design.md, "Where
 * "addressed" is counted"). Each delivery is numbered from the outbox's sequence under a lock
 * that every relay of every replica takes to read, so a later number always carries a state read
 * later; assessments keeps, per recommendation, the state with the highest number. Two replicas
 * may deliver the same rows: harmless. A row is marked only after assessments took its state,
 * so nothing is lost to a failed call or a killed process; any replica delivers it later.
 */
export class AddressedRelay {
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private lastPrune = 0;
  private failing = false;
  private readonly schema: string;

  constructor(
    private readonly db: DataSource,
    private readonly options: RelayOptions,
  ) {
    this.schema = `"${db.driver.schema}"`;
  }

  /** Delivers what the outbox holds, then looks again every `intervalMs`. */
  start(): Promise<void> {
    clearInterval(this.timer);
    this.timer = setInterval(() => void this.sweep(), this.options.intervalMs ?? 2_000);
    this.timer.unref();
    return this.deliverNow();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /**
   * Delivers what is pending, waiting at most `timeoutMs`; never fails the caller, whose write
   * has committed either way.
   */
  async deliverNow(timeoutMs = 2_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.deliver(),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      }),
    ]);
    clearTimeout(timer);
  }

  /**
   * The current state of each recommendation, read under the relays' lock with a number of its
   * own: sent to assessments, it outranks every delivery read before it and yields to every one
   * read after. Reconciliation repairs with it.
   */
  statesOf(ids: readonly string[]): Promise<{ seq: string; states: CurrentState[] }> {
    const s = this.schema;
    return this.numbered((tx) =>
      tx.query(
        `SELECT r.id::text AS "recommendationId", ${isAddressedNow(s, 'r.id')} AS addressed,
                EXISTS (SELECT 1 FROM ${s}.addressed_outbox o
                         WHERE o.delivered_at IS NULL AND o.recommendation_id = r.id) AS pending
           FROM unnest($1::uuid[]) AS r(id)`,
        [[...new Set(ids)]],
      ),
    );
  }

  /** Delivers if anything is undelivered; the look itself is maintenance, not a request's. */
  private async sweep(): Promise<void> {
    if (this.running) return;
    // A database that does not answer is the delivery's to report.
    if (await this.undelivered(MAINTENANCE).catch(() => true)) await this.deliver();
  }

  private async undelivered(tag = ''): Promise<boolean> {
    const [{ any }] = (await this.db.query(
      `${tag} SELECT EXISTS (SELECT 1 FROM ${this.schema}.addressed_outbox WHERE delivered_at IS NULL) AS any`,
    )) as { any: boolean }[];
    return any;
  }

  /** One delivery at a time in this process; a call during one runs another after it. */
  private deliver(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.drain();
      } while (this.again);
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async drain(): Promise<void> {
    try {
      while (await this.deliverBatch()) {
        // A full batch: more may be waiting.
      }
      if (this.failing) {
        this.options.logger.info('coverage changes are delivered to assessments again');
      }
      this.failing = false;
      await this.prune();
    } catch (error) {
      if (!this.failing) {
        this.options.logger.warn(
          { err: error },
          'coverage changes could not be delivered to assessments; they are kept and tried again',
        );
      }
      this.failing = true;
    }
  }

  /** Delivers up to one batch of the outbox; true when the batch was full. */
  private async deliverBatch(): Promise<boolean> {
    const s = this.schema;
    const limit = this.options.batch ?? 500;
    if (!(await this.undelivered())) return false;
    const { seq, states } = await this.numbered(
      (tx) =>
        tx.query(
          `WITH pending AS (
             SELECT seq, recommendation_id FROM ${s}.addressed_outbox
              WHERE delivered_at IS NULL ORDER BY seq LIMIT $1)
           SELECT o.recommendation_id::text AS "recommendationId", array_agg(o.seq::text) AS rows,
                  ${isAddressedNow(s, 'o.recommendation_id')} AS addressed
             FROM pending o GROUP BY o.recommendation_id`,
          [limit],
        ) as Promise<{ recommendationId: string; rows: string[]; addressed: boolean }[]>,
    );
    if (!states.length) return false;
    const changes: AddressedChange[] = states.map(({ recommendationId, addressed }) => ({
      seq,
      recommendationId,
      addressed,
    }));
    await this.options.copy.record(changes);
    await this.db.query(
      `UPDATE ${s}.addressed_outbox SET delivered_at = now(),
              addressed = recommendation_id = ANY($2::uuid[])
        WHERE seq = ANY($1::bigint[]) AND delivered_at IS NULL`,
      [
        states.flatMap((state) => state.rows),
        states.filter((state) => state.addressed).map((state) => state.recommendationId),
      ],
    );
    return states.reduce((rows, state) => rows + state.rows.length, 0) === limit;
  }

  /**
   * Reads under the relays' lock (the one row of `addressed_delivery`), after drawing the
   * read's number from the outbox's sequence: numbers go up in the order the reads see the data.
   */
  private async numbered<T>(
    read: (tx: EntityManager) => Promise<T>,
  ): Promise<{ seq: string; states: T }> {
    const s = this.schema;
    return this.db.transaction(async (tx) => {
      const [{ seq }] = (await tx.query(
        `WITH taken AS (
           UPDATE ${s}.addressed_delivery
              SET delivered_seq = nextval(pg_get_serial_sequence($1, 'seq')) WHERE id = 1
           RETURNING delivered_seq)
         SELECT delivered_seq::text AS seq FROM taken`,
        [`${s}.addressed_outbox`],
      )) as { seq: string }[];
      // A statement after the lock was granted: it sees every read and write committed before.
      return { seq, states: await read(tx) };
    });
  }

  /** Drops delivered rows older than `keepMs`, at most once an hour. */
  private async prune(): Promise<void> {
    if (Date.now() - this.lastPrune < 3_600_000) return;
    this.lastPrune = Date.now();
    const keepMs = this.options.keepMs ?? 7 * 86_400_000;
    await this.db.query(
      `DELETE FROM ${this.schema}.addressed_outbox
        WHERE delivered_at < now() - make_interval(secs => $1)`,
      [keepMs / 1000],
    );
  }
}
