import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { DocumentNode, GraphQLSchema, Source, ValidationRule } from 'graphql';
import { LRUCache } from 'lru-cache';
import { measureOf, type MeasuredCache } from './measured';

/**
 * Heap a parsed document keeps per character of its text, its locations and tokens included:
 * about 40 (37 for the example operations, 43 for dense documents of aliased fields; graphql 16
 * on Node 20). A document that is mostly comments keeps about 1, so it is counted high.
 */
const DOCUMENT_BYTES_PER_CHAR = 40;
/** A syntax error keeps the text it points into, and a little more. */
const ERROR_BYTES = 1024;

type Parsed = DocumentNode | Error;
type Plugins = Parameters<NonNullable<GatewayPlugin['onPluginInit']>>[0]['plugins'];

/**
 * graphql-yoga's own parser and validation cache (useParserAndValidationCache), which the Hive
 * Gateway runtime adds with its defaults and no option to change them: 1,024 documents of any
 * size. Known by its two hooks and the name of its document cache.
 */
function isYogaParserCache(plugin: unknown): boolean {
  if (!plugin || typeof plugin !== 'object') return false;
  const hooks = Object.keys(plugin).sort().join();
  const { onParse } = plugin as { onParse?: unknown };
  return (
    hooks === 'onParse,onValidate' && String(onParse).includes('documentCache.get(strDocument)')
  );
}

/**
 * The runtime's parse and validation caches, bounded by the estimated bytes of the documents
 * they keep (the runtime's are bounded by count only). It takes the place of graphql-yoga's,
 * after every other plugin, and works as it does: parse results by the document's text;
 * validation results, and the runtime's query plans, by the parsed document in weak maps, so
 * they leave with it. Starting fails if graphql-yoga's cache is not found to replace.
 */
export function documentCache(maxBytes: number): { plugin: GatewayPlugin; cache: MeasuredCache } {
  const parsed = new LRUCache<string, Parsed>({
    maxSize: maxBytes,
    sizeCalculation: (value, source) =>
      value instanceof Error
        ? ERROR_BYTES + 2 * source.length
        : Math.max(1, DOCUMENT_BYTES_PER_CHAR * source.length),
  });
  type Results = readonly Error[];
  const validated = new Map<string, WeakMap<GraphQLSchema, WeakMap<DocumentNode, Results>>>();
  const replacement: GatewayPlugin = {
    onParse({ params, setParsedDocument }) {
      const source = params.source as string | Source;
      const text = typeof source === 'string' ? source : source.body;
      const known = parsed.get(text);
      if (known instanceof Error) throw known;
      if (known) return setParsedDocument(known);
      return ({ result }) => {
        if (result != null) parsed.set(text, result as Parsed);
      };
    },
    onValidate({ params: { schema, documentAST, rules }, setResult }) {
      if (schema == null) return;
      const rulesKey =
        (rules as ValidationRule[] | undefined)?.map((rule) => rule.name).join(',') ?? '';
      let bySchema = validated.get(rulesKey);
      if (!bySchema) validated.set(rulesKey, (bySchema = new WeakMap()));
      let byDocument = bySchema.get(schema);
      if (!byDocument) bySchema.set(schema, (byDocument = new WeakMap()));
      const known = byDocument.get(documentAST);
      if (known) return setResult(known);
      const results = byDocument;
      return ({ result }) => {
        if (result != null) results.set(documentAST, result);
      };
    },
  };
  const plugin: GatewayPlugin = {
    onPluginInit({ plugins }: { plugins: Plugins }) {
      const at = plugins.findIndex(isYogaParserCache);
      if (at < 0 || plugins.findIndex((p, i) => i > at && isYogaParserCache(p)) >= 0) {
        throw new Error(
          "graphql-yoga's parser and validation cache was not found where expected (its version changed?); the document cache cannot bound it",
        );
      }
      plugins.splice(at, 1, replacement as Plugins[number]);
    },
  };
  return { plugin, cache: measureOf(parsed) };
}
