import type { Outcome } from './load';

export interface Fault {
  name: string;
  /** When the fault began (the kill, the restart command). */
  injectedAt: number;
  /** When the repair was made (the process started again, the server back); = injectedAt if none. */
  repairedAt: number;
  /** The end of the period the fault is judged over (the next fault, or the end of the load). */
  until: number;
}

export interface FaultFigures {
  name: string;
  requests: number;
  failed: number;
  /** Answers with some data and an error naming the failed part. */
  partial: number;
  /** 5xx answers other than 503. */
  serverErrors: number;
  /**
   * From the first failed request to the last, by when they were sent, ms (0: none failed).
   * Every request sent after the window got a whole answer.
   */
  errorWindowMs: number;
  /** From the repair to the end of the window: how long until every answer was whole again. */
  recoveryMs: number;
  /** Requests per second sent over the period. */
  rps: number;
  /** Requests the load generator held back because 128 were already waiting. */
  shed: number;
  /** Error codes of the failed requests, with their counts. */
  codes: Record<string, number>;
}

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

export function figures(outcomes: Outcome[], fault: Fault, shed: number[] = []): FaultFigures {
  // A request the fault caught in flight belongs to it, as do those sent until the period ends;
  // one that failed after the period ended belongs to the next fault.
  const during = outcomes.filter(
    (o) => o.end >= fault.injectedAt && o.start < fault.until && (o.ok || o.end < fault.until),
  );
  const failed = during.filter((o) => !o.ok);
  const first = Math.min(...failed.map((o) => o.start));
  const last = Math.max(...failed.map((o) => o.start));
  const codes: Record<string, number> = {};
  for (const code of failed.flatMap((o) => o.codes)) codes[code] = (codes[code] ?? 0) + 1;
  return {
    name: fault.name,
    requests: during.length,
    failed: failed.length,
    partial: failed.filter((o) => o.partial).length,
    serverErrors: during.filter((o) => o.status >= 500 && o.status !== 503).length,
    errorWindowMs: failed.length ? last - first : 0,
    recoveryMs: failed.length ? Math.max(0, last - fault.repairedAt) : 0,
    rps: Math.round((during.length * 1000) / (fault.until - fault.injectedAt)),
    shed: shed.filter((at) => at >= fault.injectedAt && at < fault.until).length,
    codes,
  };
}

/** The period before the first fault: requests that were answered before it began. */
export function steady(
  outcomes: Outcome[],
  shed: number[],
  from: number,
  firstFault: number,
): FaultFigures {
  return figures(
    outcomes.filter((o) => o.end < firstFault),
    { name: 'steady load, no fault', injectedAt: from, repairedAt: from, until: firstFault },
    shed,
  );
}

export function latency(outcomes: Outcome[]) {
  const times = outcomes.filter((o) => o.ok).map((o) => o.end - o.start);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}
