import { randomBytes, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { assessments } from '../../subgraphs/assessments/src/subgraph';
import { membership } from '../../subgraphs/membership/src/subgraph';
import type { SubgraphDefinition } from '../../subgraphs/shared/src/subgraph';
import { startTestGraph, type TestGraph } from '../helpers/graph';
import { postBody, signedBody } from '../helpers/signature';
import { startSubgraph, type TestSubgraph } from '../helpers/subgraph';
import { tokenFor } from '../helpers/tokens';
import { startExtraGateway, type ExtraGateway } from '../e2e/support/gateway';

/**
 * A rate limit is taken before a request is refused for its token, and keyed by something the
 * caller cannot choose: the subject of a token that verified, else the client address. At the
 * gateway, and at each subgraph for the callers that reach it directly (partner agencies); the
 * graph's own signed calls are never limited.
 */

const QUERY = { query: '{ __typename }' };
const now = () => Math.floor(Date.now() / 1000);

let graph: TestGraph;
const started: { stop(): Promise<void> }[] = [];
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(async () => {
  await Promise.all(started.map((service) => service.stop()));
  await graph?.stop();
});

async function limitedGateway(max: number): Promise<ExtraGateway> {
  const gateway = await startExtraGateway(graph, {
    RATE_LIMIT_MAX: String(max),
    RATE_LIMIT_WINDOW_MS: '60000',
  });
  started.push(gateway);
  return gateway;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A token the graph does not trust: signed with a secret of the caller's own. */
const forged = (sub: string) =>
  new SignJWT({ roles: ['admin'] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(randomBytes(32));

const expired = (sub: string) =>
  new SignJWT({ roles: ['viewer'] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt(now() - 7200)
    .setExpirationTime(now() - 3600)
    .sign(new TextEncoder().encode(process.env.JWT_SECRET!));

const BAD_TOKENS: [string, () => Promise<Record<string, string>>][] = [
  ['a garbage token', async () => bearer('not-a-jwt')],
  ['a wrongly signed token', async () => bearer(await forged('someone'))],
  ['an expired token', async () => bearer(await expired('someone'))],
  ['a Basic Authorization header', async () => ({ authorization: 'Basic dXNlcjpwYXNz' })],
];

async function statuses(
  gateway: ExtraGateway,
  headers: (() => Promise<Record<string, string>>)[],
): Promise<number[]> {
  const seen: number[] = [];
  for (const next of headers) seen.push((await gateway.post(QUERY, await next())).status);
  return seen;
}

describe('gateway', () => {
  test.each(BAD_TOKENS)(
    'requests with %s count: the one over the limit gets 429',
    async (_kind, headers) => {
      const gateway = await limitedGateway(3);
      expect(await statuses(gateway, Array(4).fill(headers))).toEqual([401, 401, 401, 429]);
      const refused = await gateway.post(QUERY, await headers());
      expect(refused.status).toBe(429);
      expect(refused.body.errors[0].extensions.code).toBe('RATE_LIMITED');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    },
  );

  test('bad tokens of every kind share one limit: the address', async () => {
    const gateway = await limitedGateway(4);
    const kinds = BAD_TOKENS.map(([, headers]) => headers);
    expect(await statuses(gateway, kinds)).toEqual([401, 401, 401, 401]);
    // An anonymous request from the same address is the same caller.
    expect((await gateway.post(QUERY)).status).toBe(429);
  });

  test('forged tokens with a new subject each time get no fresh limit', async () => {
    const gateway = await limitedGateway(3);
    const forgeries = Array.from(
      { length: 6 },
      () => async () => bearer(await forged(randomUUID())),
    );
    expect(await statuses(gateway, forgeries)).toEqual([401, 401, 401, 429, 429, 429]);
  });

  test("forged tokens naming another caller's subject do not use up that caller's limit", async () => {
    const gateway = await limitedGateway(3);
    const victim = `victim-${randomUUID()}`;
    const forgeries = Array(4).fill(async () => bearer(await forged(victim)));
    expect(await statuses(gateway, forgeries)).toEqual([401, 401, 401, 429]);
    const real = async () => bearer(await tokenFor(['viewer'], 'UNODC', victim));
    expect(await statuses(gateway, Array(4).fill(real))).toEqual([200, 200, 200, 429]);
  });

  test('verified callers each have a limit of their own, apart from the address', async () => {
    const gateway = await limitedGateway(2);
    const caller = async () =>
      bearer(await tokenFor(['viewer'], 'UNODC', `caller-${randomUUID()}`));
    const [alice, bob] = [await caller(), await caller()];
    expect(
      await statuses(
        gateway,
        Array(3).fill(async () => alice),
      ),
    ).toEqual([200, 200, 429]);
    expect((await gateway.post(QUERY, bob)).status).toBe(200);
    const garbage = async () => bearer('not-a-jwt');
    expect(await statuses(gateway, Array(3).fill(garbage))).toEqual([401, 401, 429]);
    expect((await gateway.post(QUERY, bob)).status).toBe(200);
  });
});

/** A subgraph alone, as a partner reaches it, with its own settings. */
async function limitedSubgraph(
  definition: SubgraphDefinition<unknown>,
  env: Record<string, string>,
): Promise<TestSubgraph> {
  const subgraph = await startSubgraph(definition, {
    env: { RATE_LIMIT_WINDOW_MS: '60000', ...env },
  });
  started.push(subgraph);
  return subgraph;
}

const direct = (subgraph: TestSubgraph, body: unknown, headers: Record<string, string> = {}) =>
  fetch(subgraph.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

async function directStatuses(
  subgraph: TestSubgraph,
  headers: (() => Promise<Record<string, string>>)[],
): Promise<number[]> {
  const seen: number[] = [];
  for (const next of headers) seen.push((await direct(subgraph, QUERY, await next())).status);
  return seen;
}

const anonymous = async () => ({});

describe('subgraph', () => {
  test('a partner flooding it directly gets RATE_LIMITED, 429 and Retry-After', async () => {
    const subgraph = await limitedSubgraph(membership, { RATE_LIMIT_MAX: '3' });
    expect(await directStatuses(subgraph, Array(3).fill(anonymous))).toEqual([200, 200, 200]);
    const refused = await direct(subgraph, QUERY);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await refused.json()) as { errors: { message: string; extensions: object }[] };
    expect(body.errors).toEqual([
      {
        message: expect.stringMatching(/^Too many requests: at most 3 per window/),
        extensions: { code: 'RATE_LIMITED', limit: 3 },
      },
    ]);
  });

  test('bad tokens, bad signatures and bad bodies count, by the address', async () => {
    const subgraph = await limitedSubgraph(membership, { RATE_LIMIT_MAX: '4' });
    const kinds = [
      await direct(subgraph, QUERY, bearer('not-a-jwt')),
      await direct(subgraph, QUERY, bearer(await forged(randomUUID()))),
      await direct(subgraph, { ...QUERY, extensions: { 'hmac-signature': 'Zm9yZ2Vk' } }),
      await fetch(subgraph.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{ not json',
      }),
    ];
    expect(kinds.map((response) => response.status)).toEqual([401, 401, 401, 400]);
    expect((await direct(subgraph, QUERY)).status).toBe(429);
    expect((await direct(subgraph, QUERY, bearer(await forged(randomUUID())))).status).toBe(429);
  });

  test('verified partners each have a limit of their own', async () => {
    const subgraph = await limitedSubgraph(membership, { RATE_LIMIT_MAX: '2' });
    const caller = async () =>
      bearer(await tokenFor(['viewer'], 'UNODC', `partner-${randomUUID()}`));
    const [alice, bob] = [await caller(), await caller()];
    expect(
      await directStatuses(
        subgraph,
        Array(3).fill(async () => alice),
      ),
    ).toEqual([200, 200, 429]);
    expect(await directStatuses(subgraph, Array(2).fill(anonymous))).toEqual([200, 200]);
    expect((await direct(subgraph, QUERY, bob)).status).toBe(200);
  });

  test('traffic through the gateway, from the same address at the same time, is not refused', async () => {
    const subgraph = await limitedSubgraph(membership, { RATE_LIMIT_MAX: '2' });
    const gateway = await startExtraGateway(
      graph,
      { RATE_LIMIT_MAX: '0' },
      { membership: subgraph.url },
    );
    started.push(gateway);
    const partner = bearer(await tokenFor(['viewer'], 'UNODC', `partner-${randomUUID()}`));
    const question = { query: '{ memberState(iso3: "BEL") { name } }' };
    const flood: number[] = [];
    const throughGateway: unknown[] = [];
    for (let i = 0; i < 5; i++) {
      flood.push((await direct(subgraph, question)).status);
      flood.push((await direct(subgraph, question, partner)).status);
      // Anonymous and as the partner: the gateway forwards the caller's token and signs the call.
      for (const headers of [{}, partner]) {
        const answer = await gateway.post(question, headers);
        throughGateway.push([answer.status, answer.body]);
      }
    }
    expect(flood).toEqual([200, 200, 200, 200, 429, 429, 429, 429, 429, 429]);
    expect(throughGateway).toEqual(
      Array(10).fill([200, { data: { memberState: { name: 'Belgium' } } }]),
    );
    // A peer subgraph's call is signed the same way, and passes too.
    const peer = await postBody(subgraph.url, signedBody(question, partner.authorization), partner);
    expect(peer.status).toBe(200);
  });

  test('shared through Redis: two replicas enforce one limit, apart from other subgraphs', async () => {
    const env = { RATE_LIMIT_MAX: '4', REDIS_URL: 'redis://127.0.0.1:6379' };
    const [first, second] = [
      await limitedSubgraph(membership, env),
      await limitedSubgraph(membership, env),
    ];
    // A subject of its own, so earlier runs within the window do not count.
    const caller = bearer(await tokenFor(['viewer'], 'UNODC', `redis-subgraph-${randomUUID()}`));
    const seen: number[] = [];
    for (const replica of [first, second, first, second, first, second]) {
      seen.push((await direct(replica, QUERY, caller)).status);
    }
    expect(seen).toEqual([200, 200, 200, 200, 429, 429]);
    const other = await limitedSubgraph(assessments, env);
    expect((await direct(other, QUERY, caller)).status).toBe(200);
  });
});
