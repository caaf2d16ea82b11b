import { randomBytes, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { startTestGraph, type TestGraph } from '../helpers/graph';
import { tokenFor } from '../helpers/tokens';
import { startExtraGateway, type ExtraGateway } from '../e2e/support/gateway';

/**
 * A rate limit is taken before a request is refused for its token, and keyed by something the
 * caller cannot choose: the subject of a token that verified, else the client address.
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
