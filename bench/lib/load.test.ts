import { HEAVY_EVERY, sampleOrder } from './load';
import type { Sample } from './workload';

const light: Sample = { body: 'light', expected: null };
const heavy = (body: string): Sample => ({ body, expected: null, heavy: true });

test('sampleOrder sends heavy samples in turn, one every HEAVY_EVERY requests', () => {
  const samples: Sample[] = [light, heavy('all'), light, heavy('some')];
  const next = sampleOrder(samples, () => 0.99);
  const sent = Array.from({ length: HEAVY_EVERY * 4 }, next);
  const heavyAt = sent.flatMap((index, n) => (samples[index].heavy ? [[n + 1, index]] : []));
  expect(heavyAt).toEqual([
    [HEAVY_EVERY / 2, 1],
    [HEAVY_EVERY * 1.5, 3],
    [HEAVY_EVERY * 2.5, 1],
    [HEAVY_EVERY * 3.5, 3],
  ]);
  expect(sent.filter((index) => !samples[index].heavy).every((index) => index === 2)).toBe(true);
});

test('sampleOrder sends samples that are all heavy in turn', () => {
  const next = sampleOrder([heavy('a'), heavy('b')]);
  expect([next(), next(), next()]).toEqual([0, 1, 0]);
});
