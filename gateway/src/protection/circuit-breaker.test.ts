import { CircuitBreaker, type BreakerState } from './circuit-breaker';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function breaker(healthy: () => boolean) {
  const changes: BreakerState[] = [];
  let probes = 0;
  const instance = new CircuitBreaker({
    failures: 3,
    probeMs: 20,
    probe: async () => {
      probes += 1;
      return healthy();
    },
    onChange: (state) => changes.push(state),
  });
  return { instance, changes, probes: () => probes };
}

test('opens after the given number of failures in a row, not before', () => {
  const { instance, changes } = breaker(() => false);
  instance.failure();
  instance.failure();
  instance.success();
  instance.failure();
  instance.failure();
  expect(instance.allows()).toBe(true);
  instance.failure();
  expect(instance.allows()).toBe(false);
  expect(changes).toEqual(['open']);
  instance.dispose();
});

test('while open it probes on its own, and closes at the first probe that succeeds', async () => {
  let healthy = false;
  const { instance, changes, probes } = breaker(() => healthy);
  for (let i = 0; i < 3; i++) instance.failure();
  await pause(75);
  expect(probes()).toBeGreaterThanOrEqual(2);
  expect(instance.allows()).toBe(false);
  healthy = true;
  await pause(40);
  expect(instance.allows()).toBe(true);
  expect(changes).toEqual(['open', 'closed']);
  const probed = probes();
  await pause(50);
  expect(probes()).toBe(probed);
});

test('a probe that throws counts as a failed probe', async () => {
  const instance = new CircuitBreaker({
    failures: 1,
    probeMs: 10,
    probe: () => Promise.reject(new Error('connection refused')),
  });
  instance.failure();
  await pause(40);
  expect(instance.allows()).toBe(false);
  expect(instance.retryInMs()).toBeLessThanOrEqual(10);
  instance.dispose();
});

test('once disposed it stops probing', async () => {
  const { instance, probes } = breaker(() => false);
  for (let i = 0; i < 3; i++) instance.failure();
  instance.dispose();
  await pause(60);
  expect(probes()).toBe(0);
});
