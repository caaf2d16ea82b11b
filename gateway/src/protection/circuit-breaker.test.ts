import { isBrokenCircuitError } from 'cockatiel';
import { CircuitBreaker, type BreakerState, type Verdict } from './circuit-breaker';

const PROBE_MS = 1000;

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

/**
 * A breaker in front of a service that counts the calls reaching it. Each call says how it went
 * (`verdict`); `probe` is what the breaker's own probe gets from the service.
 */
function setup(probe: () => Promise<boolean> = async () => false) {
  const changes: Array<[BreakerState, { failures: number; openForMs?: number }]> = [];
  let calls = 0;
  let probes = 0;
  const breaker = new CircuitBreaker({
    failures: 3,
    probeMs: PROBE_MS,
    probe: () => {
      probes += 1;
      return probe();
    },
    onChange: (state, detail) => changes.push([state, detail]),
  });
  const call = (verdict: Verdict) =>
    breaker.execute(async () => {
      calls += 1;
      return { answer: `${verdict} answer`, verdict };
    });
  /** Whether a call reaches the service now; the call it makes counts neither way. */
  const reaches = async () => {
    const before = calls;
    const refused = await call('neither').then(
      () => false,
      (error: unknown) => isBrokenCircuitError(error),
    );
    expect(refused).toBe(calls === before);
    return !refused;
  };
  return { breaker, call, reaches, changes, calls: () => calls, probes: () => probes };
}

async function open(call: (verdict: Verdict) => Promise<string>) {
  for (let i = 0; i < 3; i++) await call('failed');
}

test('opens after the given number of failures in a row, not before', async () => {
  const { breaker, call, reaches, changes, calls } = setup();
  await expect(call('failed')).resolves.toBe('failed answer');
  await call('failed');
  await call('answered');
  await call('failed');
  await call('failed');
  expect(await reaches()).toBe(true);
  await call('failed');
  expect(changes).toEqual([['open', { failures: 3 }]]);

  const before = calls();
  await expect(call('answered')).rejects.toThrow(/circuit breaker is open/);
  expect(await reaches()).toBe(false);
  expect(calls()).toBe(before);
  breaker.dispose();
});

test('a call that rejects, or that tells neither, neither counts nor resets the count', async () => {
  const { breaker, call, reaches } = setup();
  const bug = new Error('a bug in the caller');
  await call('failed');
  await call('neither');
  await expect(breaker.execute(() => Promise.reject(bug))).rejects.toBe(bug);
  await call('failed');
  expect(await reaches()).toBe(true);
  await call('failed');
  expect(await reaches()).toBe(false);
  breaker.dispose();
});

test('while open it probes on its own, and closes at the first probe that succeeds', async () => {
  let healthy = false;
  const { breaker, call, reaches, changes, probes } = setup(async () => healthy);
  await open(call);

  await jest.advanceTimersByTimeAsync(PROBE_MS - 1);
  expect(probes()).toBe(0);
  await jest.advanceTimersByTimeAsync(1);
  expect(probes()).toBe(1);
  expect(await reaches()).toBe(false);
  expect(breaker.retryInMs()).toBe(PROBE_MS);

  await jest.advanceTimersByTimeAsync(PROBE_MS);
  expect(probes()).toBe(2);
  expect(await reaches()).toBe(false);
  expect(changes).toEqual([['open', { failures: 3 }]]);

  healthy = true;
  await jest.advanceTimersByTimeAsync(PROBE_MS);
  expect(probes()).toBe(3);
  expect(await reaches()).toBe(true);
  expect(breaker.retryInMs()).toBe(0);
  expect(changes).toEqual([
    ['open', { failures: 3 }],
    ['closed', { failures: 0, openForMs: 3 * PROBE_MS }],
  ]);

  await jest.advanceTimersByTimeAsync(5 * PROBE_MS);
  expect(probes()).toBe(3);
  // Closed again with a fresh count.
  await call('failed');
  await call('failed');
  expect(await reaches()).toBe(true);
  breaker.dispose();
});

test('a caller is refused at once while a probe runs, not held until it ends', async () => {
  let answer: (healthy: boolean) => void = () => undefined;
  const { breaker, call, reaches, probes } = setup(
    () => new Promise<boolean>((resolve) => (answer = resolve)),
  );
  await open(call);
  await jest.advanceTimersByTimeAsync(PROBE_MS);
  expect(probes()).toBe(1);

  let refused = false;
  call('answered').catch((error: unknown) => (refused = isBrokenCircuitError(error)));
  await jest.advanceTimersByTimeAsync(0);
  expect(refused).toBe(true);

  answer(true);
  await jest.advanceTimersByTimeAsync(0);
  expect(await reaches()).toBe(true);
  breaker.dispose();
});

test('a probe that throws counts as a failed probe', async () => {
  const { breaker, call, reaches, changes, probes } = setup(() =>
    Promise.reject(new Error('connection refused')),
  );
  await open(call);
  await jest.advanceTimersByTimeAsync(PROBE_MS);
  expect(probes()).toBe(1);
  expect(await reaches()).toBe(false);
  expect(breaker.retryInMs()).toBe(PROBE_MS);
  await jest.advanceTimersByTimeAsync(PROBE_MS);
  expect(probes()).toBe(2);
  expect(changes).toEqual([['open', { failures: 3 }]]);
  breaker.dispose();
});

test('once disposed it stops probing', async () => {
  const { breaker, call, probes } = setup();
  await open(call);
  breaker.dispose();
  await jest.advanceTimersByTimeAsync(5 * PROBE_MS);
  expect(probes()).toBe(0);
});

test('a breaker waiting to probe does not keep the process alive', async () => {
  jest.useRealTimers();
  const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
  const { breaker, call } = setup();
  const before = timers();
  try {
    await open(call);
    expect(breaker.retryInMs()).toBeGreaterThan(0);
    expect(timers()).toBe(before);
  } finally {
    breaker.dispose();
  }
});
