import { compareGateways, compareOperations, ratio, summarise, type ScaleResult } from './figures';
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
  subgraphProblems: 0,
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

test('compareGateways divides the working gateway by the baseline on the mix and each operation', () => {
  const scale: ScaleResult = {
    scale: 1,
    mix: { ours: [run(100), run(110)], 'ours@baseline': [run(50), run(60)] },
    operations: {
      q1: {
        ours: { ...run(200, { machineCpuMicrosPerRequest: 10000 }), paginated: true },
        'ours@baseline': { ...run(100), paginated: true },
      },
      'only ours': { ours: { ...run(1), paginated: false } },
    },
    incorrect: {},
  };
  const compared = compareGateways(scale, 'ours', 'ours@baseline')!;
  expect(compared.mix.rps).toBeCloseTo(105 / 55);
  expect(compared.mix.p50).toBe(1);
  expect(compared.operations.q1).toMatchObject({ rps: 2, machineCpu: 0.5, statements: 1 });
  expect(Object.keys(compared.operations)).toEqual(['q1']);
  expect(compareGateways(scale, 'ours', 'apollo')).toBeUndefined();
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
