import { randomUUID } from 'node:crypto';
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { Redis } from 'ioredis';
import type { Logger } from '../logger';
import { createRateLimiter, MemoryRateLimiter, type RateLimiter } from './rate-limit';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('in memory', () => {
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
    expect(await limiter.take('a', 3)).toMatchObject({ allowed: true, remaining: 2 });
    expect(await limiter.take('a', 2)).toMatchObject({ allowed: true, remaining: 0 });
    expect((await limiter.take('a')).allowed).toBe(false);
    expect((await limiter.take('b')).allowed).toBe(true);
    // A weight over the whole limit is refused at once.
    expect((await limiter.take('c', 6)).allowed).toBe(false);
  });

  test('a new window starts once the last one ended', async () => {
    const limiter = new MemoryRateLimiter({ max: 1, windowMs: 50 });
    expect((await limiter.take('a')).allowed).toBe(true);
    expect((await limiter.take('a')).allowed).toBe(false);
    await pause(60);
    expect((await limiter.take('a')).allowed).toBe(true);
  });

  test('a window of a fraction of a second lasts that long, to the millisecond', async () => {
    const limiter = new MemoryRateLimiter({ max: 2, windowMs: 200 });
    const first = await limiter.take('a');
    expect(first).toMatchObject({ allowed: true, remaining: 1 });
    expect(first.resetMs).toBeGreaterThan(150);
    expect(first.resetMs).toBeLessThanOrEqual(200);
    await limiter.take('a');
    const refused = await limiter.take('a');
    expect(refused).toMatchObject({ allowed: false, remaining: 0 });
    expect(refused.resetMs).toBeLessThanOrEqual(200);
    await pause(refused.resetMs + 20);
    const fresh = await limiter.take('a');
    expect(fresh).toMatchObject({ allowed: true, remaining: 1 });
    expect(fresh.resetMs).toBeGreaterThan(150);
  });

  test('a weight that is not a whole number of requests is a mistake', async () => {
    const limiter = new MemoryRateLimiter({ max: 5, windowMs: 60_000 });
    await expect(limiter.take('a', 1.5)).rejects.toThrow(RangeError);
    await expect(limiter.take('a', -1)).rejects.toThrow(RangeError);
  });
});

const REDIS_PORT = 6379;
const REDIS_URL = `redis://127.0.0.1:${REDIS_PORT}`;
const WARNING =
  'Redis is unreachable: rate limits are counted by this replica alone until it is back';
const BACK = 'rate limits are shared through Redis again';

/** The lines a limiter logs, by level. */
function recordingLogger() {
  const lines: { level: string; msg: string }[] = [];
  const at =
    (level: string) =>
    (...args: unknown[]) =>
      lines.push({ level, msg: String(args.find((arg) => typeof arg === 'string')) });
  const logger = { warn: at('warn'), info: at('info'), error: at('error'), debug: at('debug') };
  return { logger: logger as unknown as Logger, lines };
}

async function until(condition: () => Promise<boolean> | boolean, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await pause(20);
  }
}

let redis: Redis;
let prefix: string;
const limiters: RateLimiter[] = [];
const relays: { stop(): Promise<void> }[] = [];
const limiter = (options: { max: number; windowMs?: number; url?: string; logger?: Logger }) => {
  const created = createRateLimiter({
    max: options.max,
    windowMs: options.windowMs ?? 60_000,
    redisUrl: options.url ?? REDIS_URL,
    prefix,
    logger: options.logger ?? recordingLogger().logger,
  });
  limiters.push(created);
  return created;
};

/** Until the limiter counts in Redis: a probe of its own shows up there. */
const shared = (limiter: RateLimiter) => {
  const probe = `probe-${randomUUID()}`;
  return until(async () => {
    await limiter.take(probe);
    return (await redis.get(`${prefix}${probe}`)) !== null;
  });
};

beforeAll(() => {
  redis = new Redis(REDIS_URL);
});
beforeEach(() => {
  prefix = `test:rate-limit:${randomUUID()}:`;
});
afterEach(async () => {
  await Promise.all(limiters.splice(0).map((each) => each.close()));
  await Promise.all(relays.splice(0).map((each) => each.stop()));
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
});
afterAll(() => redis.disconnect());

describe('through Redis', () => {
  test('two replicas with the same prefix share one count', async () => {
    const [first, second] = [limiter({ max: 4 }), limiter({ max: 4 })];
    await Promise.all([shared(first), shared(second)]);
    const decisions = [];
    for (const replica of [first, second, first, second, first, second]) {
      decisions.push(await replica.take('caller'));
    }
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, true, false, false]);
    expect(decisions.map((d) => d.remaining)).toEqual([3, 2, 1, 0, 0, 0]);
    expect(decisions[5].resetMs).toBeGreaterThan(55_000);
    expect(decisions[5].resetMs).toBeLessThanOrEqual(60_000);
    // Kept under the prefix and the caller's key, for the length of the window.
    expect(await redis.get(`${prefix}caller`)).toBe('6');
    expect(await redis.pttl(`${prefix}caller`)).toBeGreaterThan(55_000);
    expect((await second.take('someone else', 4)).allowed).toBe(true);
  });

  test('replicas that have just started count their first callers in Redis, not alone', async () => {
    const [first, second] = [limiter({ max: 1 }), limiter({ max: 1 })];
    const decisions = [await first.take('caller'), await second.take('caller')];
    expect(decisions.map((d) => d.allowed)).toEqual([true, false]);
    expect(await redis.get(`${prefix}caller`)).toBe('2');
  });

  test('a window under a second ends after a whole second', async () => {
    const replica = limiter({ max: 1, windowMs: 200 });
    await shared(replica);
    expect((await replica.take('caller')).allowed).toBe(true);
    const refused = await replica.take('caller');
    expect(refused.allowed).toBe(false);
    expect(refused.resetMs).toBeGreaterThan(0);
    expect(refused.resetMs).toBeLessThanOrEqual(1000);
    await pause(refused.resetMs + 50);
    expect((await replica.take('caller')).allowed).toBe(true);
  });
});

/**
 * A TCP relay to the machine's Redis that can be cut and restored, on the same port, or hang:
 * keep its connections open and drop what the client sends.
 */
async function relay() {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  let hung = false;
  const start = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(REDIS_PORT, '127.0.0.1');
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('error', () => undefined);
          socket.on('close', () => {
            sockets.delete(socket);
            client.destroy();
            upstream.destroy();
          });
        }
        client.on('data', (chunk) => {
          if (!hung) upstream.write(chunk);
        });
        upstream.pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as AddressInfo).port;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      if (!server?.listening) return resolve();
      server.close(() => resolve());
    });
  await start();
  const hang = () => {
    hung = true;
  };
  return { url: () => `redis://127.0.0.1:${port}`, start, stop, hang };
}

describe('with Redis unreachable', () => {
  test('a replica that never reaches Redis counts alone, at once, and warns once', async () => {
    const { logger, lines } = recordingLogger();
    const replica = limiter({ max: 3, url: 'redis://127.0.0.1:1', logger });
    const started = Date.now();
    const decisions = [];
    for (let i = 0; i < 5; i++) decisions.push(await replica.take('caller'));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false, false]);
    expect(decisions.map((d) => d.remaining)).toEqual([2, 1, 0, 0, 0]);
    expect(decisions[4].resetMs).toBeGreaterThan(55_000);
    // Several reconnection attempts fail meanwhile.
    await pause(500);
    expect((await replica.take('another caller')).allowed).toBe(true);
    expect(lines).toEqual([{ level: 'warn', msg: WARNING }]);
  });

  test('a replica whose Redis goes away counts alone, then shares again once it is back', async () => {
    const { logger, lines } = recordingLogger();
    const link = await relay();
    relays.push(link);
    const replica = limiter({ max: 3, url: link.url(), logger });
    await shared(replica);
    lines.splice(0);
    expect((await replica.take('caller')).remaining).toBe(2);
    expect((await replica.take('caller')).remaining).toBe(1);
    expect(await redis.get(`${prefix}caller`)).toBe('2');

    await link.stop();
    // The replica's own count starts from nothing, and still refuses over the limit.
    const alone = [];
    for (let i = 0; i < 4; i++) alone.push((await replica.take('caller')).allowed);
    expect(alone).toEqual([true, true, true, false]);
    expect(await redis.get(`${prefix}caller`)).toBe('2');
    expect(lines).toEqual([{ level: 'warn', msg: WARNING }]);

    await link.start();
    await until(() => lines.some((line) => line.msg === BACK));
    expect(await replica.take('caller')).toMatchObject({ allowed: true, remaining: 0 });
    expect((await replica.take('caller')).allowed).toBe(false);
    expect(await redis.get(`${prefix}caller`)).toBe('4');
    expect(lines).toEqual([
      { level: 'warn', msg: WARNING },
      { level: 'info', msg: BACK },
    ]);
  });

  test('a replica whose Redis stops answering counts alone, and warns once', async () => {
    const { logger, lines } = recordingLogger();
    const link = await relay();
    relays.push(link);
    const replica = limiter({ max: 2, url: link.url(), logger });
    await shared(replica);
    lines.splice(0);
    expect((await replica.take('caller')).remaining).toBe(1);

    // Connected but silent: each request waits for the command timeout, then counts here.
    link.hang();
    const alone = [];
    for (let i = 0; i < 3; i++) alone.push((await replica.take('caller')).allowed);
    expect(alone).toEqual([true, true, false]);
    expect(lines).toEqual([{ level: 'warn', msg: WARNING }]);
  });
});
