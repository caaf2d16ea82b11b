import { latencyResult, percentile } from './latency';

test('percentile takes the nearest rank, to a tenth of a millisecond', () => {
  const latencies = Array.from({ length: 200 }, (_, i) => 200 - i + 0.04);
  expect(percentile(latencies, 0.5)).toBe(100);
  expect(percentile(latencies, 0.99)).toBe(198);
  expect(percentile([7.25], 0.99)).toBe(7.3);
  expect(percentile([], 0.5)).toBe(0);
});

test('latencyResult counts failed requests, but neither their latency nor their rate', () => {
  expect(latencyResult([10, 20, 30, 40], { errors: 2, wrong: 1 }, 2)).toEqual({
    requests: 6,
    rps: 2,
    p50: 20,
    p99: 40,
    errors: 2,
    wrong: 1,
  });
});
