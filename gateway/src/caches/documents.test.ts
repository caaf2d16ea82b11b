import { buildSchema, parse, validate, type DocumentNode } from 'graphql';
import { documentCache } from './documents';

/** graphql-yoga's parser cache, as the runtime adds it (only its shape and text are read). */
const yogaParserCache = {
  onParse() {
    const documentCache = { get: (strDocument: string) => strDocument };
    return documentCache.get(strDocument);
  },
  onValidate() {},
};
const strDocument = '';

/** Runs the replacement's hooks the way envelop does, parsing on a miss. */
function parseThrough(plugin: Record<string, CallableFunction>, source: string): DocumentNode {
  let result: DocumentNode | Error | undefined;
  const after = plugin.onParse!({
    params: { source },
    setParsedDocument: (document: DocumentNode) => (result = document),
  });
  if (result) return result as DocumentNode;
  try {
    result = parse(source);
  } catch (error) {
    result = error as Error;
  }
  after?.({ result });
  if (result instanceof Error) throw result;
  return result;
}

function installed(maxBytes: number) {
  const { plugin, cache } = documentCache(maxBytes);
  const plugins: unknown[] = [{ onParams() {} }, plugin, yogaParserCache, { onExecute() {} }];
  (plugin.onPluginInit as CallableFunction)({ plugins });
  return { cache, plugins, replacement: plugins[2] as Record<string, CallableFunction> };
}

test("it takes the place of graphql-yoga's cache, and fails loudly when that is not found", () => {
  const { plugins, replacement } = installed(1 << 20);
  expect(plugins).toHaveLength(4);
  expect(plugins).not.toContain(yogaParserCache);
  expect(Object.keys(replacement).sort()).toEqual(['onParse', 'onValidate']);
  const { plugin } = documentCache(1 << 20);
  expect(() => (plugin.onPluginInit as CallableFunction)({ plugins: [{ onParse() {} }] })).toThrow(
    /parser and validation cache was not found/,
  );
});

test('documents are parsed once, and their bytes stay within the budget', () => {
  const { cache, replacement } = installed(256 * 1024);
  const padded = (i: number) => `{ n${i}: __typename } # ${'x'.repeat(1_000)}`;
  const first = parseThrough(replacement, padded(0));
  expect(parseThrough(replacement, padded(0))).toBe(first);
  for (let i = 1; i < 100; i++) parseThrough(replacement, padded(i));
  expect(cache.bytes).toBeLessThanOrEqual(256 * 1024);
  expect(cache.bytes).toBeGreaterThan(128 * 1024);
  expect(cache.maxBytes).toBe(256 * 1024);
  expect(parseThrough(replacement, padded(0))).not.toBe(first);
});

test('syntax errors are kept too, and thrown again without parsing', () => {
  const { cache, replacement } = installed(256 * 1024);
  expect(() => parseThrough(replacement, '{ broken')).toThrow(/Syntax Error/);
  const bytes = cache.bytes;
  expect(bytes).toBeGreaterThan(0);
  expect(() => parseThrough(replacement, '{ broken')).toThrow(/Syntax Error/);
  expect(cache.bytes).toBe(bytes);
});

test('validation results are kept by document, schema and rules', () => {
  const { replacement } = installed(1 << 20);
  const schema = buildSchema('type Query { a: Int }');
  const documentAST = parse('{ a b }');
  const run = () => {
    let result: unknown;
    const after = replacement.onValidate!({
      params: { schema, documentAST, rules: [] },
      setResult: (known: unknown) => (result = known),
    });
    if (result) return result;
    result = validate(schema, documentAST);
    after?.({ result });
    return result;
  };
  const first = run();
  expect(first).toHaveLength(1);
  expect(run()).toBe(first);
});
