import 'reflect-metadata';
import { missingDescriptions } from './descriptions';
import { generateSchemaFiles } from './generate';

test('every type, field, argument, enum value and input field the graph serves is described', async () => {
  const files = await generateSchemaFiles();
  expect([...files.keys()].sort()).toEqual([
    'assessments.graphql',
    'funding.graphql',
    'membership.graphql',
    'supergraph.graphql',
  ]);
  const missing = Object.fromEntries(
    [...files].map(([file, sdl]) => [file, missingDescriptions(sdl)]),
  );
  expect(missing).toEqual({
    'assessments.graphql': [],
    'funding.graphql': [],
    'membership.graphql': [],
    'supergraph.graphql': [],
  });
});

test('each kind of undescribed element is found, by path', () => {
  const sdl = `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key"])
    type Query { """Described."""  a(first: Int): A  _service: String }
    """Described."""
    type A @key(fields: "id") { id: ID! """Described.""" b(c: Int, """Described.""" d: Int): String }
    interface Node { id: ID! }
    enum E { """Described.""" X Y }
    input I { a: Int }
    union U = A
    scalar S
    """Described.""" scalar T
  `;
  expect(missingDescriptions(sdl)).toEqual([
    'Query.a(first)',
    'A.id',
    'A.b(c)',
    'Node',
    'Node.id',
    'E',
    'E.Y',
    'I',
    'I.a',
    'U',
    'S',
  ]);
});

test("federation's and the supergraph's own definitions are skipped", () => {
  const sdl = `
    scalar join__FieldSet
    enum join__Graph { FUNDING @join__graph(name: "funding", url: "http://x") }
    enum link__Purpose { SECURITY EXECUTION }
    scalar link__Import
    scalar _Any
    type _Service { sdl: String }
    union _Entity = _Service
    type Query { _entities(representations: [_Any!]!): [_Entity]! }
    type Hidden @inaccessible { a: Int }
  `;
  expect(missingDescriptions(sdl)).toEqual([]);
});
