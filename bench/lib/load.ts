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

/** One request in this many of a mix is one of its heavy samples. */
export const HEAVY_EVERY = 250;

/**
 * Which sample each next request sends: the heavy ones in turn, one every HEAVY_EVERY requests
 * (the first halfway through the first HEAVY_EVERY, so that a short run has one too), the
 * others at random. A fixed share rather than a random draw, so that so rare and so costly a
 * request weighs the same in every run. Samples that are all heavy are sent in turn.
 */
export function sampleOrder(samples: Sample[], random = Math.random): () => number {
  const heavy = samples.flatMap((s, i) => (s.heavy ? [i] : []));
  const light = samples.flatMap((s, i) => (s.heavy ? [] : [i]));
  let sent = 0;
  return () => {
    sent += 1;
    if (!light.length) return heavy[(sent - 1) % heavy.length];
    if (heavy.length && sent % HEAVY_EVERY === HEAVY_EVERY / 2)
      return heavy[Math.floor(sent / HEAVY_EVERY) % heavy.length];
    return light[Math.floor(random() * light.length)];
  };
}

/** For so many seconds, or until so many requests are answered. */
export type Load = { connections: number } & ({ seconds: number } | { requests: number });

/**
 * Drives a gateway with autocannon: each request is a sample in `sampleOrder`, and counts only
 * if its answer is the one verified for that sample.
 */
export async function drive(
  url: string,
  samples: Sample[],
  bodies: string[],
  load: Load,
): Promise<LoadResult> {
  let wrong = 0;
  const target = new URL(url);
  const next = sampleOrder(samples);
  const started = performance.now();
  const result = await autocannon({
    url: target.origin,
    connections: load.connections,
    // autocannon notices the last answer only at its next sample; by default one a second.
    ...('requests' in load ? { amount: load.requests, sampleInt: 20 } : { duration: load.seconds }),
    requests: [
      {
        method: 'POST',
        path: target.pathname,
        headers: { 'content-type': 'application/json' },
        setupRequest(request, context) {
          const index = next();
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
  const seconds = 'seconds' in load ? load.seconds : (performance.now() - started) / 1000;
  return {
    requests: result.requests.total,
    rps: (result.requests.total - errors) / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors,
    wrong,
  };
}
