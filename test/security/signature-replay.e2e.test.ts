import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { buildDataset } from '../../subgraphs/shared/src/dataset/build';
import { funding } from '../../subgraphs/funding/src/subgraph';
import { ProjectStatus } from '../../subgraphs/shared/src/vocabulary';
import { startTestGraph, type TestGraph } from '../helpers/graph';
import { postBody, signedBody } from '../helpers/signature';
import { startSubgraph, type TestSubgraph } from '../helpers/subgraph';
import { as } from '../helpers/tokens';
import { startFaultProxy, type FaultProxy } from '../e2e/support/fault-proxy';
import { startExtraGateway, type ExtraGateway } from '../e2e/support/gateway';

/**
 * A request the gateway signed, taken from the wire or a log, replayed straight at a subgraph:
 * a write runs once, on any replica; a signature is accepted for GATEWAY_SIGNATURE_MAX_AGE (60 s)
 * give or take JWT_CLOCK_TOLERANCE (30 s), and its time and nonce cannot be changed. The
 * gateway's own retry of a failed query, which sends the same signature again, still answers.
 */
const REDIS_URL = 'redis://127.0.0.1:6379';
const data = buildDataset();
const project = data.funding.projects.find((p) => p.status !== ProjectStatus.CANCELLED)!;
/** A write that runs and changes nothing: its expected version is not the project's. */
const STALE_LINK = {
  query:
    'mutation ($id: ID!, $v: Int!, $r: [ID!]!) { linkProjectRecommendations(projectId: $id, expectedVersion: $v, recommendationIds: $r) { version } }',
  variables: { id: project.id, v: 999_999, r: [data.assessments.recommendations[0].id] },
};
/** A write the graph alone (its signature) or an admin may run; a dry run changes nothing. */
const DRY_RUN = { query: 'mutation { reconcileCoverage(dryRun: true) { differences } }' };
const READ = { query: `{ project(code: "${project.code}") { title } }` };

let graph: TestGraph;
let proxy: FaultProxy;
let gateway: ExtraGateway;
const extra: { stop(): Promise<void> }[] = [];

beforeAll(async () => {
  graph = await startTestGraph();
  proxy = await startFaultProxy(graph.subgraphs.funding.url);
  gateway = await startExtraGateway(
    graph,
    { CIRCUIT_BREAKER_FAILURES: '0', SUBGRAPH_RETRY_DELAY_MS: '10' },
    { funding: proxy.url },
  );
});
beforeEach(() => {
  proxy.mode = 'pass';
  proxy.only = undefined;
  proxy.requests.length = 0;
});
afterAll(async () => {
  await Promise.all(extra.map((service) => service.stop()));
  await gateway?.stop();
  await proxy?.stop();
  await graph?.stop();
});

const fundingUrl = () => graph.subgraphs.funding.url;
const codeOf = (answer: { body: { errors?: unknown[] } }) =>
  (answer.body.errors?.[0] as { extensions?: { code?: string } } | undefined)?.extensions?.code;
const seconds = (s: number) => s * 1000;

/** The requests the gateway sent funding, as the proxy in between saw them. */
const captured = () =>
  proxy.requests.map((request) => ({
    body: JSON.parse(request.body) as { extensions: Record<string, unknown> },
    headers: request.headers.authorization
      ? { authorization: request.headers.authorization }
      : ({} as Record<string, string>),
  }));

describe('a write the gateway signed', () => {
  test('runs once: the same request replayed to funding is refused', async () => {
    const admin = await as(['admin']);
    const sent = await gateway.post(STALE_LINK, admin);
    // It ran: funding read the project and refused the stale version.
    expect(codeOf(sent)).toBe('CONFLICT');
    const [write] = captured();
    expect(write.body.extensions['hmac-nonce']).toEqual(expect.any(String));
    const replay = await postBody(fundingUrl(), write.body, write.headers);
    expect(replay.status).toBe(401);
    expect(codeOf(replay)).toBe('REPLAYED_GATEWAY_SIGNATURE');
    expect(replay.body.data).toBeUndefined();
  });

  test('the same write sent twice through the gateway is signed twice, and runs twice', async () => {
    const admin = await as(['admin']);
    const first = await gateway.post(STALE_LINK, admin);
    const second = await gateway.post(STALE_LINK, admin);
    expect(second.body).toEqual(first.body);
    expect(codeOf(second)).toBe('CONFLICT');
    const [a, b] = captured();
    expect(a.body.extensions['hmac-nonce']).not.toBe(b.body.extensions['hmac-nonce']);
  });
});

describe('a signed write replayed to another replica', () => {
  let redis: Redis;
  const prefix = `test-${randomUUID()}:`;
  const replica = async (): Promise<TestSubgraph> => {
    const started = await startSubgraph(funding, {
      peers: {
        membership: graph.subgraphs.membership.url,
        assessments: graph.subgraphs.assessments.url,
      },
      env: { REDIS_URL, REDIS_KEY_PREFIX: prefix },
    });
    extra.push(started);
    return started;
  };
  beforeAll(() => {
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  test('is refused there too, through Redis, under the deployment’s prefix', async () => {
    const [first, second] = [await replica(), await replica()];
    const signed = signedBody(DRY_RUN);
    const ran = await postBody(first.url, signed);
    expect(ran.body.errors).toBeUndefined();
    const replay = await postBody(second.url, signed);
    expect(replay.status).toBe(401);
    expect(codeOf(replay)).toBe('REPLAYED_GATEWAY_SIGNATURE');
    expect((await postBody(first.url, signed)).status).toBe(401);
    const key = `${prefix}signature-nonce:${signed.extensions['hmac-nonce']}`;
    // Kept while the signature could be accepted: 60 s, and 30 s of skew either way.
    expect(await redis.pttl(key)).toBeGreaterThan(seconds(110));
    expect(await redis.pttl(key)).toBeLessThanOrEqual(seconds(120));
    // Another signed write, from the same signer, runs on either.
    expect((await postBody(second.url, signedBody(DRY_RUN))).body.errors).toBeUndefined();
  });
});

describe('a signature’s time', () => {
  const at = (offsetMs: number) => ({ signedAt: Date.now() + offsetMs, nonce: randomUUID() });

  test.each([
    ['a write', DRY_RUN],
    ['a read', READ],
  ])('past the window is refused, for %s', async (_kind, body) => {
    const old = signedBody(body, undefined, undefined, at(-seconds(91)));
    const answer = await postBody(fundingUrl(), old);
    expect(answer.status).toBe(401);
    expect(codeOf(answer)).toBe('EXPIRED_GATEWAY_SIGNATURE');
    expect((answer.body.errors![0] as { message: string }).message).toMatch(
      /made 91 s ago; one is accepted for 60 s \(GATEWAY_SIGNATURE_MAX_AGE\)/,
    );
  });

  test('in the future beyond the clock tolerance is refused', async () => {
    const ahead = signedBody(READ, undefined, undefined, at(seconds(45)));
    const answer = await postBody(fundingUrl(), ahead);
    expect(answer.status).toBe(401);
    expect(codeOf(answer)).toBe('FUTURE_GATEWAY_SIGNATURE');
  });

  test('within the window and the tolerance is accepted', async () => {
    for (const offset of [-seconds(85), seconds(25)]) {
      const answer = await postBody(
        fundingUrl(),
        signedBody(READ, undefined, undefined, at(offset)),
      );
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
    }
  });

  test('and its nonce are signed: changing either, or leaving them out, breaks it', async () => {
    const old = signedBody(DRY_RUN, undefined, undefined, at(-seconds(120)));
    const { 'hmac-signature': signature } = old.extensions;
    for (const extensions of [
      { ...old.extensions, 'hmac-signed-at': Date.now() },
      { ...old.extensions, 'hmac-nonce': randomUUID() },
      { 'hmac-signature': signature },
      { ...old.extensions, 'hmac-signed-at': String(Date.now()) },
    ]) {
      const answer = await postBody(fundingUrl(), { ...DRY_RUN, extensions });
      expect(answer.status).toBe(401);
      expect(codeOf(answer)).toBe('BAD_GATEWAY_SIGNATURE');
    }
  });
});

test('identical reads of one caller in flight together are signed alike, and sent once', async () => {
  proxy.mode = 'slow';
  proxy.delayMs = 300;
  const caller = await as(['cted']);
  const answers = await Promise.all([1, 2, 3].map(() => gateway.post(READ, caller)));
  for (const answer of answers) expect(answer.body.errors).toBeUndefined();
  const [read, ...others] = captured();
  expect(others).toEqual([]);
  // A read's stamp has no nonce and its time to the second: it may be sent again.
  expect(read.body.extensions['hmac-nonce']).toBeUndefined();
  expect(read.body.extensions['hmac-signed-at']).toEqual(expect.any(Number));
  expect(Number(read.body.extensions['hmac-signed-at']) % 1000).toBe(0);
});

test('a query the gateway retries goes with the same signature, and answers', async () => {
  let failed = false;
  proxy.only = () => !failed && (failed = true);
  proxy.mode = 'unavailable';
  const caller = await as(['cted']);
  const answer = await gateway.post(READ, caller);
  expect(answer.body).toEqual({ data: { project: { title: expect.any(String) } } });
  const [first, retry] = captured();
  expect(retry.body).toEqual(first.body);
  expect(retry.headers).toEqual(caller);
});
