import { compareOperations, ratio, summarise, type ScaleResult } from './figures';
import type { Measurement } from './measure';

const run = (rps: number, over: Partial<Measurement> = {}): Measurement => ({
  requests: rps * 10,
  rps,
  p50: 100,
  p99: 400,
  errors: 0,
  wrong: 0,
  cpuMicrosPerRequest: 5000,
  subgraphCpuMicrosPerRequest: 8000,
  machineCpuMicrosPerRequest: 20000,
  peakRssMb: 300,
  statementsPerRequest: 8,
  ...over,
});

test('ratio is null rather than infinite or NaN, which JSON cannot hold', () => {
  expect(ratio(3, 2)).toBe(1.5);
  expect(ratio(1, 0)).toBeNull();
  expect(ratio(0, 0)).toBeNull();
});

test('summarise takes the median of each figure over the rounds', () => {
  const summary = summarise([run(90), run(100, { p50: 300, peakRssMb: 320 }), run(95)]);
  expect(summary).toMatchObject({ rps: 95, p50: 100, peak: 320, gatewayCpu: 5000 });
});

test('compareOperations divides one operation by another per gateway that ran both', () => {
  const scale: ScaleResult = {
    scale: 1,
    mix: {},
    operations: {
      all: { ours: { ...run(1, { p50: 3000 }), paginated: false } },
      some: {
        ours: { ...run(10, { p50: 250 }), paginated: false },
        apollo: { ...run(9), paginated: false },
      },
    },
    incorrect: {},
  };
  expect(compareOperations(scale, 'all', 'some')).toEqual({
    ours: expect.objectContaining({ p50: 12, rps: 0.1 }) as unknown,
  });
});
