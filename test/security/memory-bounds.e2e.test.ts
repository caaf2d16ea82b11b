import { createHash } from 'node:crypto';
import { startTestGraph, type TestGraph } from '../helpers/graph';
import { operation } from '../helpers/operations';
import { startExtraGateway, type ExtraGateway } from '../e2e/support/gateway';

/**
 * Comments are free for the token limit, so caches bounded by entries alone (the persisted-query
 * store, the parse and validation caches, the response cache) let documents padded with comments,
 * registered by APQ and sent by POST, GET and batch, take a gateway from 525 MB to 1,295 MB. Here: a document over MAX_DOCUMENT_BYTES is refused before it is parsed or kept,
 * however it arrives; the caches hold no more than their budgets however many documents under
 * the limit arrive; registrations past APQ_REGISTRATIONS_PER_MINUTE are refused.
 */

const MAX_DOCUMENT_BYTES = 4096;
const BUDGETS = { apq: 65_536, documents: 524_288, response: 1_048_576 };
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const persisted = (document: string) => ({
  persistedQuery: { version: 1, sha256Hash: sha256(document) },
});
/** A document of `bytes` bytes: a small selection after a comment that makes it unique. */
const padded = (label: string, bytes: number, selection = '{ __typename }') => {
  const head = `# ${label} `;
  return `${head}${'x'.repeat(bytes - head.length - selection.length - 1)}\n${selection}`;
};

let graph: TestGraph;
let gateway: ExtraGateway;
let limited: ExtraGateway;

beforeAll(async () => {
  graph = await startTestGraph();
  const common = { RATE_LIMIT_MAX: '0', MAX_DOCUMENT_BYTES: String(MAX_DOCUMENT_BYTES) };
  gateway = await startExtraGateway(graph, {
    ...common,
    APQ_STORE_MAX_BYTES: String(BUDGETS.apq),
    DOCUMENT_CACHE_MAX_BYTES: String(BUDGETS.documents),
    RESPONSE_CACHE_MAX_BYTES: String(BUDGETS.response),
    RESPONSE_CACHE_TTL_MS: '60000',
    APQ_REGISTRATIONS_PER_MINUTE: '1000',
  });
  limited = await startExtraGateway(graph, { ...common, APQ_REGISTRATIONS_PER_MINUTE: '5' });
});
afterAll(async () => {
  await Promise.all([gateway, limited].map((g) => g?.stop()));
  await graph?.stop();
});

/** The caches' bytes and budgets as the metrics listener reports them. */
async function cacheMetrics(of: ExtraGateway) {
  const text = await (await fetch(of.gateway.metricsUrl!)).text();
  const read = (name: string, cache: string) => {
    const line = text
      .split('\n')
      .find((l) => l.startsWith(`${name}{`) && l.includes(`cache="${cache}"`));
    return Number(line?.split(' ').at(-1) ?? NaN);
  };
  return Object.fromEntries(
    Object.keys(BUDGETS).map((cache) => [
      cache,
      { bytes: read('gateway_cache_bytes', cache), max: read('gateway_cache_max_bytes', cache) },
    ]),
  );
}

/** Ways a document reaches the gateway, each answering with status and the document's answer. */
const arrivals = {
  async text(document: string) {
    const { status, body } = await gateway.post({ query: document });
    return { status, body };
  },
  async registration(document: string) {
    const { status, body } = await gateway.post({
      query: document,
      extensions: persisted(document),
    });
    return { status, body };
  },
  async batch(document: string) {
    const { status, body } = await gateway.post([{ query: '{ __typename }' }, { query: document }]);
    return { status, body: body[1] };
  },
  async get(document: string) {
    const url = new URL(gateway.url);
    url.searchParams.set('query', document);
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    return { status: response.status, body: await response.json() };
  },
};
type Arrival = keyof typeof arrivals;

test.each(Object.keys(arrivals) as Arrival[])(
  'a document one byte over MAX_DOCUMENT_BYTES is refused before it is parsed or kept, by %s',
  async (how) => {
    // The batch's other item, parsed and cached before the caches are read.
    await gateway.post({ query: '{ __typename }' });
    const before = await cacheMetrics(gateway);
    // Not even valid GraphQL: a parse would have answered GRAPHQL_PARSE_FAILED.
    const document = padded(`over ${how}`, MAX_DOCUMENT_BYTES + 1, '{ unclosed');
    const { status, body } = await arrivals[how](document);
    if (how !== 'batch') expect(status).toBe(413);
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining(`at most ${MAX_DOCUMENT_BYTES} are allowed`),
        extensions: expect.objectContaining({ code: 'DOCUMENT_TOO_LARGE' }),
      }),
    ]);
    const after = await cacheMetrics(gateway);
    expect(after.documents.bytes).toBe(before.documents.bytes);
    expect(after.apq.bytes).toBe(before.apq.bytes);
    const byHash = await gateway.post({ extensions: persisted(document) });
    expect(byHash.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  },
);

test.each(['membership', 'assessments', 'funding'] as const)(
  'a partner calling %s straight with a document over its MAX_DOCUMENT_BYTES is refused',
  async (name) => {
    // The subgraphs here keep the default, 32 KiB; the document is not even valid GraphQL.
    const document = padded(`partner ${name}`, 32 * 1024 + 1, '{ unclosed');
    const response = await fetch(graph.subgraphs[name].url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: document }),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors.map((error) => error.extensions.code)).toEqual(['DOCUMENT_TOO_LARGE']);
  },
);

test('multi-byte characters count as the bytes they take', async () => {
  const document = `# ${'é'.repeat(MAX_DOCUMENT_BYTES / 2)}\n{ __typename }`;
  expect(document.length).toBeLessThan(MAX_DOCUMENT_BYTES);
  const { status, body } = await arrivals.text(document);
  expect(status).toBe(413);
  expect(body.errors[0].extensions.code).toBe('DOCUMENT_TOO_LARGE');
});

test('documents just under the limit, by every way, leave each cache within its budget', async () => {
  // Each answer is distinct by its document, and large enough for the response budget to matter.
  const selection = '{ memberStates { iso3 name } }';
  let n = 0;
  for (let round = 0; round < 12; round++) {
    for (const how of Object.keys(arrivals) as Arrival[]) {
      const document = padded(`under ${n++}`, MAX_DOCUMENT_BYTES - 8, selection);
      const { status, body } = await arrivals[how](document);
      expect(status).toBe(200);
      expect(body.data.memberStates.length).toBeGreaterThan(100);
    }
  }
  const caches = await cacheMetrics(gateway);
  for (const [cache, budget] of Object.entries(BUDGETS)) {
    expect(caches[cache]).toEqual({ bytes: expect.any(Number), max: budget });
    expect(caches[cache]!.bytes).toBeLessThanOrEqual(budget);
    // Full, or nearly: the documents did arrive and were kept while there was room.
    expect(caches[cache]!.bytes).toBeGreaterThan(budget / 2);
  }
});

test('registrations past APQ_REGISTRATIONS_PER_MINUTE are refused with 429; known hashes never count', async () => {
  // An example operation, pinned in the store, sent with its text as a client may.
  const example = await limited.post({
    query: operation(5),
    extensions: persisted(operation(5)),
  });
  expect(example.status).not.toBe(429);
  for (let i = 0; i < 5; i++) {
    const document = `{ registered${i}: __typename }`;
    const registered = await limited.post({ query: document, extensions: persisted(document) });
    expect(registered.status).toBe(200);
    // Its hash alone, and its text again, are not new registrations.
    expect((await limited.post({ extensions: persisted(document) })).status).toBe(200);
    expect((await limited.post({ query: document, extensions: persisted(document) })).status).toBe(
      200,
    );
  }
  const document = '{ oneTooMany: __typename }';
  const refused = await limited.post({ query: document, extensions: persisted(document) });
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(refused.body.errors).toEqual([
    expect.objectContaining({
      message: expect.stringContaining('at most 5 a minute'),
      extensions: expect.objectContaining({ code: 'PERSISTED_QUERY_REGISTRATION_LIMITED' }),
    }),
  ]);
  const byHash = await limited.post({ extensions: persisted(document) });
  expect(byHash.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  // Plain POSTs are not registrations.
  expect((await limited.post({ query: '{ plain: __typename }' })).status).toBe(200);
});
