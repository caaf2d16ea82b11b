import { exampleOperations } from '../../../gateway/operations';
import { HOSTILE_STRINGS, type Random } from './random';

/** One request, as it goes on the wire. */
export interface BadInput {
  family: string;
  method: string;
  /** Path and query string, such as `/graphql?query=…`. */
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /**
   * The error code the answer must carry when the input has only one right answer and is sent
   * without a token (a token the service refuses is answered first).
   */
  refusedWith?: string;
}

/** What the generators know of one service: operations it serves, and reads of secrets. */
export interface Target {
  name: string;
  /** Valid operations with the names and a sample of their variables. */
  operations: { query: string; variables: Record<string, unknown> }[];
  /** Valid reads of data an anonymous caller may not see (they must come back empty). */
  probes: { query: string; variables?: Record<string, unknown> }[];
}

const JSON_TYPE = { 'content-type': 'application/json' };

const post = (family: string, body: unknown, headers: Record<string, string> = {}): BadInput => ({
  family,
  method: 'POST',
  path: '/graphql',
  headers: { ...JSON_TYPE, ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

/** Bodies that are not a GraphQL request: not JSON, the wrong JSON, the wrong content type. */
function malformedBody(rng: Random, target: Target): BadInput {
  const valid = JSON.stringify(rng.pick(target.operations));
  const shapes: (() => BadInput)[] = [
    () => post('body', rng.bytes(rng.int(0, 2000))),
    () => post('body', valid.slice(0, rng.int(0, valid.length - 1))),
    () =>
      post(
        'body',
        rng.pick(['', ' ', 'null', 'true', '1', '"query"', '[]', '[1,2]', '{}', '[[]]']),
      ),
    () => post('body', { query: rng.json(2) }),
    () => post('body', { query: '{ __typename }', variables: rng.pick(['x', 1, [], true]) }),
    () => post('body', { query: '{ __typename }', operationName: rng.json(1) }),
    () => post('body', { query: '{ __typename }', extensions: rng.json(2) }),
    () => post('body', { ...JSON.parse(valid), [rng.string(5)]: rng.json(2) }),
    () => post('body', `${'['.repeat(rng.int(100, 200_000))}${']'.repeat(rng.int(0, 10))}`),
    () => post('body', `{"query":"{ __typename }","query":${JSON.stringify(rng.string(10))}}`),
    () => post('body', `\ufeff${valid}`),
    () =>
      post(
        'body',
        Buffer.concat([Buffer.from(valid.slice(0, 10)), Buffer.from([0xff, 0xfe, 0xc3])]),
      ),
    () => post('body', { query: `${' '.repeat(rng.int(1000, 500_000))}{ __typename }` }),
    () =>
      post('body', { query: '{ __typename }', padding: 'x'.repeat(rng.int(1_048_577, 1_200_000)) }),
    () => ({
      ...post('body', valid),
      headers: {
        'content-type': rng.pick([
          'text/plain',
          'application/graphql',
          'multipart/form-data; boundary=x',
          'application/x-www-form-urlencoded',
          'application/json; charset=latin1',
          'application/xml',
          rng.string(12),
        ]),
      },
    }),
    () => ({ ...post('body', valid), headers: {} }),
    () => ({ ...post('body', valid), headers: { ...JSON_TYPE, 'content-encoding': 'gzip' } }),
  ];
  return rng.pick(shapes)();
}

const PUNCTUATORS = ['{', '}', '(', ')', '[', ']', ':', '!', '$', '@', '...', '=', '|', '&', ','];
const NAMES = [
  'query',
  'mutation',
  'subscription',
  'fragment',
  'on',
  '__typename',
  '__schema',
  'assessments',
  'projects',
  'entities',
  'memberState',
  'node',
  'edges',
  'id',
  'first',
  'true',
  'null',
  '_entities',
  '_service',
  'sdl',
  'representations',
  'include',
  'skip',
  'if',
];

/** Documents that are not GraphQL, or are GraphQL built to hurt: deep, wide, cyclic. */
function malformedQuery(rng: Random, target: Target): BadInput {
  const { query } = rng.pick(target.operations);
  const shapes: (() => string)[] = [
    () =>
      Array.from({ length: rng.int(1, 200) }, () =>
        rng.chance(0.5)
          ? rng.pick(PUNCTUATORS)
          : rng.chance(0.8)
            ? rng.pick(NAMES)
            : JSON.stringify(rng.json(0)),
      ).join(rng.pick([' ', '', '\n'])),
    () => {
      const at = rng.int(0, query.length - 1);
      return query.slice(0, at) + query.slice(at + rng.int(1, 20));
    },
    () => {
      const at = rng.int(0, query.length);
      return query.slice(0, at) + rng.unicode(rng.int(1, 10)) + query.slice(at);
    },
    () => query.replace(/[{}]/g, (brace) => (rng.chance(0.1) ? '' : brace)),
    () => {
      const depth = rng.int(16, 3000);
      return `{ ${'a { '.repeat(depth)}b${' }'.repeat(depth)} }`;
    },
    () =>
      `{ ${Array.from({ length: rng.int(31, 600) }, (_, i) => `a${i}: __typename`).join(' ')} }`,
    () => `{ __typename ${'@include(if: true) '.repeat(rng.int(2, 700))}}`,
    () => 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }',
    () => `{ __type(name: ${JSON.stringify(rng.pick(HOSTILE_STRINGS))}) { name fields { name } } }`,
    () => '{ __schema { types { name fields { name type { name ofType { name } } } } } }',
    () => `query { __typename } query { __typename }`,
    () => `subscription { ${rng.pick(NAMES)} }`,
    () =>
      `mutation { ${rng.pick(['createProject', 'deleteProject', 'createEntity', 'createAssessment'])}(${rng.string(5)}: ${JSON.stringify(rng.pick(HOSTILE_STRINGS))}) { id } }`,
    () => `{ __typename(arg: ${JSON.stringify('x'.repeat(rng.int(1, 100_000)))}) }`,
    () => `{ a: ${'"\\u' + rng.string(4, '0123456789abcdefgZ') + '"'} }`,
    () => '#'.repeat(rng.int(1, 50_000)),
    () => `${query} ${query}`,
  ];
  return post('query', {
    query: rng.pick(shapes)(),
    ...(rng.chance(0.2) ? { operationName: rng.pick([rng.string(6), 'A', '']) } : {}),
  });
}

/** Real operations with variables of the wrong type, size or content. */
function badVariables(rng: Random, target: Target): BadInput {
  const { query, variables } = rng.pick(target.operations);
  const names = Object.keys(variables);
  const mutated: Record<string, unknown> = { ...variables };
  for (const name of names) {
    if (!rng.chance(0.7)) continue;
    mutated[name] = rng.pick([
      () => rng.json(3),
      () => rng.pick(HOSTILE_STRINGS),
      () => rng.pick([-1, 0, 101, 1e9, 2 ** 31, -(2 ** 31) - 1, 1.5]),
      () => Buffer.from(rng.string(rng.int(1, 40))).toString('base64'),
      () => Array.from({ length: rng.int(0, 5000) }, () => rng.string(3)),
      () => ({ [rng.string(4)]: rng.json(2) }),
    ])();
  }
  if (rng.chance(0.2)) mutated[rng.string(6)] = rng.json(2);
  return post('variables', { query, variables: rng.chance(0.05) ? rng.json(1) : mutated });
}

/** Code units PostgreSQL cannot store: a NUL, and surrogates without their pair. */
const UNSTORABLE = ['\u0000', '\ud800', '\udbff', '\udc00', '\udfff', '😀'.slice(0, 1)];

/** Where a value could be replaced in a JSON value: each leaf's container and key. */
function leaves(value: unknown): [Record<string | number, unknown>, string | number][] {
  if (value === null || typeof value !== 'object') return [];
  const container = value as Record<string | number, unknown>;
  return Object.entries(container).flatMap(([key, item]) => {
    const below = leaves(item);
    return below.length > 0 ? below : [[container, Array.isArray(value) ? Number(key) : key]];
  });
}

/**
 * Real operations with a NUL or a lone surrogate in one of their variables, at any depth,
 * `_entities` representations included: refused as the caller's error, never a database error.
 */
function unstorableStrings(rng: Random, target: Target): BadInput {
  const withVariables = target.operations.filter((op) => leaves(op.variables).length > 0);
  const { query, variables } = rng.pick(withVariables);
  const changed = structuredClone(variables);
  const [container, key] = rng.pick(leaves(changed));
  container[key] =
    `${rng.string(rng.int(0, 3))}${rng.pick(UNSTORABLE)}${rng.string(rng.int(0, 3))}`;
  return { ...post('strings', { query, variables: changed }), refusedWith: 'BAD_USER_INPUT' };
}

/** Requests that are fine in themselves, sent with the wrong method, path or headers. */
function badHeaders(rng: Random, target: Target): BadInput {
  const { query } = rng.pick(target.operations);
  const encoded = encodeURIComponent(query);
  const shapes: (() => BadInput)[] = [
    () => ({
      family: 'headers',
      method: rng.pick(['PUT', 'DELETE', 'PATCH']),
      path: '/graphql',
      headers: JSON_TYPE,
      body: JSON.stringify({ query }),
    }),
    () => ({
      family: 'headers',
      method: rng.pick(['OPTIONS', 'HEAD', 'GET']),
      path: rng.pick(['/graphql', '/health', '/ready', '/']),
      headers: {},
    }),
    () => ({
      family: 'headers',
      method: 'GET',
      path: rng.pick([
        '/graphql/',
        '/GRAPHQL',
        '/graphql%00',
        '/../../etc/passwd',
        `/${rng.string(10)}`,
        '/graphql/../health',
      ]),
      headers: {},
    }),
    () => ({
      family: 'headers',
      method: 'GET',
      path: `/graphql?query=${encoded}&variables=${encodeURIComponent(rng.pick(['notjson', '[]', '{"a":', 'null']))}`,
      headers: {},
    }),
    () => ({
      family: 'headers',
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent('mutation { __typename }')}`,
      headers: {},
    }),
    () => ({
      family: 'headers',
      method: 'GET',
      path: `/graphql?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: rng.string(64, '0123456789abcdef') } }))}`,
      headers: {},
    }),
    () => ({
      family: 'headers',
      method: 'GET',
      path: `/graphql?query=${encoded}`,
      headers: {
        accept: rng.pick([
          'text/html',
          'application/graphql-response+json',
          '*/*',
          'text/event-stream',
          'multipart/mixed',
          rng.string(10),
        ]),
      },
    }),
    () =>
      post(
        'headers',
        { query },
        { 'x-forwarded-for': rng.pick([rng.string(20), '::1, 10.0.0.1', '999.999.999.999', '']) },
      ),
    () =>
      post(
        'headers',
        { query },
        { origin: rng.pick(['https://evil.example.com', 'null', rng.string(30)]) },
      ),
    () => post('headers', { query }, { cookie: rng.string(rng.int(1, 7000)) }),
    () =>
      post(
        'headers',
        { query },
        Object.fromEntries(
          Array.from({ length: rng.int(1, 90) }, (_, i) => [
            `x-${i}-${rng.string(5)}`,
            rng.string(20),
          ]),
        ),
      ),
    () =>
      post(
        'headers',
        { query },
        {
          'x-request-id': rng.pick([rng.string(300), '../../', '\t']),
          traceparent: rng.string(55),
        },
      ),
  ];
  return rng.pick(shapes)();
}

/** Any of the families above, in proportion. */
export function badInput(rng: Random, target: Target, tokens: string[]): BadInput {
  const family = rng.int(0, 99);
  let input: BadInput;
  if (family < 20) input = malformedBody(rng, target);
  else if (family < 45) input = malformedQuery(rng, target);
  else if (family < 58) input = badVariables(rng, target);
  else if (family < 65) input = unstorableStrings(rng, target);
  else if (family < 80) input = badHeaders(rng, target);
  else {
    // A read of secrets, anonymously or with a token that must not be trusted.
    const probe = rng.pick(target.probes);
    input = post('secrets', probe, {});
  }
  if (rng.chance(0.25) || input.family === 'secrets') {
    const authorization = rng.pick(tokens);
    if (authorization !== '') input.headers = { ...input.headers, authorization };
  }
  return input;
}

/** The gateway serves the example operations; their variables, sampled. */
export function gatewayOperations(): Target['operations'] {
  const samples: Record<string, Record<string, unknown>> = {
    '1-': { first: 20, after: null, filter: { yearFrom: 2015 } },
    '2-': { iso3: 'NGA' },
    '3-': { acronym: 'UNODC' },
    '4-': { id: '0190d4c0-0000-7000-8000-000000000000', first: 10 },
    '5-': { code: 'CFT' },
  };
  return exampleOperations().map((op) => ({
    query: op.document,
    variables: samples[op.name.slice(0, 2)] ?? {},
  }));
}
