import { SignJWT, type JWTPayload } from 'jose';
import { buildDataset } from '../../subgraphs/shared/src/dataset/build';
import { Confidentiality } from '../../subgraphs/shared/src/vocabulary';
import { startTestGraph, type TestGraph } from '../helpers/graph';
import { startExtraGateway } from '../e2e/support/gateway';

/**
 * A token means something only while it is young and names a real caller: `exp` and `iat` are
 * required, it lives no longer than JWT_MAX_AGE (24 h), `nbf` and the clock tolerance (30 s)
 * work as jose has them, and an `entity` claim must name a Compact entity. Each refusal at the
 * gateway and at every subgraph.
 */
const data = buildDataset();
const now = () => Math.floor(Date.now() / 1000);
const HOUR = 3600;

let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph?.stop());

/** A token with exactly these claims (numbers in seconds), signed with the run's secret. */
function token(claims: JWTPayload & { entity?: unknown; roles?: unknown }): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode(process.env.JWT_SECRET!));
}

const fresh = (extra: Record<string, unknown> = {}) => ({
  sub: 'someone',
  roles: ['viewer'],
  iat: now(),
  exp: now() + HOUR,
  ...extra,
});

const QUERY = '{ __typename }';
const urls = () => [graph.url, ...Object.values(graph.subgraphs).map((s) => s.url)];

async function everywhere(jwt: string) {
  return Promise.all(
    urls().map(async (url) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${jwt}` },
        body: JSON.stringify({ query: QUERY }),
      });
      return {
        url,
        status: response.status,
        body: (await response.json()) as {
          data?: unknown;
          errors?: { message: string; extensions: { code: string } }[];
        },
      };
    }),
  );
}

const REFUSED: [string, () => Record<string, unknown>, RegExp][] = [
  ['with no exp', () => fresh({ exp: undefined }), /"exp"/],
  ['with no iat', () => fresh({ iat: undefined }), /"iat"/],
  [
    'issued to live 25 hours',
    () => fresh({ exp: now() + 25 * HOUR }),
    /longer than this service accepts/,
  ],
  [
    'issued 25 hours ago, still unexpired',
    () => fresh({ iat: now() - 25 * HOUR, exp: now() - 2 * HOUR + 3 * HOUR }),
    /issued longer ago/,
  ],
  ['expired a minute ago', () => fresh({ iat: now() - HOUR, exp: now() - 60 }), /expired/],
  ['not valid for another minute', () => fresh({ nbf: now() + 60 }), /not valid yet/],
  ['issued in the future', () => fresh({ iat: now() + 120, exp: now() + HOUR }), /not valid yet/],
  [
    'naming no Compact entity',
    () => fresh({ entity: 'NOT-AN-ENTITY', roles: [] }),
    /"entity" claim names no Compact entity \("NOT-AN-ENTITY"\)/,
  ],
  ['whose entity is not a string', () => fresh({ entity: 42 }), /"entity" claim must be/],
  [
    'whose entity is a lower-cased acronym',
    () => fresh({ entity: 'unodc' }),
    /names no Compact entity/,
  ],
];

test.each(REFUSED)('a token %s is refused everywhere, saying why', async (_kind, claims, why) => {
  const answers = await everywhere(await token(claims()));
  for (const { url, status, body } of answers) {
    expect({ url, status }).toEqual({ url, status: 401 });
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors?.[0].message).toMatch(why);
  }
});

test.each([
  [
    'expired 10 s ago (within the clock tolerance)',
    () => fresh({ iat: now() - HOUR, exp: now() - 10 }),
  ],
  ['valid from 10 s from now (within the tolerance)', () => fresh({ nbf: now() + 10 })],
  ['living exactly 24 hours', () => fresh({ exp: now() + 24 * HOUR })],
  ['naming a Compact entity', () => fresh({ entity: 'UNODC', roles: ['editor'] })],
])('a token %s is accepted everywhere', async (_kind, claims) => {
  for (const { status, body } of await everywhere(await token(claims()))) {
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  }
});

test('an invented entity reads no SHARED_WITH_CONSENT recommendation, through the gateway or directly', async () => {
  const shared = data.assessments.assessments.find(
    (a) => a.confidentiality === Confidentiality.SHARED_WITH_CONSENT,
  )!;
  const jwt = await token(fresh({ entity: 'NOT-AN-ENTITY', roles: [] }));
  const query = `{ assessment(id: "${shared.id}") { recommendations { text } } }`;
  for (const url of [graph.url, graph.subgraphs.assessments.url]) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${jwt}` },
      body: JSON.stringify({ query }),
    });
    const text = await response.text();
    expect(response.status).toBe(401);
    for (const recommendation of data.assessments.recommendations.filter(
      (r) => r.assessmentId === shared.id,
    )) {
      expect(text).not.toContain(recommendation.text);
    }
  }
});

test('when membership cannot be reached and no list was read, an entity claim is a retryable refusal', async () => {
  const gateway = await startExtraGateway(graph, {}, { membership: 'http://127.0.0.1:1/graphql' });
  try {
    const withEntity = await gateway.post(
      { query: '{ __typename }' },
      { authorization: `Bearer ${await token(fresh({ entity: 'UNODC' }))}` },
    );
    expect(withEntity.status).toBe(503);
    expect(withEntity.body.errors[0].extensions).toMatchObject({
      code: 'SUBGRAPH_UNAVAILABLE',
      retryable: true,
    });
    // A caller whose token names no entity does not depend on membership.
    const withoutEntity = await gateway.post(
      { query: '{ __typename }' },
      { authorization: `Bearer ${await token(fresh())}` },
    );
    expect(withoutEntity.status).toBe(200);
  } finally {
    await gateway.stop();
  }
});
