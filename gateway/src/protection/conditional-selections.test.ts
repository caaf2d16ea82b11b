import { buildSchema, parse, print } from 'graphql';
import {
  HIDDEN_FIELD,
  isIncluded,
  selectsNothing,
  withHiddenFields,
  withoutHiddenFields,
} from './conditional-selections';

const schema = buildSchema(`
  type Query { project: Project, projects: [Project!]! }
  type Project { id: ID!, title: String!, lead: Entity }
  type Entity { acronym: String!, name(short: Boolean): String! }
`);

test('@skip and @include are read with the variables; a condition that cannot be read runs', () => {
  const [field] = (
    parse('{ a @skip(if: $s) @include(if: $i) }').definitions[0] as never as {
      selectionSet: { selections: Parameters<typeof isIncluded>[0][] };
    }
  ).selectionSet.selections;
  expect(isIncluded(field!, { s: false, i: true })).toBe(true);
  expect(isIncluded(field!, { s: true, i: true })).toBe(false);
  expect(isIncluded(field!, { s: false, i: false })).toBe(false);
  expect(isIncluded(field!, {})).toBe(true);
});

test('an operation whose every root field is left out selects nothing', () => {
  const query = `query Q($on: Boolean!) { project @include(if: $on) { id } ...F }
    fragment F on Query { projects @skip(if: true) { id } }`;
  expect(selectsNothing(parse(query), 'Q', { on: false })).toBe(true);
  expect(selectsNothing(parse(query), 'Q', { on: true })).toBe(false);
  expect(selectsNothing(parse('{ __typename }'), undefined, {})).toBe(false);
});

test('a selection that the conditions empty gets a hidden scalar of its own type, id first', () => {
  const query = `query Q($on: Boolean!) {
    project { title @include(if: $on) }
    projects { id lead { ... on Entity @skip(if: true) { acronym } } }
  }`;
  const changed = print(withHiddenFields(schema, parse(query), { on: false })!);
  expect(changed).toContain(`title @include(if: $on)\n    ${HIDDEN_FIELD}: id\n`);
  // Entity has no id: its first scalar without a required argument.
  expect(changed).toContain(`${HIDDEN_FIELD}: acronym`);
  const included = print(withHiddenFields(schema, parse(query), { on: true })!);
  expect(included).not.toContain(`${HIDDEN_FIELD}: id`);
  expect(withHiddenFields(schema, parse('{ project { id lead { name } } }'), {})).toBeUndefined();
});

test('the hidden fields are taken out of the answer, at any depth, in lists too', () => {
  expect(
    withoutHiddenFields({
      project: { [HIDDEN_FIELD]: '1', lead: null },
      projects: [{ [HIDDEN_FIELD]: '2' }, { title: 'T' }],
    }),
  ).toEqual({ project: { lead: null }, projects: [{}, { title: 'T' }] });
});
