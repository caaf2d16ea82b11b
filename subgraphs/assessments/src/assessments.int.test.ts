import {
  servedSdlOfCheckedIn,
  startSubgraph,
  type TestSubgraph,
} from '../../../test/helpers/subgraph';
import { buildDataset } from '../../shared/src/dataset/build';
import { Confidentiality, Priority } from '../../shared/src/vocabulary';
import { assessments } from './subgraph';

const { assessments: data } = buildDataset();
const confidentialityOf = new Map(data.assessments.map((a) => [a.id, a.confidentiality]));
/** What an anonymous caller may read: recommendations of PUBLIC assessments only. */
const readable = data.recommendations.filter(
  (r) => confidentialityOf.get(r.assessmentId) === Confidentiality.PUBLIC,
);
let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startSubgraph(assessments);
});
afterAll(() => subgraph?.stop());

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Assessment { id confidentiality contentsWithheld recommendations { id } }
    ... on Recommendation { id priority }
    ... on MemberState { iso3 assessments { id } }
  }
}`;

test('_service returns the SDL checked in under schema/', async () => {
  const result = await subgraph.query<{ _service: { sdl: string } }>('{ _service { sdl } }');
  expect(result.data!._service.sdl).toBe(await servedSdlOfCheckedIn('assessments'));
});

test('_entities shows an anonymous caller public and shared assessments, never confidential ones', async () => {
  const pick = (level: Confidentiality) =>
    data.assessments.find((a) => a.confidentiality === level)!;
  const [open, shared, secret] = [
    Confidentiality.PUBLIC,
    Confidentiality.SHARED_WITH_CONSENT,
    Confidentiality.CONFIDENTIAL,
  ].map(pick);
  const result = await subgraph.query<{ _entities: unknown[] }>(ENTITIES, {
    representations: [open, shared, secret].map((a) => ({ __typename: 'Assessment', id: a.id })),
  });
  expect(result.errors).toBeUndefined();
  const recommendationsOf = (id: string) =>
    data.recommendations
      .filter((r) => r.assessmentId === id)
      .sort((a, b) => a.number - b.number)
      .map((r) => ({ id: r.id }));
  expect(result.data!._entities).toEqual([
    {
      id: open.id,
      confidentiality: 'PUBLIC',
      contentsWithheld: false,
      recommendations: recommendationsOf(open.id),
    },
    {
      id: shared.id,
      confidentiality: 'SHARED_WITH_CONSENT',
      contentsWithheld: true,
      recommendations: [],
    },
    null,
  ]);
});

test('_entities resolves many recommendations in one statement and hides unreadable ones', async () => {
  const before = subgraph.statements.count;
  const result = await subgraph.query<{ _entities: ({ id: string; priority: string } | null)[] }>(
    ENTITIES,
    {
      representations: data.recommendations.map((r) => ({
        __typename: 'Recommendation',
        id: r.id,
      })),
    },
  );
  expect(subgraph.statements.count - before).toBe(1);
  const readableIds = new Set(readable.map((r) => r.id));
  expect(result.data!._entities).toEqual(
    data.recommendations.map((r) =>
      readableIds.has(r.id) ? { id: r.id, priority: r.priority } : null,
    ),
  );
});

test('recommendations filtered by priority and technical assistance count only what the caller may read', async () => {
  const result = await subgraph.query<{
    recommendations: { totalCount: number; edges: { node: { id: string } }[] };
  }>(
    '{ recommendations(filter: { priority: [HIGH], technicalAssistanceNeeded: true }, first: 100) { totalCount edges { node { id } } } }',
  );
  const expected = readable
    .filter((r) => r.priority === Priority.HIGH && r.technicalAssistanceNeeded)
    .map((r) => r.id)
    .sort();
  expect(result.data!.recommendations.totalCount).toBe(expected.length);
  expect(result.data!.recommendations.edges.map((e) => e.node.id)).toEqual(expected);
});

test('assessments filtered by year range and state, newest first', async () => {
  const result = await subgraph.query<{
    assessments: { edges: { node: { id: string; startedOn: string } }[] };
  }>(
    '{ assessments(filter: { yearFrom: 2015, yearTo: 2023 }, first: 100) { edges { node { id startedOn } } } }',
  );
  const expected = data.assessments
    .filter((a) => a.confidentiality !== Confidentiality.CONFIDENTIAL)
    .filter((a) => a.startedOn >= '2015-01-01' && a.startedOn < '2024-01-01')
    .sort((a, b) =>
      a.startedOn === b.startedOn ? (a.id < b.id ? 1 : -1) : a.startedOn < b.startedOn ? 1 : -1,
    )
    .map((a) => ({ id: a.id, startedOn: a.startedOn }));
  expect(result.data!.assessments.edges.map((e) => e.node)).toEqual(expected);
});

test('thematic area counts recommendations by priority', async () => {
  const area = data.thematicAreas[0];
  const result = await subgraph.query<{
    thematicArea: { recommendationsByPriority: { priority: string; count: number }[] };
  }>(
    `{ thematicArea(code: "${area.code.toLowerCase()}") { recommendationsByPriority { priority count } } }`,
  );
  expect(result.data!.thematicArea.recommendationsByPriority).toEqual(
    [Priority.HIGH, Priority.MEDIUM, Priority.LOW].map((priority) => ({
      priority,
      count: readable.filter((r) => r.thematicAreaCode === area.code && r.priority === priority)
        .length,
    })),
  );
});

test.each([
  [
    'a year out of range',
    '{ assessments(filter: { yearFrom: 20 }) { totalCount } }',
    '"filter.yearFrom" must be a year',
  ],
  [
    'a reversed year range',
    '{ assessments(filter: { yearFrom: 2020, yearTo: 2010 }) { totalCount } }',
    'must not be after',
  ],
  [
    'a malformed state code',
    '{ recommendations(filter: { memberState: ["Nigeria"] }) { totalCount } }',
    'not an ISO 3166-1 alpha-3',
  ],
  [
    'a cursor of another list',
    '{ assessments(after: "WyJ4Il0") { totalCount } }',
    '"after" is not a cursor',
  ],
])('%s is refused as BAD_USER_INPUT', async (_case, query, message) => {
  const result = await subgraph.query(query);
  expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect(result.errors?.[0].message).toContain(message);
});

test('an unknown or malformed id is null, not an error', async () => {
  const result = await subgraph.query(
    '{ a: assessment(id: "0190d4c0-0000-7000-8000-000000000000") { id } b: assessment(id: "42") { id } c: recommendation(id: "x") { id } }',
  );
  expect(result).toEqual({ data: { a: null, b: null, c: null } });
});
