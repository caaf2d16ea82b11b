import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeSupergraph } from '../../gateway/src/compose';
import { entityOwners, faultBoundaries } from './fault-boundaries';
import { readRouting } from './routing';

const supergraph = readFileSync(
  join(__dirname, '..', '..', 'schema', 'supergraph.graphql'),
  'utf8',
);
const routing = readRouting(supergraph);

test('each entity is owned by the subgraph the design says', () => {
  expect(Object.fromEntries(entityOwners(routing))).toEqual({
    Appeal: 'funding',
    Assessment: 'assessments',
    Contribution: 'funding',
    Donor: 'funding',
    Entity: 'membership',
    MemberState: 'membership',
    Programme: 'funding',
    Project: 'funding',
    Recommendation: 'assessments',
    Resolution: 'assessments',
    ThematicArea: 'assessments',
    WorkingGroup: 'membership',
  });
});

test('every field an outage of another subgraph errors is nullable, so it costs that field alone', () => {
  const nonNull = faultBoundaries(routing)
    .filter((boundary) => !boundary.nullable)
    .map((b) => `${b.coordinate} (in ${b.graphs.join(', ')}): ${b.reasons.join('; ')}`);
  expect(nonNull).toEqual([]);
});

test('the boundaries include each kind of field: added, entity-valued', () => {
  const coordinates = faultBoundaries(routing).map((b) => b.coordinate);
  expect(coordinates).toEqual(
    expect.arrayContaining([
      'Entity.projectsLed',
      'Entity.assessmentsParticipated',
      'MemberState.assessments',
      'Recommendation.addressedBy',
      'Project.leadEntity',
      'Project.partnerEntities',
      'Assessment.memberState',
      'MemberState.unaddressedRecommendations',
    ]),
  );
  // A subgraph's own fields, and its fields whose value it owns, are not boundaries: coverage is
  // counted where the recommendations are.
  for (const own of [
    'Entity.name',
    'Assessment.type',
    'Recommendation.assessment',
    'Assessment.coverage',
    'Coverage.unaddressedRecommendations',
  ]) {
    expect(coordinates).not.toContain(own);
  }
});

const LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@external", "@requires"])';

function compose(people: string, places: string) {
  return readRouting(
    composeSupergraph([
      { name: 'people', url: 'http://people', sdl: `${LINK}\n${people}` },
      { name: 'places', url: 'http://places', sdl: `${LINK}\n${places}` },
    ]),
  );
}

test('a non-null field added to an entity, or holding another subgraph’s entity, is found', () => {
  const routing = compose(
    `type Person @key(fields: "id") { id: ID! name: String! size: Int! }
     type Query { person(id: ID!): Person people: [Person!]! }`,
    `type Person @key(fields: "id") {
       id: ID!
       home: Place!
       size: Int! @external
       visits: Int! @requires(fields: "size")
     }
     type Place @key(fields: "id") { id: ID! residents: [Person!]! mayor: Person }
     type Query { place(id: ID!): Place }`,
  );
  expect(Object.fromEntries(entityOwners(routing))).toEqual({
    Person: 'people',
    Place: 'places',
  });
  expect(
    faultBoundaries(routing).map(({ coordinate, graphs, nullable }) => ({
      coordinate,
      graphs,
      nullable,
    })),
  ).toEqual([
    { coordinate: 'Person.home', graphs: ['places'], nullable: false },
    { coordinate: 'Person.visits', graphs: ['places'], nullable: false },
    { coordinate: 'Place.residents', graphs: ['places'], nullable: false },
    { coordinate: 'Place.mayor', graphs: ['places'], nullable: true },
  ]);
});
