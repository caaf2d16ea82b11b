import { buildSchema, parse } from 'graphql';
import { differences } from './compare';
import { emptiedPaths, nullsOnlyWhereErrorsAre, pathIsSkipped } from './paths';

/** The fuzzer's rules excuse only what they name: anything else is a difference. */

const schema = buildSchema(`
  type Query { state: State, states: [State!]! }
  type State { iso3: String!, name: String, projects: Page, provenance: Provenance! }
  type Page { total: Int! }
  type Provenance { kind: String! }
`);
const plain = (query: string) => ({ fault: false, emptied: [], schema, document: parse(query) });

test('different data or a different error code is a difference', () => {
  const query = '{ state { iso3 } }';
  expect(
    differences({ data: { state: { iso3: 'NGA' } } }, { data: { state: null } }, plain(query)),
  ).toEqual(['data differ']);
  expect(
    differences(
      {
        data: { state: null },
        errors: [{ message: 'x', path: ['state'], extensions: { code: 'FORBIDDEN' } }],
      },
      {
        data: { state: null },
        errors: [{ message: 'y', path: ['state'], extensions: { code: 'BAD_USER_INPUT' } }],
      },
      plain(query),
    ),
  ).toHaveLength(1);
  // Messages may differ.
  expect(
    differences(
      { data: null, errors: [{ message: 'ours', extensions: { code: 'X' } }] },
      { data: null, errors: [{ message: 'theirs', extensions: { code: 'X' } }] },
      plain(query),
    ),
  ).toEqual([]);
});

test('a limit’s own code stands for GRAPHQL_VALIDATION_FAILED, and only without a path', () => {
  const ours = { errors: [{ message: 'm', extensions: { code: 'DEPTH_LIMIT_EXCEEDED' } }] };
  const theirs = { errors: [{ message: 'm', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] };
  expect(differences(ours, theirs, plain('{ state { iso3 } }'))).toEqual([]);
  expect(
    differences(
      { errors: [{ message: 'm', extensions: { code: 'FORBIDDEN' } }] },
      theirs,
      plain('{ state { iso3 } }'),
    ),
  ).toHaveLength(1);
});

test('where every subfield is skipped, Apollo’s null lands on the nearest nullable field', () => {
  const document = parse(
    'query ($s: Boolean!) { state { provenance { kind @skip(if: $s) } iso3 } states { name @skip(if: $s) } }',
  );
  // `state.provenance` is non-null: its null reaches `state`; `states` is non-null: the data.
  expect(emptiedPaths(schema, document, { s: true })).toEqual(['state', '']);
  expect(emptiedPaths(schema, document, { s: false })).toEqual([]);
  const nullable = parse(
    'query ($s: Boolean!) { state { name projects { total @skip(if: $s) } } }',
  );
  expect(emptiedPaths(schema, nullable, { s: true })).toEqual(['state.projects']);
});

test('a path through a skipped selection is recognised; others are not', () => {
  const document = parse(
    'query ($v: Boolean!) { state @include(if: $v) { projects @include(if: false) { total } } }',
  );
  expect(pathIsSkipped(document, { v: true }, ['state', 'projects'])).toBe(true);
  expect(pathIsSkipped(document, { v: true }, ['state'])).toBe(false);
});

test('ours alone is checked for nulls at its errors’ paths, in nullable places only', () => {
  const document = parse('{ state { iso3 projects { total } } }');
  const error = (path: string[]) => ({ message: 'm', path });
  expect(
    nullsOnlyWhereErrorsAre(schema, document, {
      data: { state: { iso3: 'NGA', projects: null } },
      errors: [error(['state', 'projects'])],
    }),
  ).toBe(true);
  // A null where the schema promises a value is not accepted.
  expect(
    nullsOnlyWhereErrorsAre(schema, document, {
      data: { state: { iso3: null, projects: null } },
      errors: [error(['state', 'iso3'])],
    }),
  ).toBe(false);
  // Nor an error whose path holds a value.
  expect(
    nullsOnlyWhereErrorsAre(schema, document, {
      data: { state: { iso3: 'NGA', projects: { total: 1 } } },
      errors: [error(['state', 'projects'])],
    }),
  ).toBe(false);
});
