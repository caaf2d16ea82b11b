import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { membership } from '../../subgraphs/membership/src/subgraph';
import { startTestGraph, type TestGraph } from '../helpers/graph';
import { startSubgraph, type TestSubgraph } from '../helpers/subgraph';
import { startExtraGateway, type ExtraGateway } from '../e2e/support/gateway';

/**
 * Every Redis key carries REDIS_KEY_PREFIX: two deployments that share one
 * Redis under different prefixes never share a caller's rate-limit count, at the gateway or at a
 * subgraph; two replicas of one deployment (one prefix) do.
 */
const REDIS_URL = 'redis://127.0.0.1:6379';
const prefixes = [`test-prefix-a-${randomUUID()}:`, `test-prefix-b-${randomUUID()}:`];
const limited = { REDIS_URL, RATE_LIMIT_MAX: '2', RATE_LIMIT_WINDOW_MS: '60000' };
const query = '{ __typename }';

let graph: TestGraph;
const gateways: ExtraGateway[] = [];
const subgraphs: TestSubgraph[] = [];

beforeAll(async () => {
  graph = await startTestGraph();
  for (const prefix of [prefixes[0]!, prefixes[0]!, prefixes[1]!]) {
    const env = { ...limited, REDIS_KEY_PREFIX: prefix };
    gateways.push(await startExtraGateway(graph, env));
    subgraphs.push(await startSubgraph(membership, { env }));
  }
});
afterAll(async () => {
  await Promise.all([...gateways, ...subgraphs].map((service) => service.stop()));
  await graph?.stop();
  const redis = new Redis(REDIS_URL);
  for (const prefix of prefixes) {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  }
  redis.disconnect();
});

test.each([
  ['gateway', (i: number) => gateways[i]!.post({ query }).then((answer) => answer.status)],
  [
    'subgraph',
    async (i: number) =>
      (
        await fetch(subgraphs[i]!.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        })
      ).status,
  ],
] as const)('at a %s, a count is shared under one prefix and never across two', async (_, send) => {
  const [one, twin, other] = [0, 1, 2];
  expect(await send(one)).toBe(200);
  expect(await send(twin)).toBe(200);
  // The same deployment: its two replicas spent the caller's two requests together.
  expect(await send(one)).toBe(429);
  // Another deployment on the same Redis counts the same caller from nothing.
  expect(await send(other)).toBe(200);
  expect(await send(other)).toBe(200);
  expect(await send(other)).toBe(429);
  const redis = new Redis(REDIS_URL);
  try {
    for (const prefix of prefixes) {
      expect((await redis.keys(`${prefix}rate-limit:*`)).length).toBeGreaterThan(0);
    }
  } finally {
    redis.disconnect();
  }
});
