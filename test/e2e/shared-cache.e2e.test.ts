import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { buildDataset } from '../../subgraphs/shared/src/dataset/build';
import { startWritableGraph, type TestGraph } from '../helpers/graph';
import { as } from '../helpers/tokens';
import { startExtraGateway, type ExtraGateway } from './support/gateway';

// Two replicas of the gateway behind one load balancer, sharing the machine's Redis.
const REDIS_URL = 'redis://127.0.0.1:6379';
const data = buildDataset();
const prefix = `test-${randomUUID()}:`;
const redis = new Redis(REDIS_URL);
let graph: TestGraph;
let one: ExtraGateway;
let two: ExtraGateway;

beforeAll(async () => {
  graph = await startWritableGraph();
  const settings = {
    RESPONSE_CACHE_TTL_MS: '60000',
    REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
  };
  [one, two] = await Promise.all([
    startExtraGateway(graph, settings),
    startExtraGateway(graph, settings),
  ]);
});
afterAll(async () => {
  await Promise.all([one?.stop(), two?.stop(), graph?.stop()]);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

const sqlSoFar = () => Object.values(graph.statements()).reduce((n, c) => n + c, 0);

test('an answer cached by one replica is served by the other without reaching a subgraph', async () => {
  const query = `{ memberState(iso3: "KEN") { name assessments(first: 5) { id } } }`;
  const first = await one.post({ query });
  expect(first.body.data.memberState.name).toBe('Kenya');
  expect(await redis.keys(`${prefix}response-cache:*`)).not.toEqual([]);

  const before = sqlSoFar();
  const second = await two.post({ query });
  expect(second.body).toEqual(first.body);
  expect(sqlSoFar()).toBe(before);
});

test('a mutation through one replica evicts the answer in the other', async () => {
  const project = data.funding.projects.find((p) => p.leadEntityAcronym === 'UNODC')!;
  const query = `{ project(code: "${project.code}") { id title version } }`;
  const cached = await two.post({ query });
  expect(cached.body.data.project.title).toBe(project.title);
  const before = sqlSoFar();
  expect((await two.post({ query })).body).toEqual(cached.body);
  expect(sqlSoFar()).toBe(before);

  const changed = await one.post(
    {
      query:
        'mutation ($input: UpdateProjectInput!) { updateProject(input: $input) { id title version } }',
      variables: {
        input: {
          id: project.id,
          expectedVersion: cached.body.data.project.version,
          title: 'Seen by every replica',
        },
      },
    },
    await as(['editor'], 'UNODC'),
  );
  expect(changed.body.errors).toBeUndefined();

  const after = await two.post({ query });
  expect(after.body.data.project).toMatchObject({ id: project.id, title: 'Seen by every replica' });
});

test('an answer is stored alone, under a key that names the data generation', async () => {
  const project = data.funding.projects[1];
  await one.post({ query: `{ project(code: "${project.code}") { id title } }` });
  // Nothing is kept per record: a write retires answers by the generation, not by eviction.
  expect(await redis.keys(`${prefix}response-cache:Project.*`)).toEqual([]);
  expect(await redis.keys(`${prefix}response-cache-index:*`)).toEqual([]);
  expect(await redis.get(`${prefix}response-cache:generation`)).toBeTruthy();
});

test('a replica whose Redis is unreachable answers from the subgraphs and says so once', async () => {
  const lonely = await startExtraGateway(graph, {
    RESPONSE_CACHE_TTL_MS: '60000',
    // Nothing listens on port 1.
    REDIS_URL: 'redis://127.0.0.1:1',
  });
  try {
    const query = '{ memberState(iso3: "PER") { name } }';
    for (let i = 0; i < 3; i += 1) {
      const answer = await lonely.post({ query });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ data: { memberState: { name: 'Peru' } } });
    }
    const warnings = lonely.logs.filter((line) =>
      String(line.msg).startsWith('Redis is unreachable: answers are not cached'),
    );
    expect(warnings).toHaveLength(1);
  } finally {
    await lonely.stop();
  }
});
