import type { DataSource } from 'typeorm';
import { signBody } from '../../../shared/src/gateway-signature';
import type { Logger } from '../../../shared/src/logger';

/** One change of the outbox as assessments applies it. */
export interface AddressedChange {
  seq: string;
  recommendationId: string;
  addressed: boolean;
}

export interface RelayOptions {
  /** Sends a batch of changes in order; resolves once the receiver has applied them all. */
  send(changes: AddressedChange[]): Promise<void>;
  logger: Logger;
  /** How soon undelivered changes are tried again after a failed delivery. @default 2000 */
  retryMs?: number;
  /** Changes per call. @default 500 */
  batch?: number;
  /** Delivered changes are kept this long, for an operator to read, then deleted. @default 7 days */
  keepMs?: number;
}

const RECORD_ADDRESSED = `mutation ($changes: [AddressedChange!]!) { recordAddressed(changes: $changes) }`;

/** Sends changes to the assessments subgraph at `url`, signed as the graph's own call. */
export function sendToAssessments(url: string, signingSecret: string | undefined) {
  return async (changes: AddressedChange[]): Promise<void> => {
    if (!signingSecret) {
      throw new Error('GATEWAY_SIGNING_SECRET is not set: assessments accepts no unsigned changes');
    }
    const body = signBody(
      { query: RECORD_ADDRESSED, variables: { changes } },
      undefined,
      signingSecret,
    );
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5_000),
    });
    const answer = (await response.json()) as {
      data?: { recordAddressed?: number } | null;
      errors?: { message: string }[];
    };
    if (answer.errors?.length || typeof answer.data?.recordAddressed !== 'number') {
      throw new Error(
        `assessments did not apply the changes: ${answer.errors?.[0]?.message ?? response.status}`,
      );
    }
  };
}

/**
 * Delivers funding's outbox of "addressed" changes to assessments, in order, and remembers how
 * far it got in funding's own schema, so a restart goes on from there. It delivers when the
 * service starts and when a write has committed (`deliverNow`), so the next read sees the write;
 * after a failed delivery it tries again every few seconds until one succeeds, and is idle
 * otherwise. Delivering twice is harmless: the receiver applies a change only over an older one.
 */
export class AddressedRelay {
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private lastPrune = 0;
  private failing = false;
  private stopped = true;
  private readonly schema: string;

  constructor(
    private readonly db: DataSource,
    private readonly options: RelayOptions,
  ) {
    this.schema = `"${db.driver.schema}"`;
  }

  /** Delivers what the outbox holds; resolves when that first delivery has ended, either way. */
  start(): Promise<void> {
    this.stopped = false;
    return this.deliverNow();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
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

  /** One delivery at a time; a call during one runs another after it, for changes it missed. */
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
    const s = this.schema;
    const batch = this.options.batch ?? 500;
    try {
      for (;;) {
        const [{ delivered }] = (await this.db.query(
          `SELECT delivered_seq::text AS delivered FROM ${s}.addressed_delivery WHERE id = 1`,
        )) as { delivered: string }[];
        const changes = (await this.db.query(
          `SELECT seq::text AS seq, recommendation_id AS "recommendationId", addressed
             FROM ${s}.addressed_outbox WHERE seq > $1 ORDER BY seq LIMIT $2`,
          [delivered, batch],
        )) as AddressedChange[];
        if (!changes.length) break;
        await this.options.send(changes);
        await this.db.query(
          `UPDATE ${s}.addressed_delivery SET delivered_seq = GREATEST(delivered_seq, $1::bigint) WHERE id = 1`,
          [changes.at(-1)!.seq],
        );
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
      this.retryLater();
    }
  }

  private retryLater(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.deliver(), this.options.retryMs ?? 2_000);
    this.timer.unref();
  }

  /** Drops delivered changes older than `keepMs`, at most once an hour. */
  private async prune(): Promise<void> {
    if (Date.now() - this.lastPrune < 3_600_000) return;
    this.lastPrune = Date.now();
    const keepMs = this.options.keepMs ?? 7 * 86_400_000;
    await this.db.query(
      `DELETE FROM ${this.schema}.addressed_outbox
        WHERE seq <= (SELECT delivered_seq FROM ${this.schema}.addressed_delivery WHERE id = 1)
          AND recorded_at < now() - make_interval(secs => $1)`,
      [keepMs / 1000],
    );
  }
}
