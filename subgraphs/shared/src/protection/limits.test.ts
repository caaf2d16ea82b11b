import {
  buildSchema,
  parse,
  validate,
  type GraphQLError,
  type OperationDefinitionNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../pagination';
import {
  DEFAULT_LIST_SIZE,
  DEFAULT_PAGE,
  INTROSPECTION,
  LARGEST_PAGE,
  listSizesOf,
  operationCost,
} from './cost';
import {
  checkDocumentSize,
  checkTokens,
  countTokens,
  limitRules,
  type OperationLimits,
} from './limits';
import { readSubgraphConfig } from '../subgraph-config';

const readOperationLimits = (env: Record<string, string>) =>
  readSubgraphConfig({ name: 'funding', defaultPort: 4003, defaultMetricsPort: 9093 }, env).limits;

const schema = buildSchema(`
  type Query { node: Node, nodes(first: Int): [Node!]! }
  type Node { id: ID!, child: Node, children(first: Int): [Node!]! }
`);

const limits: OperationLimits = {
  maxDepth: 3,
  maxAliases: 2,
  maxDirectives: 2,
  maxTokens: 30,
  maxDocumentBytes: 1024,
  maxCost: 500,
};

function codes(document: string, given: OperationLimits = limits): unknown[] {
  return validate(schema, parse(document), limitRules(given)).map((e) => e.extensions.code);
}

test('defaults leave room for the example operations', () => {
  expect(readOperationLimits({})).toEqual({
    maxDepth: 15,
    maxAliases: 30,
    maxDirectives: 50,
    maxTokens: 2000,
    maxDocumentBytes: 32_768,
    maxCost: 500_000,
  });
});

test('a bad value names its variable', () => {
  expect(() => readOperationLimits({ MAX_DEPTH: 'deep' })).toThrow(
    'MAX_DEPTH must be an integer from 0 to',
  );
});

test('tokens are counted without parsing, and no further than the limit', () => {
  expect(countTokens('{ node { id } }', 100)).toBe(6);
  expect(countTokens('# a comment\n{ node }', 100)).toBe(3);
  expect(countTokens('{ a '.repeat(1000), 10)).toBe(11);
  expect(countTokens('{ "unterminated', 100)).toBe(1);
});

test('too many tokens is refused with its code and status 400', () => {
  expect(() => checkTokens('{ node { id } }', 30)).not.toThrow();
  try {
    checkTokens(`{ ${'node { id } '.repeat(20)}}`, 30);
    throw new Error('not refused');
  } catch (error) {
    expect(error).toMatchObject({
      message: 'The operation has more than 30 tokens; send a smaller document.',
      extensions: { code: 'TOKEN_LIMIT_EXCEEDED', limit: 30, http: { status: 400 } },
    });
  }
});

test.each([
  ['depth', '{ node { child { child { id } } } }', 'DEPTH_LIMIT_EXCEEDED'],
  ['aliases', '{ a: node { id } b: node { id } c: node { id } }', 'ALIAS_LIMIT_EXCEEDED'],
  [
    'directives',
    '{ node @include(if: true) { id @skip(if: false) child @include(if: true) { id } } }',
    'DIRECTIVE_LIMIT_EXCEEDED',
  ],
  ['cost', '{ nodes(first: 100) { id child { id } } }', 'COST_LIMIT_EXCEEDED'],
])('each limit has its own code: %s', (_limit, document, code) => {
  expect(codes(document)).toEqual([code]);
});

test('within every limit nothing is reported, and 0 turns a limit off', () => {
  expect(codes('{ node { child { id } } }')).toEqual([]);
  const off = {
    maxDepth: 0,
    maxAliases: 0,
    maxDirectives: 0,
    maxTokens: 0,
    maxDocumentBytes: 0,
    maxCost: 0,
  };
  expect(codes('{ a: nodes(first: 100) { child { child { child { id } } } } }', off)).toEqual([]);
});

test('a refusal says what was found and what is allowed', () => {
  const [error] = validate(
    schema,
    parse('{ node { child { child { id } } } }'),
    limitRules(limits),
  );
  expect(error.message).toBe('The operation is nested 4 levels deep; at most 3 are allowed.');
  expect(error.extensions).toMatchObject({ limit: 3, found: 4 });
});

const sized = buildSchema(`
  directive @listSize(assumedSize: Int) on FIELD_DEFINITION
  type Query {
    node: Node
    nodes: [Node!]! @listSize(assumedSize: 193)
    unsized: [Node!]!
    page(first: Int, after: String): NodeConnection!
    sliced(first: Int): [Node!]!
    _entities(representations: [String!]!): [Node]!
  }
  type Node { id: ID!, child: Node, children: [Node!]! @listSize(assumedSize: 5) }
  type NodeConnection { edges: [NodeEdge!]!, totalCount: Int! }
  type NodeEdge { node: Node! }
`);
const sizes = listSizesOf(`
  directive @listSize(assumedSize: Int) on FIELD_DEFINITION
  type Query { nodes: [Node!]! @listSize(assumedSize: 193) }
  type Node { children: [Node!]! @listSize(assumedSize: 5) }
`);

function cost(document: string, variables?: Record<string, unknown>): number {
  const ast = parse(document);
  const fragments = new Map(
    ast.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d]] : [])),
  );
  return operationCost(ast.definitions[0] as OperationDefinitionNode, {
    schema: sized,
    fragment: (name) => fragments.get(name),
    listSizes: sizes,
    variables,
  });
}

test('cost: 1 a scalar, 2 an object, x1.5 a level', () => {
  expect(cost('{ node { id } }')).toBe(2 + 1.5);
  expect(cost('{ node { child { id } } }')).toBe(2 + 1.5 * (2 + 1.5));
});

test('cost: a plain list counts at its declared size, or 10 where none is declared', () => {
  expect(listSizesOf('type Query { a: [Int] @listSize(assumedSize: 7) b: [Int] }')).toEqual(
    new Map([['Query.a', 7]]),
  );
  expect(cost('{ nodes { id } }')).toBe((2 + 1.5) * 193);
  expect(cost('{ unsized { id } }')).toBe((2 + 1.5) * DEFAULT_LIST_SIZE);
  expect(cost('{ nodes { children { id } } }')).toBe((2 + 1.5 * (2 + 1.5) * 5) * 193);
});

test('cost: a connection counts its edges at the page asked for, the default page without first', () => {
  const page = (first: number) => 2 + 1.5 * (1 + (2 + 1.5 * (2 + 1.5)) * first);
  expect(cost('{ page(first: 5) { totalCount edges { node { id } } } }')).toBe(page(5));
  expect(cost('{ page { totalCount edges { node { id } } } }')).toBe(page(DEFAULT_PAGE));
  expect(cost('{ sliced { id } }')).toBe((2 + 1.5) * DEFAULT_PAGE);
  expect(cost('{ sliced(first: 3) { id } }')).toBe((2 + 1.5) * 3);
});

test('cost: a page size in a variable counts as the largest page unless its value is known', () => {
  const query = 'query ($n: Int) { sliced(first: $n) { id } }';
  expect(cost(query)).toBe(cost('{ sliced(first: 100) { id } }'));
  expect(cost(query, { n: 4 })).toBe(cost('{ sliced(first: 4) { id } }'));
  expect(cost(query, {})).toBe(cost('{ sliced { id } }'));
  expect(cost('query ($n: Int = 7) { sliced(first: $n) { id } }', {})).toBe(
    cost('{ sliced(first: 7) { id } }'),
  );
  expect(LARGEST_PAGE).toBe(MAX_PAGE_SIZE);
  expect(DEFAULT_PAGE).toBe(DEFAULT_PAGE_SIZE);
});

test('cost: _entities counts the representations sent', () => {
  const query = 'query ($r: [String!]!) { _entities(representations: $r) { id } }';
  expect(cost(query, { r: Array.from({ length: 40 }, String) })).toBe((2 + 1.5) * 40);
});

test('cost: fragments count as their fields', () => {
  expect(cost('{ node { ...F } } fragment F on Node { id }')).toBe(cost('{ node { id } }'));
  expect(cost('{ node { ... on Node { id } } }')).toBe(cost('{ node { id } }'));
});

test('cost: introspection and __typename are not free', () => {
  expect(cost('{ __schema { types { name } } }')).toBe(INTROSPECTION.schema);
  expect(cost('{ a: __schema { queryType { name } } b: __schema { queryType { name } } }')).toBe(
    2 * INTROSPECTION.schema,
  );
  expect(cost('{ a: __typename b: __typename }')).toBe(2);
});

test('aliases of __typename count toward the alias limit', () => {
  expect(codes('{ a: __typename b: __typename c: __typename }')).toEqual(['ALIAS_LIMIT_EXCEEDED']);
});

test('a document over MAX_DOCUMENT_BYTES is refused by its UTF-8 bytes, comments included', () => {
  const refusalOf = (document: string) => {
    try {
      checkDocumentSize(document, 1024);
      return undefined;
    } catch (error) {
      return (error as GraphQLError).extensions;
    }
  };
  expect(refusalOf(`# ${'x'.repeat(1000)}\n{ a }`)).toBeUndefined();
  expect(refusalOf(`# ${'x'.repeat(1100)}\n{ a }`)).toMatchObject({
    code: 'DOCUMENT_TOO_LARGE',
    limit: 1024,
    http: { status: 413 },
  });
  expect(refusalOf(`# ${'é'.repeat(600)}\n{ a }`)).toMatchObject({ found: 1208 });
});
