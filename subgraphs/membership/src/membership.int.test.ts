import {
  servedSdlOfCheckedIn,
  startSubgraph,
  type TestSubgraph,
} from '../../../test/helpers/subgraph';
import { buildDataset } from '../../shared/src/dataset/build';
import { EntityKind, Region, WorkingGroupRole } from '../../shared/src/vocabulary';
import { membership } from './subgraph';

const { membership: data } = buildDataset();
let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startSubgraph(membership);
});
afterAll(() => subgraph?.stop());

test('_service returns the SDL checked in under schema/', async () => {
  const result = await subgraph.query<{ _service: { sdl: string } }>('{ _service { sdl } }');
  expect(result.data!._service.sdl).toBe(await servedSdlOfCheckedIn('membership'));
  expect(result.data!._service.sdl).toMatch(
    /type Entity\s+@key\(fields: "id"\)\s+@key\(fields: "acronym"\)/,
  );
});

test('_entities resolves entities by either key, null for unknown ones, in order', async () => {
  const unodc = data.entities.find((e) => e.acronym === 'UNODC')!;
  const cted = data.entities.find((e) => e.acronym === 'CTED')!;
  const result = await subgraph.query<{ _entities: ({ acronym: string; name: string } | null)[] }>(
    `query ($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on Entity { acronym name } }
    }`,
    {
      representations: [
        { __typename: 'Entity', acronym: 'UNODC' },
        { __typename: 'Entity', id: cted.id },
        { __typename: 'Entity', acronym: 'NOPE' },
        { __typename: 'Entity', id: 'not-a-uuid' },
        { __typename: 'MemberState', iso3: 'NGA' },
      ],
    },
  );
  expect(result.errors).toBeUndefined();
  expect(result.data!._entities).toEqual([
    { acronym: 'UNODC', name: unodc.name },
    { acronym: 'CTED', name: cted.name },
    null,
    null,
    {},
  ]);
});

test('_entities for every entity costs one statement', async () => {
  const before = subgraph.statements.count;
  const result = await subgraph.query<{ _entities: { acronym: string }[] }>(
    `query ($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on Entity { acronym } }
    }`,
    { representations: data.entities.map((e) => ({ __typename: 'Entity', acronym: e.acronym })) },
  );
  expect(result.data!._entities.map((e) => e.acronym)).toEqual(data.entities.map((e) => e.acronym));
  expect(subgraph.statements.count - before).toBe(1);
});

test('entities filtered by kind, walked page by page, match the data set in acronym order', async () => {
  const kinds = [EntityKind.UN_SECRETARIAT, EntityKind.NON_UN_ORGANIZATION];
  const expected = data.entities
    .filter((e) => kinds.includes(e.kind))
    .map((e) => e.acronym)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const seen: string[] = [];
  let after: string | null = null;
  let total = -1;
  for (let page = 0; page < 20; page++) {
    const result: Awaited<ReturnType<typeof subgraph.query<EntityPage>>> =
      await subgraph.query<EntityPage>(
        `query ($kinds: [EntityKind!], $after: String) {
        entities(filter: { kind: $kinds }, first: 5, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { acronym kind } }
        }
      }`,
        { kinds, after },
      );
    const connection = result.data!.entities;
    total = connection.totalCount;
    seen.push(...connection.edges.map((edge) => edge.node.acronym));
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
  }
  expect(seen).toEqual(expected);
  expect(total).toBe(expected.length);
});

interface EntityPage {
  entities: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { acronym: string; kind: string } }[];
  };
}

test('memberStates by region and memberState by code in any case', async () => {
  const result = await subgraph.query<{
    memberStates: { iso3: string }[];
    memberState: { name: string; region: string };
    unknown: null;
  }>(
    '{ memberStates(region: AFRICA) { iso3 } memberState(iso3: "nga") { name region } unknown: memberState(iso3: "XXX") { name } }',
  );
  expect(result.errors).toBeUndefined();
  expect(result.data!.memberStates.map((s) => s.iso3)).toEqual(
    data.memberStates.filter((s) => s.region === Region.AFRICA).map((s) => s.iso3),
  );
  expect(result.data!.memberState).toEqual({ name: 'Nigeria', region: 'AFRICA' });
  expect(result.data!.unknown).toBeNull();
});

test('working groups list their chairs from the memberships', async () => {
  const result = await subgraph.query<{
    workingGroups: { id: string; chairs: { acronym: string }[] }[];
  }>('{ workingGroups { id chairs { acronym } } }');
  const acronymOf = new Map(data.entities.map((e) => [e.id, e.acronym]));
  for (const group of result.data!.workingGroups) {
    const chairs = data.workingGroupMemberships
      .filter((m) => m.workingGroupId === group.id && m.role === WorkingGroupRole.CHAIR)
      .map((m) => acronymOf.get(m.entityId));
    expect(group.chairs.map((c) => c.acronym).sort()).toEqual(chairs.sort());
  }
  expect(result.data!.workingGroups).toHaveLength(data.workingGroups.length);
});

test('the Coordination Committee is chaired by the entity with the CHAIR seat', async () => {
  const result = await subgraph.query<{
    coordinationCommittee: { chair: { acronym: string }; members: unknown[] };
  }>('{ coordinationCommittee { chair { acronym } members { acronym } } }');
  const chair = data.committeeSeats.find((seat) => seat.role === 'CHAIR')!;
  expect(result.data!.coordinationCommittee.chair.acronym).toBe(
    data.entities.find((e) => e.id === chair.entityId)!.acronym,
  );
  expect(result.data!.coordinationCommittee.members).toHaveLength(
    new Set(data.committeeSeats.map((seat) => seat.entityId)).size,
  );
});

test.each([
  ['both keys', '{ entity(id: "x", acronym: "UNODC") { name } }', 'entity takes exactly one of'],
  ['no key', '{ entity { name } }', 'entity takes exactly one of'],
  ['a malformed ISO3 code', '{ memberState(iso3: "NG1") { name } }', 'not an ISO 3166-1 alpha-3'],
  ['a negative page size', '{ entities(first: -1) { totalCount } }', '"first" must be'],
  ['a page size over 100', '{ entities(first: 101) { totalCount } }', '"first" must be'],
  [
    'a malformed cursor',
    '{ entities(after: "bm90IGEgY3Vyc29y") { totalCount } }',
    '"after" is not a cursor',
  ],
])('%s is refused as BAD_USER_INPUT', async (_case, query, message) => {
  const result = await subgraph.query(query);
  expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect(result.errors?.[0].message).toContain(message);
  expect(JSON.stringify(result)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
});
