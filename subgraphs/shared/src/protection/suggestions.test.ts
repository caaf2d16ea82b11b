import { buildSchema, coerceInputValue, parse, validate, type GraphQLInputType } from 'graphql';
import { withoutSuggestions } from './suggestions';

const schema = buildSchema(`
  enum Status { ACTIVE, COMPLETED }
  input Filter { status: [Status!], leadEntity: [String!] }
  type Project { code: String!, title: String! }
  type Query { project(code: String): Project, projects(filter: Filter): [Project!]! }
`);

const messages = (document: string) => validate(schema, parse(document)).map((e) => e.message);

test.each([
  ['a field', '{ projectz { code } }', 'Cannot query field "projectz" on type "Query".'],
  [
    'an argument',
    '{ project(cod: "X") { code } }',
    'Unknown argument "cod" on field "Query.project".',
  ],
  ['a type', 'query ($f: Filtr) { projects(filter: $f) { code } }', 'Unknown type "Filtr".'],
  [
    'an input field',
    '{ projects(filter: { statu: [ACTIVE] }) { code } }',
    'Field "statu" is not defined by type "Filter".',
  ],
  [
    'an enum value',
    '{ projects(filter: { status: [ACTIV] }) { code } }',
    'Value "ACTIV" does not exist in "Status" enum.',
  ],
])(
  'suggestions of %s are removed; the message still names what was sent',
  (_what, document, kept) => {
    const [message] = messages(document);
    expect(message).toMatch(/ Did you mean "?[^?]+\?$/);
    expect(withoutSuggestions(message)).toBe(kept);
  },
);

test("a variable's value gets its suggestions from coercion, removed the same way", () => {
  const errors: string[] = [];
  coerceInputValue(
    { status: ['ACTIV'] },
    schema.getType('Filter') as GraphQLInputType,
    (_path, _value, error) => errors.push(error.message),
  );
  expect(errors).toEqual([
    'Value "ACTIV" does not exist in "Status" enum. Did you mean the enum value "ACTIVE"?',
  ]);
  expect(withoutSuggestions(errors[0])).toBe('Value "ACTIV" does not exist in "Status" enum.');
});

test('a message with no suggestion is left as it is', () => {
  const message = 'Syntax Error: Expected Name, found "}".';
  expect(withoutSuggestions(message)).toBe(message);
});
