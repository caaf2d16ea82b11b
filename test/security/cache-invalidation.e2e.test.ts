import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { assessments } from '../../subgraphs/assessments/src/subgraph';
import { funding } from '../../subgraphs/funding/src/subgraph';
import { membership } from '../../subgraphs/membership/src/subgraph';
import { buildDataset } from '../../subgraphs/shared/src/dataset/build';
import { Confidentiality, ProjectStatus } from '../../subgraphs/shared/src/vocabulary';
import { createTestDatabase, migrateAndSeed, type TestDatabase } from '../helpers/database';
import { startSubgraph, type TestSubgraph } from '../helpers/subgraph';
import { as } from '../helpers/tokens';
import { startExtraGateway, type ExtraGateway } from '../e2e/support/gateway';
import { startFaultProxy, type FaultProxy } from '../e2e/support/fault-proxy';

/**
 * With the response cache on, no answer cached before a write is served after it:
 * after CTED makes a public assessment confidential, or deletes a recommendation, no anonymous
 * caller gets the hidden text or a count that still holds it — lists, searches, summaries and a
 * Member State's needs alike, through any replica — whether the write came through the gateway
 * or straight to the subgraph; and a coverage change that funding delivers a moment after its
 * write is in the cached figure once delivered. In memory (the subgraphs in this process) and in
 * Redis, where the two replicas stand for gateways in processes of their own: they learn of the
 * subgraphs' writes only through the generation the subgraphs keep there.
 */
const REDIS_URL = 'redis://127.0.0.1:6379';
const prefix = `test-invalidation-${randomUUID()}:`;
const data = buildDataset();
const recommendationsOf = (assessmentId: string) =>
  data.assessments.recommendations.filter((r) => r.assessmentId === assessmentId);
const addressedAtSeed = new Set(
  data.funding.projects
    .filter((p) => p.status !== ProjectStatus.CANCELLED)
    .flatMap((p) => p.recommendationIds),
);
/** Public assessments with recommendations, one per Member State, for each test its own. */
const publicOnes = [
  ...new Map(
    data.assessments.assessments
      .filter(
        (a) =>
          a.confidentiality === Confidentiality.PUBLIC &&
          recommendationsOf(a.id).length >= 2 &&
          recommendationsOf(a.id).some((r) => !addressedAtSeed.has(r.id)),
      )
      .map((a) => [a.memberStateIso3, a]),
  ).values(),
];
let taken = 0;
const nextAssessment = () => publicOnes[taken++]!;

let database: TestDatabase;
let subgraphs: Record<string, TestSubgraph>;
let proxy: FaultProxy;
const gateways: Record<string, ExtraGateway[]> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  await migrateAndSeed(database.url);
  const env = { REDIS_URL, REDIS_KEY_PREFIX: prefix };
  const member = await startSubgraph(membership, { databaseUrl: database.url, env });
  const assess = await startSubgraph(assessments, {
    databaseUrl: database.url,
    peers: { membership: member.url },
    env,
  });
  proxy = await startFaultProxy(assess.url);
  proxy.only = (body) => body.includes('recordAddressed');
  const fund = await startSubgraph(funding, {
    databaseUrl: database.url,
    peers: { membership: member.url, assessments: proxy.url },
    env,
  });
  subgraphs = { membership: member, assessments: assess, funding: fund };
  const graph = {
    subgraphs: Object.fromEntries(
      Object.entries(subgraphs).map(([name, s]) => [name, { name, url: s.url }]),
    ) as never,
  };
  const cached = { RESPONSE_CACHE_TTL_MS: '60000', RATE_LIMIT_MAX: '0' };
  gateways.memory = [await startExtraGateway(graph, cached)];
  const shared = { ...cached, REDIS_URL, REDIS_KEY_PREFIX: prefix };
  gateways.redis = [
    await startExtraGateway(graph, shared, {}, undefined, { inProcess: false }),
    await startExtraGateway(graph, shared, {}, undefined, { inProcess: false }),
  ];
});
afterAll(async () => {
  await Promise.all(
    Object.values(gateways)
      .flat()
      .map((gateway) => gateway.stop()),
  );
  await Promise.all(Object.values(subgraphs ?? {}).map((subgraph) => subgraph.stop()));
  await proxy?.stop();
  await database?.drop();
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});
beforeEach(() => {
  proxy.mode = 'pass';
});

/** Everything anonymous reads that holds an assessment's recommendations or counts them. */
function readsOf(assessment: (typeof publicOnes)[number]) {
  const iso3 = assessment.memberStateIso3;
  const word = recommendationsOf(assessment.id)[0]!
    .text.split(/\W+/)
    .sort((a, b) => b.length - a.length)[0]!;
  return {
    list: {
      query: `query ($a: ID!) { recommendations(first: 100, filter: { assessment: $a }) { totalCount edges { node { id text } } } }`,
      variables: { a: assessment.id },
    },
    search: {
      query: `query ($s: [String!], $w: String) { recommendations(first: 100, filter: { memberState: $s, search: $w }) { totalCount edges { node { id text } } } }`,
      variables: { s: [iso3], w: word },
    },
    summary: {
      query: `query ($s: [String!]) { coverageSummary(groupBy: MEMBER_STATE, filter: { memberState: $s }) { key recommendations addressed unaddressed } }`,
      variables: { s: [iso3] },
    },
    needs: {
      query: `query ($s: String!) { memberState(iso3: $s) { recommendations(first: 100) { totalCount edges { node { id text } } } unaddressedRecommendations { id text } } }`,
      variables: { s: iso3 },
    },
  };
}

type Reads = ReturnType<typeof readsOf>;
const assessmentSql = () => subgraphs.assessments.statements.count;

/** Each read through `gateway`, asked twice: the second is served from the cache. */
async function readCached(gateway: ExtraGateway, reads: Reads) {
  const answers: Record<string, string> = {};
  for (const [name, body] of Object.entries(reads)) {
    const first = await gateway.post(body);
    expect(first.body.errors).toBeUndefined();
    const before = assessmentSql();
    const again = await gateway.post(body);
    expect(again.body).toEqual(first.body);
    expect(assessmentSql()).toBe(before);
    answers[name] = JSON.stringify(first.body.data);
  }
  return answers;
}

/** Each read through `gateway` once, as the next anonymous caller gets it. */
async function readNow(gateway: ExtraGateway, reads: Reads) {
  const answers: Record<string, string> = {};
  for (const [name, body] of Object.entries(reads)) {
    const answer = await gateway.post(body);
    expect(answer.body.errors).toBeUndefined();
    answers[name] = JSON.stringify(answer.body.data);
  }
  return answers;
}

const summaryOf = (answers: Record<string, string>) =>
  JSON.parse(answers.summary!).coverageSummary as { recommendations: number; addressed: number }[];
const counted = (answers: Record<string, string>) =>
  summaryOf(answers).reduce((n, group) => n + group.recommendations, 0);
const addressed = (answers: Record<string, string>) =>
  summaryOf(answers).reduce((n, group) => n + group.addressed, 0);

async function versionOf(kind: 'assessment' | 'recommendation', id: string, via: ExtraGateway) {
  const answer = await via.post(
    { query: `{ ${kind}(id: "${id}") { version } }` },
    await as(['cted']),
  );
  return answer.body.data[kind].version as number;
}

/** Sends a mutation as CTED through a gateway, or straight to the assessments subgraph. */
async function write(route: 'gateway' | 'subgraph', via: ExtraGateway, query: string) {
  const headers = await as(['cted']);
  const answer =
    route === 'gateway'
      ? (await via.post({ query }, headers)).body
      : await subgraphs.assessments.query(query, {}, headers);
  expect(answer.errors).toBeUndefined();
}

describe.each(['memory', 'redis'])('a cache in %s', (where) => {
  const replicas = () => gateways[where]!;

  test.each(['gateway', 'subgraph'] as const)(
    'after CTED makes a public assessment confidential (through the %s), no replica serves its texts or counts them',
    async (route) => {
      const assessment = nextAssessment();
      const reads = readsOf(assessment);
      const texts = recommendationsOf(assessment.id).map((r) => r.text);
      const before = [];
      for (const replica of replicas()) before.push(await readCached(replica, reads));
      expect(before[0]!.list).toContain(JSON.stringify(texts[0]).slice(1, -1));
      expect(before[0]!.search).toContain(JSON.stringify(texts[0]).slice(1, -1));

      const version = await versionOf('assessment', assessment.id, replicas()[0]!);
      await write(
        route,
        replicas()[0]!,
        `mutation { updateAssessment(input: { id: "${assessment.id}", expectedVersion: ${version}, confidentiality: CONFIDENTIAL }) { id } }`,
      );

      for (const [i, replica] of replicas().entries()) {
        const after = await readNow(replica, reads);
        for (const answer of Object.values(after)) {
          for (const text of texts) expect(answer).not.toContain(JSON.stringify(text).slice(1, -1));
        }
        expect(counted(after)).toBe(counted(before[i]!) - texts.length);
      }
    },
  );

  test.each(['gateway', 'subgraph'] as const)(
    'after CTED deletes a recommendation (through the %s), no replica serves its text or counts it',
    async (route) => {
      const assessment = nextAssessment();
      const reads = readsOf(assessment);
      const deleted = recommendationsOf(assessment.id)[0]!;
      const before = [];
      for (const replica of replicas()) before.push(await readCached(replica, reads));
      const text = JSON.stringify(deleted.text).slice(1, -1);
      expect(before[0]!.list).toContain(text);

      const version = await versionOf('recommendation', deleted.id, replicas()[0]!);
      await write(
        route,
        replicas()[0]!,
        `mutation { deleteRecommendation(id: "${deleted.id}", expectedVersion: ${version}) }`,
      );

      for (const [i, replica] of replicas().entries()) {
        const after = await readNow(replica, reads);
        for (const answer of Object.values(after)) expect(answer).not.toContain(text);
        expect(counted(after)).toBe(counted(before[i]!) - 1);
      }
    },
  );

  test('a coverage change funding delivers after its write is in the cached figure once delivered', async () => {
    const assessment = nextAssessment();
    const reads = readsOf(assessment);
    const target = recommendationsOf(assessment.id).find((r) => !addressedAtSeed.has(r.id))!;
    const project = data.funding.projects.find((p) => p.status !== ProjectStatus.CANCELLED)!;
    const coverage = `{ assessment(id: "${assessment.id}") { coverage { addressed } } }`;
    const addressedInAssessments = async () =>
      (
        await subgraphs.assessments.query<{ assessment: { coverage: { addressed: number } } }>(
          coverage,
        )
      ).data!.assessment.coverage.addressed;
    const seeded = await addressedInAssessments();
    const before = [];
    for (const replica of replicas()) before.push(await readCached(replica, reads));

    // The write commits while its delivery to assessments fails: funding keeps it and retries.
    proxy.mode = 'unavailable';
    const { version } = (
      await replicas()[0]!.post({ query: `{ project(id: "${project.id}") { version } }` })
    ).body.data.project;
    const linked = await subgraphs.funding.query(
      `mutation ($id: ID!, $v: Int!, $r: [ID!]!) { linkProjectRecommendations(projectId: $id, expectedVersion: $v, recommendationIds: $r) { id } }`,
      { id: project.id, v: version, r: [target.id] },
      await as(['admin']),
    );
    expect(linked.errors).toBeUndefined();
    // Not delivered yet: the figures are still those of assessments' copy, and cached again.
    for (const [i, replica] of replicas().entries()) {
      expect(summaryOf(await readCached(replica, reads))).toEqual(summaryOf(before[i]!));
    }

    proxy.mode = 'pass';
    // Delivered once assessments, asked directly (not through the cache), counts it.
    while ((await addressedInAssessments()) === seeded) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await addressedInAssessments()).toBe(seeded + 1);

    for (const [i, replica] of replicas().entries()) {
      const after = await readNow(replica, reads);
      expect(addressed(after)).toBe(addressed(before[i]!) + 1);
      const needs = JSON.parse(after.needs!).memberState.unaddressedRecommendations as {
        id: string;
      }[];
      expect(needs.map((r) => r.id)).not.toContain(target.id);
    }
  });
});
