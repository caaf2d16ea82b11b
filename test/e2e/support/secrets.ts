import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { buildDataset } from '../../../subgraphs/shared/src/dataset/build';
import { Confidentiality } from '../../../subgraphs/shared/src/vocabulary';
import { gatewayOperations, type Target } from './bad-inputs';

/**
 * What no anonymous caller may ever receive: the ids of CONFIDENTIAL assessments (they are not
 * even listed) and of their recommendations, and the texts of SHARED_WITH_CONSENT
 * recommendations (their assessments are listed, their contents only to Compact entities), from
 * the data set the test database holds. A shared text that a PUBLIC recommendation also has is
 * left out: seeing it proves nothing.
 */
export function confidentialIds() {
  const data = buildDataset();
  const confidentialityOf = new Map(
    data.assessments.assessments.map((a) => [a.id, a.confidentiality]),
  );
  const ofConfidentiality = (c: Confidentiality) =>
    data.assessments.recommendations.filter((r) => confidentialityOf.get(r.assessmentId) === c);
  const publicTexts = new Set(ofConfidentiality(Confidentiality.PUBLIC).map((r) => r.text));
  const shared = ofConfidentiality(Confidentiality.SHARED_WITH_CONSENT).filter(
    (r) => !publicTexts.has(r.text),
  );
  const assessments = data.assessments.assessments.filter(
    (a) => a.confidentiality === Confidentiality.CONFIDENTIAL,
  );
  const ids = new Set(assessments.map((a) => a.id));
  const recommendations = data.assessments.recommendations.filter((r) => ids.has(r.assessmentId));
  const projects = data.funding.projects.filter(
    (p) =>
      p.assessmentIds.some((id) => ids.has(id)) || p.recommendationIds.some((id) => ids.has(id)),
  );
  return {
    assessments: assessments.map((a) => a.id),
    recommendations: recommendations.map((r) => r.id),
    states: [...new Set(assessments.map((a) => a.memberStateIso3))],
    projectCodes: projects.map((p) => p.code),
    all: [...ids, ...recommendations.map((r) => r.id)],
    sharedRecommendations: shared.map((r) => r.id),
    sharedTexts: shared.map((r) => r.text),
  };
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Authorization headers no service may trust with more than an anonymous caller gets: garbage,
 * unsigned or wrongly signed tokens claiming `admin`, an expired `cted` token, and correctly
 * signed tokens whose roles are not roles. '' sends none.
 */
export async function untrustedAuthorizations(secret: string): Promise<string[]> {
  const now = Math.floor(Date.now() / 1000);
  const sign = (claims: Record<string, unknown>, key: string, exp = now + 3600) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('bad-input')
      .setIssuedAt(now - 7200)
      .setExpirationTime(exp)
      .sign(new TextEncoder().encode(key));
  return [
    '',
    'Bearer',
    'Bearer ',
    'Basic YWRtaW46YWRtaW4=',
    `Bearer ${'x'.repeat(4000)}`,
    'Bearer a.b.c',
    `Bearer ${b64({ alg: 'none' })}.${b64({ sub: 'root', roles: ['admin'] })}.`,
    `Bearer ${b64({ alg: 'HS256' })}.${b64({ sub: 'root', roles: ['admin'] })}.${randomBytes(32).toString('base64url')}`,
    `Bearer ${await sign({ roles: ['admin', 'cted'] }, randomBytes(32).toString('hex'))}`,
    `Bearer ${await sign({ roles: ['cted'] }, secret, now - 60)}`,
    `Bearer ${await sign({ roles: 'cted' }, secret)}`,
    `Bearer ${await sign({ roles: ['CTED', 'superuser', null, 1] }, secret)}`,
    `bearer   ${await sign({ roles: [{ role: 'admin' }], entity: ['UNODC'] }, secret)}`,
    `Bearer ${await sign({ roles: ['viewer'], entity: '' }, secret)} extra`,
  ];
}

function entities(typename: string, ids: string[], extra: Record<string, unknown> = {}) {
  return { r: ids.map((id) => ({ __typename: typename, id, ...extra })) };
}

/** The gateway and the three subgraphs, each with its operations and its reads of secrets. */
export function targets(): Record<string, Target> {
  const secret = confidentialIds();
  const byId = (query: string, ids: string[]) => ids.map((id) => ({ query, variables: { id } }));
  const assessmentRead =
    'query ($id: ID!) { assessment(id: $id) { id confidentiality recommendations { id } } }';
  const recommendationRead = 'query ($id: ID!) { recommendation(id: $id) { id text } }';
  const sharedList =
    '{ assessments(first: 100, filter: { confidentiality: [SHARED_WITH_CONSENT] }) { edges { node { id recommendations { text } } } } recommendations(first: 100) { edges { node { text } } } }';
  const confidentialList =
    '{ assessments(first: 100, filter: { confidentiality: [CONFIDENTIAL] }) { totalCount edges { node { id recommendations { id } } } } }';
  const entitiesQuery = (fragment: string) =>
    `query ($r: [_Any!]!) { _entities(representations: $r) { ${fragment} } }`;
  return {
    gateway: {
      name: 'gateway',
      operations: gatewayOperations(),
      probes: [
        { query: confidentialList },
        ...byId(assessmentRead, secret.assessments),
        ...byId(recommendationRead, secret.recommendations.slice(0, 10)),
        ...byId(recommendationRead, secret.sharedRecommendations.slice(0, 10)),
        { query: sharedList },
        ...secret.states.map((iso3) => ({
          query:
            'query ($iso3: String!) { memberState(iso3: $iso3) { assessments { id recommendations { id } } latestAssessment { id } unaddressedRecommendations { id } } }',
          variables: { iso3 },
        })),
        ...secret.projectCodes.map((code) => ({
          query:
            'query ($code: String!) { project(code: $code) { assessments { id } recommendations { id } } }',
          variables: { code },
        })),
        {
          query:
            '{ projects(first: 100) { edges { node { assessments { id } recommendations { id } } } } }',
        },
      ],
    },
    membership: {
      name: 'membership',
      operations: [
        {
          query:
            'query ($first: Int, $after: String) { entities(first: $first, after: $after) { totalCount edges { node { acronym name } } } }',
          variables: { first: 10, after: null },
        },
        {
          query:
            'query ($acronym: String!) { entity(acronym: $acronym) { name workingGroups { name } } }',
          variables: { acronym: 'UNODC' },
        },
        {
          query: 'query ($iso3: String!) { memberState(iso3: $iso3) { name } }',
          variables: { iso3: 'NGA' },
        },
        {
          query: entitiesQuery('... on Entity { acronym name }'),
          variables: { r: [{ __typename: 'Entity', acronym: 'UNODC' }] },
        },
      ],
      probes: [
        { query: '{ membershipAuditLog(first: 100) { edges { node { before after } } } }' },
        {
          query: entitiesQuery('... on Entity { acronym }'),
          variables: entities('Entity', secret.all),
        },
      ],
    },
    assessments: {
      name: 'assessments',
      operations: [
        {
          query:
            'query ($first: Int, $after: String, $filter: AssessmentFilter) { assessments(first: $first, after: $after, filter: $filter) { totalCount edges { node { id type } } } }',
          variables: { first: 10, after: null, filter: { yearFrom: 2015 } },
        },
        { query: assessmentRead, variables: { id: '0190d4c0-0000-7000-8000-000000000000' } },
        {
          query: 'query ($code: String!) { thematicArea(code: $code) { name } }',
          variables: { code: 'CFT' },
        },
        {
          query: entitiesQuery('... on Assessment { id type }'),
          variables: {
            r: [{ __typename: 'Assessment', id: '0190d4c0-0000-7000-8000-000000000000' }],
          },
        },
      ],
      probes: [
        { query: confidentialList },
        ...byId(assessmentRead, secret.assessments),
        ...byId(recommendationRead, secret.recommendations.slice(0, 10)),
        ...byId(recommendationRead, secret.sharedRecommendations.slice(0, 10)),
        { query: sharedList },
        {
          query: entitiesQuery('... on Recommendation { id text }'),
          variables: entities('Recommendation', secret.sharedRecommendations),
        },
        {
          query: entitiesQuery('... on Assessment { id type }'),
          variables: entities('Assessment', secret.assessments),
        },
        {
          query: entitiesQuery('... on Recommendation { id text }'),
          variables: entities('Recommendation', secret.recommendations),
        },
        { query: '{ assessmentsAuditLog(first: 100) { edges { node { before after } } } }' },
      ],
    },
    funding: {
      name: 'funding',
      operations: [
        {
          query:
            'query ($first: Int, $after: String) { projects(first: $first, after: $after) { totalCount edges { node { code title } } } }',
          variables: { first: 10, after: null },
        },
        {
          query: 'query ($code: String) { project(code: $code) { title budget { amount } } }',
          variables: { code: 'CGC-2020-0001' },
        },
        {
          query: 'query ($id: ID!) { donor(id: $id) { name } }',
          variables: { id: '0190d4c0-0000-7000-8000-000000000000' },
        },
        {
          query: entitiesQuery('... on Project { code }'),
          variables: { r: [{ __typename: 'Project', code: 'CGC-2020-0001' }] },
        },
      ],
      probes: [
        {
          query: entitiesQuery('... on Assessment { id projects { code } }'),
          variables: entities('Assessment', secret.assessments),
        },
        {
          query: entitiesQuery('... on Recommendation { id addressedBy { code } }'),
          variables: entities('Recommendation', secret.recommendations, {
            priority: 'HIGH',
            technicalAssistanceNeeded: true,
          }),
        },
        ...secret.projectCodes.map((code) => ({
          query:
            'query ($code: String) { project(code: $code) { assessments { id } recommendations { id } } }',
          variables: { code },
        })),
        { query: '{ fundingAuditLog(first: 100) { edges { node { before after } } } }' },
      ],
    },
  };
}
