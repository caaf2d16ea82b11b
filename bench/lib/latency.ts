import type { LoadResult } from './load';

/** The nearest-rank percentile `p` (0–1) of latencies in ms, to a tenth; 0 when there are none. */
export function percentile(latencies: number[], p: number): number {
  if (!latencies.length) return 0;
  const sorted = [...latencies].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return Math.round(sorted[rank - 1] * 10) / 10;
}

/**
 * What requests timed one by one come to, in autocannon's terms: latencies are those of the
 * requests that succeeded, req/s counts only those.
 */
export function latencyResult(
  latencies: number[],
  failed: { errors: number; wrong: number },
  seconds: number,
): LoadResult {
  return {
    requests: latencies.length + failed.errors,
    rps: seconds > 0 ? latencies.length / seconds : 0,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    ...failed,
  };
}
