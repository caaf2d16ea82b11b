import { Counter, Gauge, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { Logger } from '../../../shared/src/logger';
import { MAINTENANCE } from '../../../shared/src/statements';
import type { AddressedCopy } from './assessments-client';
import { reconcileCoverage, type CoverageReconciliation } from './reconcile';
import type { AddressedRelay } from './relay';

export interface ReconcilerOptions {
  db: DataSource;
  relay: AddressedRelay;
  copy: AddressedCopy;
  logger: Logger;
  metrics: Registry;
  /** Between the end of one scheduled run and the start of the next; 0: none. */
  intervalMs: number;
  /** Before the first scheduled run. @default 30000, or `intervalMs` if shorter */
  firstRunDelayMs?: number;
}

/**
 * Runs the reconciliation of coverage (reconcile.ts) on a schedule and on demand, one run at a
 * time in this process, and counts what it finds for the metrics: `coverage_repairs_total` (an
 * alert when it grows), `coverage_reconciliations_total` by outcome, and the outbox's
 * undelivered changes (`coverage_changes_undelivered`, with the age of the oldest), which show a
 * delivery that is stuck.
 */
export class CoverageReconciler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private readonly repairs: Counter;
  private readonly runs: Counter<'outcome'>;

  constructor(private readonly options: ReconcilerOptions) {
    const registers = [options.metrics];
    this.repairs = new Counter({
      name: 'coverage_repairs_total',
      help: "Recommendations whose copy of 'addressed' in assessments disagreed with funding's links and was repaired; should stay 0",
      registers,
    });
    this.runs = new Counter({
      name: 'coverage_reconciliations_total',
      help: "Comparisons of assessments' copy of 'addressed' with funding's links, by outcome",
      labelNames: ['outcome'],
      registers,
    });
    const schema = `"${options.db.driver.schema}"`;
    new Gauge({
      name: 'coverage_changes_undelivered',
      help: 'Changes of what projects address that the relay has not yet delivered to assessments',
      registers,
      async collect() {
        const [row] = (await options.db.query(
          `${MAINTENANCE} SELECT count(*)::int AS n FROM ${schema}.addressed_outbox WHERE delivered_at IS NULL`,
        )) as { n: number }[];
        this.set(row.n);
      },
    });
    new Gauge({
      name: 'coverage_oldest_undelivered_seconds',
      help: 'Age of the oldest change of what projects address not yet delivered to assessments; 0 when none',
      registers,
      async collect() {
        const [row] = (await options.db.query(
          `${MAINTENANCE} SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(recorded_at)), 0)::float AS age
             FROM ${schema}.addressed_outbox WHERE delivered_at IS NULL`,
        )) as { age: number }[];
        this.set(row.age);
      },
    });
  }

  start(): void {
    const { intervalMs, firstRunDelayMs = Math.min(30_000, intervalMs) } = this.options;
    if (intervalMs > 0) this.schedule(firstRunDelayMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running.catch(() => undefined);
  }

  /** One reconciliation, after any in progress; its failure is the caller's to report. */
  run({ dryRun = false } = {}): Promise<CoverageReconciliation> {
    const { db, relay, copy, logger } = this.options;
    const run = this.running
      .catch(() => undefined)
      .then(() =>
        reconcileCoverage(
          { db, relay, copy, logger, onRepair: () => this.repairs.inc() },
          { dryRun },
        ),
      );
    this.running = run;
    return run.then(
      (result) => {
        const differed = result.repairs.length + result.wouldRepair.length > 0;
        this.runs.inc({ outcome: differed ? (dryRun ? 'differed' : 'repaired') : 'agreed' });
        return result;
      },
      (error: unknown) => {
        this.runs.inc({ outcome: 'failed' });
        throw error;
      },
    );
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      void this.run()
        .then((result) => {
          if (result.differences === 0) return;
          this.options.logger.info(
            {
              differences: result.differences,
              repaired: result.repairs.length,
              inDelivery: result.inDelivery,
            },
            'coverage reconciled',
          );
        })
        .catch((error: unknown) =>
          this.options.logger.warn(
            { err: error },
            "coverage could not be compared with assessments' copy; the next run tries again",
          ),
        )
        .finally(() => {
          if (!this.stopped) this.schedule(this.options.intervalMs);
        });
    }, delayMs);
    this.timer.unref();
  }
}
