import { GraphQLError, parse } from 'graphql';
import { missingParts, placed } from './failures';

test('an entity call: one place per field asked of each type, at its first entity', () => {
  const document = parse(`
    query ($r0: [_Any!]!, $r1: [_Any!]!) {
      _e0: _entities(representations: $r0) {
        ... on MemberState { name region }
        ... on Entity { __typename name }
      }
      _e1: _entities(representations: $r1) { ... on Entity { n: name } }
    }
  `);
  const variables = {
    r0: [
      { __typename: 'MemberState', iso3: 'NGA' },
      { __typename: 'Entity', acronym: 'UNOCT' },
    ],
    r1: [{ __typename: 'Entity', acronym: 'CTED' }],
  };
  expect(missingParts(document, variables)).toEqual([
    ['_e0', 0, 'name'],
    ['_e0', 0, 'region'],
    ['_e0', 1, 'name'],
    ['_e1', 0, 'n'],
  ]);
});

test('a root call has no place of its own: the query planner puts it at its root field', () => {
  expect(missingParts(parse('{ project(code: "X") { title } }'), {})).toEqual([]);
});

test('an error is copied to each place, with its extensions', () => {
  const error = new GraphQLError('down', { extensions: { serviceName: 'funding' } });
  expect(placed(error, [])).toEqual([error]);
  const copies = placed(error, [
    ['_entities', 0, 'projects'],
    ['_entities', 0, 'donor'],
  ]);
  expect(copies.map((e) => [e.message, e.path, e.extensions])).toEqual([
    ['down', ['_entities', 0, 'projects'], { serviceName: 'funding' }],
    ['down', ['_entities', 0, 'donor'], { serviceName: 'funding' }],
  ]);
});
