import { Writable } from 'node:stream';
import { assessments } from '../../subgraphs/assessments/src/subgraph';
import { buildDataset } from '../../subgraphs/shared/src/dataset/build';
import { funding } from '../../subgraphs/funding/src/subgraph';
import { membership } from '../../subgraphs/membership/src/subgraph';
import { createLogger } from '../../subgraphs/shared/src/logger';
import type { SubgraphDefinition } from '../../subgraphs/shared/src/subgraph';
import { Confidentiality, ProjectStatus } from '../../subgraphs/shared/src/vocabulary';
import { createTestDatabase, migrateAndSeed, type TestDatabase } from '../helpers/database';
import { postBody, signedBody } from '../helpers/signature';
import { startSubgraph, type TestSubgraph } from '../helpers/subgraph';
import { as } from '../helpers/tokens';
import { startFaultProxy, type FaultProxy } from '../e2e/support/fault-proxy';
import { startExtraGateway, type ExtraGateway } from '../e2e/support/gateway';

/**
 * No log line holds a caller's token, a cookie or the graph's signature, at any level. The whole
 * graph runs at debug — the runtime's own debug lines (each fetch with its headers and body, each
 * subgraph call, each signature it makes) included — while callers with tokens and cookies go
 * through the gateway and straight at each subgraph, and the services call each other: reference
 * checks as the caller, the outbox's delivery, a reconciliation. Every call between services
 * passes a recording proxy, so the test knows each signature that was sent.
 */
const data = buildDataset();
const COOKIE = 'session=cookie-value-that-must-not-be-logged';
const lines: string[] = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    done();
  },
});
const logger = (service: string) => createLogger(service, 'trace', sink);

let database: TestDatabase;
const subgraphs: TestSubgraph[] = [];
const proxies: Record<string, FaultProxy> = {};
let gateway: ExtraGateway;
const tokens: string[] = [];
const signatures: string[] = [];

async function caller(...args: Parameters<typeof as>): Promise<Record<string, string>> {
  const headers = await as(...args);
  tokens.push(headers.authorization.replace(/^Bearer /, ''));
  return { ...headers, cookie: COOKIE };
}

async function start(definition: SubgraphDefinition<unknown>, peers: Record<string, string>) {
  const subgraph = await startSubgraph(definition, {
    databaseUrl: database.url,
    peers,
    logger: logger(definition.name),
  });
  subgraphs.push(subgraph);
  proxies[definition.name] = await startFaultProxy(subgraph.url);
  return proxies[definition.name].url;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await migrateAndSeed(database.url);
  const membershipUrl = await start(membership, {});
  const assessmentsUrl = await start(assessments, { membership: membershipUrl });
  const fundingUrl = await start(funding, {
    membership: membershipUrl,
    assessments: assessmentsUrl,
  });
  gateway = await startExtraGateway(
    { subgraphs: {} },
    { LOG_LEVEL: 'trace', RESPONSE_CACHE_TTL_MS: '60000' },
    { membership: membershipUrl, assessments: assessmentsUrl, funding: fundingUrl },
    logger('gateway'),
  );
});
afterAll(async () => {
  await gateway?.stop();
  await Promise.all(Object.values(proxies).map((proxy) => proxy.stop()));
  await Promise.all(subgraphs.map((subgraph) => subgraph.stop()));
  await database?.drop();
});

const free = data.assessments.recommendations.find(
  (r) =>
    data.assessments.assessments.find((a) => a.id === r.assessmentId)!.confidentiality ===
      Confidentiality.PUBLIC &&
    !data.funding.projects.some(
      (p) => p.status !== ProjectStatus.CANCELLED && p.recommendationIds.includes(r.id),
    ),
)!;
const project = data.funding.projects.find((p) => p.status !== ProjectStatus.CANCELLED)!;
const confidential = data.assessments.assessments.find(
  (a) => a.confidentiality === Confidentiality.CONFIDENTIAL,
)!;

async function throughTheGraph() {
  const cted = await caller(['cted']);
  const admin = await caller(['admin']);
  const read = await gateway.post(
    {
      query: `query ($a: ID!) {
        memberState(iso3: "NGA") { name }
        assessment(id: $a) { projects { code } coverage { addressed } }
        project(code: "${project.code}") { title version }
      }`,
      variables: { a: confidential.id },
    },
    cted,
  );
  expect(read.body.errors).toBeUndefined();
  // A write: funding checks the recommendation with assessments as the caller, then its outbox
  // delivers the change to assessments, signed.
  const version = read.body.data.project.version as number;
  for (const [mutation, v] of [
    ['linkProjectRecommendations', version],
    ['unlinkProjectRecommendations', version + 1],
  ] as const) {
    const write = await gateway.post(
      {
        query: `mutation ($id: ID!, $v: Int!, $r: [ID!]!) { ${mutation}(projectId: $id, expectedVersion: $v, recommendationIds: $r) { version } }`,
        variables: { id: project.id, v, r: [free.id] },
      },
      admin,
    );
    expect(write.body.errors).toBeUndefined();
  }
  // A token that does not verify is logged as refused, never shown.
  const forged = await caller(['cted']);
  forged.authorization = `${forged.authorization}x`;
  tokens.push(forged.authorization.replace(/^Bearer /, ''));
  expect(
    (await gateway.post({ query: '{ memberState(iso3: "NGA") { name } }' }, forged)).status,
  ).toBe(401);
}

async function straightAtTheSubgraphs() {
  const involved = await caller(['viewer'], confidential.leadEntityAcronym);
  for (const subgraph of subgraphs) {
    const answer = await postBody(subgraph.url, { query: '{ _service { sdl } }' }, involved);
    expect(answer.status).toBe(200);
  }
  // A partner's representations: funding asks assessments, as the partner, what it may see.
  const partner = await postBody(
    subgraphs[2].url,
    {
      query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Assessment { projects { code } } } }`,
      variables: { r: [{ __typename: 'Assessment', id: confidential.id }] },
    },
    involved,
  );
  expect(partner.body.errors).toBeUndefined();
  // The graph's own calls, signed, straight at a subgraph: a read as a caller, a reconciliation.
  const signedRead = signedBody({ query: '{ memberStates { iso3 } }' }, involved.authorization);
  signatures.push(signedRead.extensions['hmac-signature']);
  expect((await postBody(subgraphs[0].url, signedRead, involved)).status).toBe(200);
  const reconcile = signedBody({
    query: 'mutation { reconcileCoverage { differences } }',
  });
  signatures.push(reconcile.extensions['hmac-signature']);
  const reconciled = await postBody(subgraphs[2].url, reconcile, { cookie: COOKIE });
  expect(reconciled.body.errors).toBeUndefined();
}

/** Every signature the services sent each other, as the proxies between them saw it. */
function signaturesSent(): string[] {
  return Object.values(proxies).flatMap((proxy) =>
    proxy.requests.flatMap((request) => {
      const signature = (JSON.parse(request.body) as { extensions?: Record<string, unknown> })
        .extensions?.['hmac-signature'];
      return typeof signature === 'string' ? [signature] : [];
    }),
  );
}

test('no log line, at debug, holds a token, a cookie or a signature', async () => {
  await throughTheGraph();
  await straightAtTheSubgraphs();
  const sent = [...signatures, ...signaturesSent()];
  // Each kind of call happened, and was signed: the gateway's, funding's, the tests' own.
  expect(proxies.assessments.requests.some((r) => r.body.includes('recordAddressed'))).toBe(true);
  expect(proxies.assessments.requests.some((r) => r.body.includes('addressedDigests'))).toBe(true);
  expect(sent.length).toBeGreaterThan(10);
  // The runtime's debug lines that carried them before are there, and say what they did.
  for (const debug of [
    '[useFetchDebug]',
    '[useSubgraphExecuteDebug]',
    '[useHmacUpstreamSignature]',
  ]) {
    expect(lines.some((line) => line.includes(debug))).toBe(true);
  }
  const secrets = [...tokens, ...sent, COOKIE, 'cookie-value-that-must-not-be-logged', 'Bearer '];
  // Catch-alls for what the test did not send itself: any JWT, any HMAC-SHA256 in base64.
  const shapes = [/eyJ[\w-]+\.[\w-]+\.[\w-]+/, /[A-Za-z0-9+/]{43}=/];
  const leaks = lines.filter(
    (line) =>
      secrets.some((secret) => line.includes(secret)) || shapes.some((shape) => shape.test(line)),
  );
  expect(leaks.map((line) => line.slice(0, 400))).toEqual([]);
});
