import { MemoryRateLimiter } from './rate-limit';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('allows max requests per window, then refuses with the time left', async () => {
  const limiter = new MemoryRateLimiter({ max: 3, windowMs: 60_000 });
  const decisions = [];
  for (let i = 0; i < 4; i++) decisions.push(await limiter.take('caller'));
  expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
  expect(decisions.map((d) => d.remaining)).toEqual([2, 1, 0, 0]);
  expect(decisions[3].resetMs).toBeGreaterThan(59_000);
  expect(decisions[3].resetMs).toBeLessThanOrEqual(60_000);
});

test('callers are counted apart; a weight counts as that many requests', async () => {
  const limiter = new MemoryRateLimiter({ max: 5, windowMs: 60_000 });
  expect((await limiter.take('a', 5)).allowed).toBe(true);
  expect((await limiter.take('a')).allowed).toBe(false);
  expect((await limiter.take('b')).allowed).toBe(true);
});

test('a new window starts once the last one ended', async () => {
  const limiter = new MemoryRateLimiter({ max: 1, windowMs: 50 });
  expect((await limiter.take('a')).allowed).toBe(true);
  expect((await limiter.take('a')).allowed).toBe(false);
  await pause(60);
  expect((await limiter.take('a')).allowed).toBe(true);
});
