import { buildSchema, parse } from 'graphql';
import { propagateNulls } from './nulls';

const schema = buildSchema(`
  type Query { project: Project, projects: [Project!]!, named: Named }
  type Project { title: String!, lead: Entity!, partners: [Entity!], states: [State]! }
  type Entity implements Named { acronym: String!, name: String! }
  type State implements Named { iso3: String!, name: String! }
  interface Named { name: String! }
`);

const run = (query: string, data: Record<string, unknown>) =>
  propagateNulls(schema, parse(query), undefined, data);

test('a null in a non-null field nulls its parent, up to the nearest nullable field', () => {
  expect(
    run('{ project { title lead { name } } }', { project: { title: 'T', lead: null } }),
  ).toEqual({ project: null });
});

test('a null item of [X!] nulls the list; a null item of [X] stays', () => {
  expect(
    run('{ project { title partners { name } states { name } } }', {
      project: { title: 'T', partners: [{ name: 'A' }, null], states: [null, { name: 'N' }] },
    }),
  ).toEqual({ project: { title: 'T', partners: null, states: [null, { name: 'N' }] } });
});

test('through a non-null root field, the whole data is null', () => {
  expect(run('{ projects { title } }', { projects: [{ title: null }] })).toBeNull();
});

test('fragments, aliases and abstract types are followed; the rest is left as it is', () => {
  const query = `
    query Q { p: project { ...F } named { ... on Entity { acronym } } }
    fragment F on Project { heading: title }
  `;
  expect(
    run(query, { p: { heading: null }, named: { __typename: 'Entity', acronym: null } }),
  ).toEqual({ p: null, named: null });
  expect(run(query, { p: { heading: 'T' }, named: { acronym: 'X' } })).toEqual({
    p: { heading: 'T' },
    named: { acronym: 'X' },
  });
});

test('a field the answer leaves out (@skip, @include) is not taken for a null', () => {
  expect(
    run('{ project { title @skip(if: true) lead { name } } }', {
      project: { lead: { name: 'N' } },
    }),
  ).toEqual({ project: { lead: { name: 'N' } } });
});

test('a field the answer lacks though the operation includes it (its fetch failed) is a null', () => {
  expect(run('{ project { title lead { name } } }', { project: { title: 'T', lead: {} } })).toEqual(
    { project: null },
  );
  expect(run('{ project { title partners { name } } }', { project: { title: 'T' } })).toEqual({
    project: { title: 'T', partners: null },
  });
});

test('@skip and @include are read with the variables, on fields and fragments alike', () => {
  const query = `query Q($on: Boolean!) {
    project { title @include(if: $on) ... on Project @skip(if: true) { lead { name } } }
  }`;
  const ran = (variables: Record<string, unknown>, data: Record<string, unknown>) =>
    propagateNulls(schema, parse(query), 'Q', data, variables);
  expect(ran({ on: false }, { project: {} })).toEqual({ project: {} });
  expect(ran({ on: true }, { project: {} })).toEqual({ project: null });
});
