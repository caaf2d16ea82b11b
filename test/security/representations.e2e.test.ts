import { buildDataset } from '../../subgraphs/shared/src/dataset/build';
import type { AssessmentRow, RecommendationRow } from '../../subgraphs/shared/src/dataset/rows';
import { Confidentiality, ProjectStatus } from '../../subgraphs/shared/src/vocabulary';
import { accessRules, type Caller } from '../helpers/access';
import { startTestGraph, type TestGraph } from '../helpers/graph';
import { postBody, signedBody } from '../helpers/signature';
import { as } from '../helpers/tokens';
import { startFaultProxy, type FaultProxy } from '../e2e/support/fault-proxy';
import { startExtraGateway, type ExtraGateway } from '../e2e/support/gateway';

/**
 * A partner can post any representation straight to a subgraph, with recommendations it may not
 * see. Coverage is counted where the recommendations are, by assessments, from its own rows, so
 * whatever a representation claims changes nothing; funding, which adds projects to assessments
 * and recommendations, takes only their keys, and shows a direct caller only what the owner
 * shows them. Each case for every kind of caller, both ways; and the gateway's signature, which
 * makes a request the graph's own, cannot be forged, replayed or altered.
 */
const data = buildDataset();
const { assessments, recommendations } = data.assessments;
const byConfidentiality = (c: Confidentiality) =>
  assessments.filter((a) => a.confidentiality === c);
const confidential = byConfidentiality(Confidentiality.CONFIDENTIAL);
const involved =
  confidential[0].participatingEntityAcronyms[0] ?? confidential[0].leadEntityAcronym;
const outsider = data.membership.entities
  .map((e) => e.acronym)
  .find(
    (acronym) =>
      acronym !== 'CTED' &&
      !assessments.some(
        (a) => a.leadEntityAcronym === acronym || a.participatingEntityAcronyms.includes(acronym),
      ),
  )!;

const CALLERS: Caller[] = [
  { name: 'anonymous', roles: null },
  { name: `an outside entity (${outsider})`, roles: ['viewer'], entity: outsider },
  { name: `an involved entity (${involved})`, roles: ['viewer'], entity: involved },
  { name: 'cted', roles: ['cted'] },
];

/** One assessment of each confidentiality, and a state whose assessments are of all three. */
const SAMPLE = [
  Confidentiality.PUBLIC,
  Confidentiality.SHARED_WITH_CONSENT,
  Confidentiality.CONFIDENTIAL,
].map((c) => (c === Confidentiality.CONFIDENTIAL ? confidential[0] : byConfidentiality(c)[0]));
const recommendationsOfConfidentiality = (c: Confidentiality) =>
  recommendations.filter(
    (r) => assessments.find((a) => a.id === r.assessmentId)!.confidentiality === c,
  );
/** What a forger claims: recommendations of every confidentiality, none of its own assessment. */
const CLAIMED = [
  ...recommendationsOfConfidentiality(Confidentiality.CONFIDENTIAL).slice(0, 10),
  ...recommendationsOfConfidentiality(Confidentiality.SHARED_WITH_CONSENT).slice(0, 10),
  ...recommendationsOfConfidentiality(Confidentiality.PUBLIC).slice(0, 8),
];
const claimedRefs = (exclude: string) =>
  CLAIMED.filter((r) => r.assessmentId !== exclude).map((r) => ({
    __typename: 'Recommendation',
    id: r.id,
    priority: r.priority,
    technicalAssistanceNeeded: r.technicalAssistanceNeeded,
  }));

const live = data.funding.projects.filter((p) => p.status !== ProjectStatus.CANCELLED);
const isAddressed = (r: RecommendationRow) => live.some((p) => p.recommendationIds.includes(r.id));
const ownRecommendations = (a: AssessmentRow) =>
  recommendations.filter((r) => r.assessmentId === a.id).sort((x, y) => x.number - y.number);

function expectedCoverage(caller: Caller, assessment: AssessmentRow) {
  const rules = accessRules(data, caller);
  if (!rules.listed(assessment)) return null;
  const readable = rules.readable(assessment) ? ownRecommendations(assessment) : [];
  const unaddressed = readable.filter((r) => !isAddressed(r));
  return {
    coverage: {
      recommendations: readable.length,
      addressed: readable.length - unaddressed.length,
      unaddressed: unaddressed.length,
    },
  };
}

/** The state with the most assessments, and what a caller may count of its needs. */
const state = [...new Set(assessments.map((a) => a.memberStateIso3))]
  .map((iso3) => ({ iso3, count: assessments.filter((a) => a.memberStateIso3 === iso3).length }))
  .sort((a, b) => b.count - a.count)[0].iso3;

function expectedUnaddressed(caller: Caller, iso3: string) {
  const rules = accessRules(data, caller);
  return recommendations
    .filter((r) => {
      const assessment = assessments.find((a) => a.id === r.assessmentId)!;
      return (
        assessment.memberStateIso3 === iso3 &&
        rules.listed(assessment) &&
        rules.readable(assessment)
      );
    })
    .filter((r) => !isAddressed(r))
    .map((r) => r.id)
    .sort();
}

let graph: TestGraph;
let proxy: FaultProxy;
let watched: ExtraGateway;
beforeAll(async () => {
  graph = await startTestGraph();
  proxy = await startFaultProxy(graph.subgraphs.funding.url);
  watched = await startExtraGateway(graph, {}, { funding: proxy.url });
});
afterAll(async () => {
  await watched?.stop();
  await proxy?.stop();
  await graph?.stop();
});

const headersOf = async (caller: Caller) =>
  caller.roles ? await as(caller.roles, caller.entity) : {};
const funding = () => graph.subgraphs.funding.url;
const owner = () => graph.subgraphs.assessments.url;

const COVERAGE_DIRECT = `query ($r: [_Any!]!) {
  _entities(representations: $r) { ... on Assessment { coverage { recommendations addressed unaddressed } } }
}`;
const COVERAGE_GATEWAY = `query ($id: ID!) { assessment(id: $id) { coverage { recommendations addressed unaddressed } } }`;
const STATE_DIRECT = `query ($r: [_Any!]!) {
  _entities(representations: $r) { ... on MemberState { unaddressedRecommendations { id } } }
}`;
const STATE_GATEWAY = `query ($iso3: String!) { memberState(iso3: $iso3) { unaddressedRecommendations { id } } }`;

describe.each(CALLERS)('$name', (caller) => {
  test.each(SAMPLE.map((a) => [a.confidentiality, a] as const))(
    'a forged %s Assessment: coverage counts what the caller may read, both ways',
    async (_confidentiality, assessment) => {
      const headers = await headersOf(caller);
      const representation = {
        __typename: 'Assessment',
        id: assessment.id,
        recommendations: claimedRefs(assessment.id),
      };
      const direct = await graph.query<{ _entities: unknown[] }>(
        COVERAGE_DIRECT,
        { r: [representation] },
        { url: owner(), headers },
      );
      expect(direct.errors).toBeUndefined();
      const expected = expectedCoverage(caller, assessment);
      expect(direct.data!._entities[0]).toEqual(expected);

      const through = await graph.query<{ assessment: unknown }>(
        COVERAGE_GATEWAY,
        { id: assessment.id },
        { headers },
      );
      expect(through.data!.assessment).toEqual(expected);
    },
  );

  test("a forged MemberState: unaddressed needs are the owner's, both ways", async () => {
    const headers = await headersOf(caller);
    const representation = {
      __typename: 'MemberState',
      iso3: state,
      assessments: [
        { __typename: 'Assessment', id: SAMPLE[0].id, recommendations: claimedRefs('') },
      ],
    };
    const direct = await graph.query<{
      _entities: { unaddressedRecommendations: { id: string }[] }[];
    }>(STATE_DIRECT, { r: [representation] }, { url: owner(), headers });
    expect(direct.errors).toBeUndefined();
    const expected = expectedUnaddressed(caller, state);
    const ids = (list: { id: string }[]) => list.map((r) => r.id).sort();
    expect(ids(direct.data!._entities[0].unaddressedRecommendations)).toEqual(expected);

    const through = await graph.query<{
      memberState: { unaddressedRecommendations: { id: string }[] };
    }>(STATE_GATEWAY, { iso3: state }, { headers });
    expect(ids(through.data!.memberState.unaddressedRecommendations)).toEqual(expected);
  });

  test.each(SAMPLE.map((a) => [a.confidentiality, a] as const))(
    'a forged %s Assessment straight at funding shows no more than its key would',
    async (_confidentiality, assessment) => {
      const headers = await headersOf(caller);
      const projects = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Assessment { projects { code } } } }`;
      const ask = (representation: Record<string, unknown>) =>
        graph.query<{ _entities: unknown[] }>(
          projects,
          { r: [representation] },
          { url: funding(), headers },
        );
      const forged = await ask({
        __typename: 'Assessment',
        id: assessment.id,
        recommendations: claimedRefs(assessment.id),
      });
      const keyOnly = await ask({ __typename: 'Assessment', id: assessment.id });
      expect(forged).toEqual(keyOnly);
      const listed = accessRules(data, caller).listed(assessment);
      expect(keyOnly.data!._entities[0] === null).toBe(!listed);
    },
  );

  test('addressedBy of a recommendation the caller may not read is absent, directly', async () => {
    const headers = await headersOf(caller);
    const rules = accessRules(data, caller);
    const sample = CLAIMED.filter((_, i) => i % 5 === 0);
    const direct = await graph.query<{ _entities: ({ addressedBy: unknown[] } | null)[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Recommendation { addressedBy { code } } } }`,
      { r: sample.map((r) => ({ __typename: 'Recommendation', id: r.id })) },
      { url: funding(), headers },
    );
    expect(direct.errors).toBeUndefined();
    direct.data!._entities.forEach((entity, i) => {
      if (rules.readableRecommendation(sample[i])) expect(entity).not.toBeNull();
      else expect(entity).toBeNull();
    });
  });
});

describe('the signature', () => {
  const representations = [
    { __typename: 'Assessment', id: SAMPLE[0].id, recommendations: claimedRefs(SAMPLE[0].id) },
  ];
  const body = {
    query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Assessment { projects { code } } } }`,
    variables: { r: representations },
  };

  test('the gateway signs every subgraph request, and the signature verifies', async () => {
    proxy.requests.length = 0;
    const headers = await as(['cted']);
    const answer = await watched.post(
      {
        query: 'query ($id: ID!) { assessment(id: $id) { projects { code } } }',
        variables: { id: SAMPLE[0].id },
      },
      headers,
    );
    expect(answer.body.errors).toBeUndefined();
    expect(proxy.requests.length).toBeGreaterThan(0);
    for (const request of proxy.requests) {
      const sent = JSON.parse(request.body) as {
        query: string;
        variables?: Record<string, unknown>;
        extensions: { 'hmac-signed-at': number; 'hmac-nonce': string };
      };
      const expected = signedBody(
        { query: sent.query, variables: sent.variables },
        request.headers.authorization,
        undefined,
        { signedAt: sent.extensions['hmac-signed-at'], nonce: sent.extensions['hmac-nonce'] },
      );
      expect(sent.extensions).toEqual(expected.extensions);
      expect(Math.abs(Date.now() - expected.extensions['hmac-signed-at'])).toBeLessThan(10_000);
    }
  });

  test('a signature made with another secret is refused', async () => {
    const forged = signedBody(body, undefined, 'x'.repeat(48));
    const { status, body: answer } = await postBody(funding(), forged);
    expect(status).toBe(401);
    expect(answer).toMatchObject({ errors: [{ extensions: { code: 'BAD_GATEWAY_SIGNATURE' } }] });
    expect(answer.data).toBeUndefined();
  });

  test('a signed request replayed as another caller, or with other variables, is refused', async () => {
    const headers = await as(['cted']);
    const signed = signedBody(body, headers.authorization);
    expect((await postBody(funding(), signed, headers)).status).toBe(200);
    const otherCaller = await postBody(funding(), signed, await as(['viewer'], outsider));
    expect(otherCaller.status).toBe(401);
    const anonymous = await postBody(funding(), signed);
    expect(anonymous.status).toBe(401);
    const changed = { ...signed, variables: { r: [{ ...representations[0], id: SAMPLE[1].id }] } };
    expect((await postBody(funding(), changed, headers)).status).toBe(401);
  });

  test('a signature that is not a string is refused', async () => {
    const { status } = await postBody(funding(), {
      ...body,
      extensions: { 'hmac-signature': { a: 1 } },
    });
    expect(status).toBe(401);
  });
});
