import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
  type CircuitBreakerPolicy,
  type IDisposable,
} from 'cockatiel';

export type BreakerState = 'closed' | 'open';

/**
 * What a call tells of the service: it answered, it failed, or neither (a call cut short by its
 * caller, say). Only `failed` counts towards opening; only `answered` resets the count.
 */
export type Verdict = 'answered' | 'failed' | 'neither';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the breaker. */
  failures: number;
  /** How long an open breaker waits between probes. */
  probeMs: number;
  /** Whether the service answers again; called only while the breaker is open. */
  probe: () => Promise<boolean>;
  onChange?: (state: BreakerState, detail: { failures: number; openForMs?: number }) => void;
}

/** A call's answer that is not a success, carried through cockatiel, which counts it if `counts`. */
class Unanswered {
  constructor(
    readonly answer: unknown,
    readonly counts: boolean,
  ) {}
}

/**
 * Stops calls to a service that keeps failing: after `failures` failures in a row the breaker
 * opens and calls fail at once, without waiting on the service. While open it probes the service
 * every `probeMs` with a cheap request of its own, so no caller's request is spent finding out;
 * the first probe that succeeds closes it.
 *
 * Cockatiel's circuit breaker holds the state: it counts consecutive failures, opens, and
 * closes or opens again on the outcome of a half-open trial call. This adds the probing: the
 * trial call is always the probe, which a timer runs `probeMs` after each opening; and a caller's
 * call is refused, with cockatiel's BrokenCircuitError, unless the circuit is closed, where
 * cockatiel would make the first caller after its wait the trial and hold the others until it
 * ends.
 */
export class CircuitBreaker {
  private readonly policy: CircuitBreakerPolicy;
  private readonly listeners: IDisposable[];
  private timer: NodeJS.Timeout | undefined;
  private openedAt = 0;
  private nextProbeAt = 0;

  constructor(private readonly options: CircuitBreakerOptions) {
    this.policy = circuitBreaker(
      handleWhen((error) => error instanceof Unanswered && error.counts),
      // No wait of cockatiel's own before a trial: the probe's timer alone decides when one runs.
      { halfOpenAfter: 0, breaker: new ConsecutiveBreaker(options.failures) },
    );
    this.listeners = [
      // On opening, and again on each failed probe.
      this.policy.onBreak(() => {
        if (!this.openedAt) {
          this.openedAt = Date.now();
          options.onChange?.('open', { failures: options.failures });
        }
        this.scheduleProbe();
      }),
      this.policy.onReset(() => {
        clearTimeout(this.timer);
        const openForMs = Date.now() - this.openedAt;
        this.openedAt = 0;
        options.onChange?.('closed', { failures: 0, openForMs });
      }),
    ];
  }

  /**
   * Runs `call` and resolves with its answer; while the circuit is open, rejects at once with
   * cockatiel's BrokenCircuitError instead (`isBrokenCircuitError`). A call that rejects counts
   * neither way.
   */
  execute<T>(call: () => Promise<{ answer: T; verdict: Verdict }>): Promise<T> {
    // Half-open is open too: a probe is running.
    if (this.policy.state !== CircuitState.Closed) return Promise.reject(new BrokenCircuitError());
    return this.run(call);
  }

  /** When the next probe runs, in ms from now (0 when closed, or while a probe runs). */
  retryInMs(): number {
    if (this.policy.state === CircuitState.Closed) return 0;
    return Math.max(0, this.nextProbeAt - Date.now());
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const listener of this.listeners) listener.dispose();
  }

  private async run<T>(call: () => Promise<{ answer: T; verdict: Verdict }>): Promise<T> {
    try {
      return await this.policy.execute(async () => {
        const { answer, verdict } = await call();
        if (verdict === 'answered') return answer;
        throw new Unanswered(answer, verdict === 'failed');
      });
    } catch (error) {
      if (error instanceof Unanswered) return error.answer as T;
      throw error;
    }
  }

  private scheduleProbe(): void {
    clearTimeout(this.timer);
    this.nextProbeAt = Date.now() + this.options.probeMs;
    // The probe is the trial call: its success closes the circuit (onReset), its failure opens
    // it again (onBreak), which schedules the next one.
    const probe = async () => {
      const healthy = await this.options.probe().catch(() => false);
      return { answer: healthy, verdict: healthy ? ('answered' as const) : ('failed' as const) };
    };
    this.timer = setTimeout(() => void this.run(probe), this.options.probeMs);
    // A breaker waiting to probe must not keep a stopping process alive.
    this.timer.unref();
  }
}
