export type BreakerState = 'closed' | 'open';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the breaker. */
  failures: number;
  /** How long an open breaker waits between probes. */
  probeMs: number;
  /** Whether the service answers again; called only while the breaker is open. */
  probe: () => Promise<boolean>;
  onChange?: (state: BreakerState, detail: { failures: number; openForMs?: number }) => void;
}

/**
 * Stops calls to a service that keeps failing: after `failures` failures in a row the breaker
 * opens and calls fail at once, without waiting on the service. While open it probes the service
 * every `probeMs` with a cheap request of its own, so no caller's request is spent finding out;
 * the first probe that succeeds closes it.
 */
export class CircuitBreaker {
  private consecutive = 0;
  private openedAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private disposed = false;
  state: BreakerState = 'closed';

  constructor(private readonly options: CircuitBreakerOptions) {}

  /** Whether a call may go to the service now. */
  allows(): boolean {
    return this.state === 'closed';
  }

  /** When the next probe runs, in ms from now (0 when closed). */
  retryInMs(): number {
    if (this.state === 'closed') return 0;
    const elapsed = (Date.now() - this.openedAt) % this.options.probeMs;
    return this.options.probeMs - elapsed;
  }

  success(): void {
    this.consecutive = 0;
    if (this.state === 'open') this.close();
  }

  failure(): void {
    if (this.state === 'open') return;
    this.consecutive += 1;
    if (this.consecutive >= this.options.failures) this.open();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
  }

  private open(): void {
    this.state = 'open';
    this.openedAt = Date.now();
    this.options.onChange?.('open', { failures: this.consecutive });
    this.scheduleProbe();
  }

  private close(): void {
    clearTimeout(this.timer);
    const openForMs = Date.now() - this.openedAt;
    this.state = 'closed';
    this.consecutive = 0;
    this.options.onChange?.('closed', { failures: 0, openForMs });
  }

  private scheduleProbe(): void {
    if (this.disposed) return;
    this.timer = setTimeout(() => {
      this.options
        .probe()
        .catch(() => false)
        .then((healthy) => {
          if (this.state !== 'open' || this.disposed) return;
          if (healthy) this.close();
          else this.scheduleProbe();
        });
    }, this.options.probeMs);
    // A breaker waiting to probe must not keep a stopping process alive.
    this.timer.unref();
  }
}
