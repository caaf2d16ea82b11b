import { createHash } from 'node:crypto';
import { startTestGraph, type TestGraph } from '../helpers/graph';
import { operation } from '../helpers/operations';
import { tokenFor } from '../helpers/tokens';
import { startExtraGateway, type ExtraGateway } from '../e2e/support/gateway';

/**
 * With the response cache on, in memory and in Redis: one operation's answer is never served for
 * another. The attack (issue: a cache key built before the persisted-query step knew the
 * document) registers a document with example operation 2's name and variables that answers
 * another state, then asks for it by hash; every later caller of operation 2 by its hash then got
 * that answer. Here each way a document arrives — text, hash, batch item, GET — must get its own.
 */

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const STATE_NEEDS = operation(2);
const FORGED =
  'query StateNeeds($iso3: String!) { memberState(iso3: "FRA") { iso3 } asked: memberState(iso3: $iso3) { name } }';
const variables = { iso3: 'NGA' };
const persisted = (document: string) => ({
  persistedQuery: { version: 1, sha256Hash: sha256(document) },
});

let graph: TestGraph;
const gateways: Record<string, ExtraGateway> = {};

beforeAll(async () => {
  graph = await startTestGraph();
  const cached = { RESPONSE_CACHE_TTL_MS: '60000', RATE_LIMIT_MAX: '0' };
  gateways.memory = await startExtraGateway(graph, cached);
  gateways.redis = await startExtraGateway(graph, {
    ...cached,
    REDIS_URL: 'redis://127.0.0.1:6379',
    // A prefix of its own: another run's answers are never this one's.
    REDIS_KEY_PREFIX: `test-cache-key-${process.pid}-${Date.now()}:`,
  });
});
afterAll(async () => {
  await Promise.all(Object.values(gateways).map((gateway) => gateway.stop()));
  await graph?.stop();
});

/** What operation 2 answers for NGA, asked in full. */
const stateOf = (answer: { data?: { memberState?: { iso3?: string } } }) =>
  answer.data?.memberState?.iso3;

/** Ways a document reaches the gateway, each answering with the answer's body. */
const arrivals = {
  async text(gateway: ExtraGateway, document: string, headers: Record<string, string>) {
    return (await gateway.post({ query: document, variables }, headers)).body;
  },
  async hash(gateway: ExtraGateway, document: string, headers: Record<string, string>) {
    return (await gateway.post({ variables, extensions: persisted(document) }, headers)).body;
  },
  async batch(gateway: ExtraGateway, document: string, headers: Record<string, string>) {
    const item = { variables, extensions: persisted(document) };
    const answer = await gateway.post([{ query: '{ __typename }' }, item], headers);
    return answer.body[1];
  },
  async get(gateway: ExtraGateway, document: string, headers: Record<string, string>) {
    const url = new URL(gateway.url);
    url.searchParams.set('variables', JSON.stringify(variables));
    url.searchParams.set('extensions', JSON.stringify(persisted(document)));
    const response = await fetch(url, { headers: { accept: 'application/json', ...headers } });
    return response.json();
  },
};

describe.each(['memory', 'redis'])('a cache in %s', (where) => {
  test.each(Object.keys(arrivals) as (keyof typeof arrivals)[])(
    "a forged document under operation 2's name and variables is never served for operation 2, by %s",
    async (how) => {
      const gateway = gateways[where]!;
      const send = arrivals[how];
      const callers: Record<string, string>[] = [
        {},
        { authorization: `Bearer ${await tokenFor(['viewer'], 'UNODC')}` },
      ];
      for (const headers of callers) {
        // The attacker registers the forged document, then has its answer cached by hash.
        await gateway.post({ query: FORGED, variables, extensions: persisted(FORGED) }, headers);
        expect(stateOf(await arrivals.hash(gateway, FORGED, headers))).toBe('FRA');
        expect(stateOf(await send(gateway, FORGED, headers))).toBe('FRA');
        // Everyone else asks for operation 2, which is known from the start.
        const honest = await send(gateway, STATE_NEEDS, headers);
        expect(honest.errors).toBeUndefined();
        expect(stateOf(honest)).toBe('NGA');
        expect(stateOf(await send(gateway, STATE_NEEDS, headers))).toBe('NGA');
        expect(stateOf(await arrivals.hash(gateway, FORGED, headers))).toBe('FRA');
      }
    },
  );
});

test('a cached answer is not served, nor confirmed by a 304, to a token that fails', async () => {
  const gateway = gateways.memory!;
  const token = `Bearer ${await tokenFor(['viewer'], 'UNODC')}`;
  const first = await gateway.post({ query: STATE_NEEDS, variables }, { authorization: token });
  const etag = first.headers.get('etag');
  expect(etag).toBeTruthy();
  const forged = `${token.slice(0, -4)}AAAA`;
  for (const authorization of [forged, 'Bearer not-a-token']) {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'if-none-match': etag!, authorization },
      body: JSON.stringify({ query: STATE_NEEDS, variables }),
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  }
  const valid = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'if-none-match': etag!, authorization: token },
    body: JSON.stringify({ query: STATE_NEEDS, variables }),
  });
  expect(valid.status).toBe(304);
});
