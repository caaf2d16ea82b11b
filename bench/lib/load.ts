import autocannon from 'autocannon';
import { isCorrect, type Sample } from './workload';

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  /** Transport errors, non-2xx answers and answers that differ from the expected one. */
  errors: number;
  wrong: number;
}

/**
 * Checks that a gateway gives each sample its expected answer and returns the exact bodies, so
 * the load run can recognise a correct answer by a string comparison.
 */
export async function verify(
  url: string,
  samples: Sample[],
): Promise<{ bodies: string[]; wrong: number }> {
  const bodies: string[] = [];
  let wrong = 0;
  for (const sample of samples) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: sample.body,
    });
    const body = await response.text();
    if (!isCorrect(body, sample.expected)) wrong += 1;
    bodies.push(body);
  }
  return { bodies, wrong };
}

/**
 * Drives a gateway with autocannon: each request is a sample drawn at random, and counts only
 * if its answer is the one verified for that sample.
 */
export async function drive(
  url: string,
  samples: Sample[],
  bodies: string[],
  { connections, seconds }: { connections: number; seconds: number },
): Promise<LoadResult> {
  let wrong = 0;
  const target = new URL(url);
  const result = await autocannon({
    url: target.origin,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: target.pathname,
        headers: { 'content-type': 'application/json' },
        setupRequest(request, context) {
          const index = Math.floor(Math.random() * samples.length);
          (context as { sample: number }).sample = index;
          return { ...request, body: samples[index].body };
        },
        onResponse(status, body, context) {
          const index = (context as { sample: number }).sample;
          if (
            status !== 200 ||
            (body !== bodies[index] && !isCorrect(body, samples[index].expected))
          ) {
            wrong += 1;
          }
        },
      },
    ],
  });
  const errors = result.errors + result.non2xx + wrong;
  return {
    requests: result.requests.total,
    rps: (result.requests.total - errors) / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors,
    wrong,
  };
}
