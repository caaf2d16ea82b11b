/** Distinct operation names a service's metrics keep apart; the rest count as "other". */
export const MAX_OPERATION_NAMES = 500;

/**
 * Caps how many distinct values a metric label takes. Operation names are chosen by callers, so
 * unbounded they would let anyone grow the metrics (and the memory behind them) without limit:
 * the first `max` values are kept, later ones are counted as "other".
 */
export class BoundedLabel {
  private readonly seen = new Set<string>();

  constructor(private readonly max = MAX_OPERATION_NAMES) {}

  of(value: string): string {
    if (this.seen.has(value)) return value;
    if (this.seen.size >= this.max) return 'other';
    this.seen.add(value);
    return value;
  }
}
