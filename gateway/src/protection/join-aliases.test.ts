import { readFileSync } from 'node:fs';
import { joinFieldsOf } from './join-aliases';

const joinFields = joinFieldsOf(readFileSync('schema/supergraph.graphql', 'utf8'));
const of = (type: string) => [...(joinFields.get(type) ?? [])].sort();

test('entities join by __typename and their keys, from every subgraph', () => {
  expect(of('Entity')).toEqual(['__typename', 'acronym', 'id']);
  expect(of('MemberState')).toEqual(['__typename', 'iso3']);
  expect(of('ThematicArea')).toEqual(['__typename', 'code']);
});

test('a field @requires selects is a join field of the type it is selected on', () => {
  // This graph has no @requires; a supergraph that does, as the gateway may be given one.
  const fields = joinFieldsOf(`
    type Query @join__type(graph: A) { assessment: Assessment }
    type Assessment @join__type(graph: A, key: "id") @join__type(graph: B, key: "id") {
      id: ID!
      recommendations: [Recommendation!]! @join__field(graph: A) @join__field(graph: B, external: true)
      coverage: Int @join__field(graph: B, requires: "recommendations { id priority }")
    }
    type Recommendation @join__type(graph: A, key: "id") { id: ID! priority: String }
  `);
  expect([...(fields.get('Assessment') ?? [])].sort()).toEqual([
    '__typename',
    'id',
    'recommendations',
  ]);
  expect([...(fields.get('Recommendation') ?? [])].sort()).toEqual([
    '__typename',
    'id',
    'priority',
  ]);
});

test('types the gateway never joins have none', () => {
  expect(joinFields.has('Coverage')).toBe(false);
  expect(joinFields.has('Query')).toBe(false);
});
