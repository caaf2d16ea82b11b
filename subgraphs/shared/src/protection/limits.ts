import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  Lexer,
  Source,
  TokenKind,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { costRule, type ListSizes } from './cost';
import { refusal } from './refusal';

/**
 * How large an operation may be, the same at the gateway and at each subgraph (partner agencies
 * call subgraphs directly). Each names its variable; 0 turns a limit off.
 */
export interface OperationLimits {
  /** `MAX_DEPTH`: nested selection levels; fragments do not add a level. @default 15 */
  maxDepth: number;
  /** `MAX_ALIASES`: aliased fields in one operation. @default 30 */
  maxAliases: number;
  /** `MAX_DIRECTIVES`: directives in one operation. @default 50 */
  maxDirectives: number;
  /** `MAX_TOKENS`: lexical tokens in the document, checked before it is parsed. @default 2000 */
  maxTokens: number;
  /**
   * `MAX_DOCUMENT_BYTES`: UTF-8 bytes of the document's text, comments and whitespace included
   * (the token limit does not see them), checked before it is parsed, kept or cached. The
   * project's largest document is about 1 KiB. @default 32768
   */
  maxDocumentBytes: number;
  /**
   * `MAX_COST`: estimated cost (./cost.ts: 1 per scalar, 2 per object, ×1.5 per level, each
   * list × the size it may have). The example operations cost up to ~155,000. @default 500000
   */
  maxCost: number;
}

/** The number of tokens in a document, counting no further than `max + 1`. */
export function countTokens(document: string, max: number): number {
  const lexer = new Lexer(new Source(document));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      if (++count > max) break;
    }
  } catch {
    // A syntax error: the parser reports it with its location.
  }
  return count;
}

/**
 * Refuses a document of more than `max` UTF-8 bytes before anything parses or keeps it, with 413
 * as a body over MAX_BODY_BYTES is.
 */
export function checkDocumentSize(document: string, max: number): void {
  // A UTF-8 character takes at most 3 bytes per UTF-16 unit: most documents need no count.
  if (max <= 0 || document.length * 3 <= max) return;
  const size = Buffer.byteLength(document, 'utf8');
  if (size <= max) return;
  throw refusal(
    'DOCUMENT_TOO_LARGE',
    `The document is ${size} bytes long, comments and whitespace included; at most ${max} are allowed. Send a smaller document.`,
    413,
    { limit: max, found: size },
  );
}

/** Refuses a document with more than `max` tokens before anything parses it. */
export function checkTokens(document: string, max: number): void {
  if (max <= 0) return;
  const count = countTokens(document, max);
  if (count > max) {
    throw refusal(
      'TOKEN_LIMIT_EXCEEDED',
      `The operation has more than ${max} tokens; send a smaller document.`,
      400,
      { limit: max },
    );
  }
}

const FOUND = /found (\d+(?:\.\d+)?)/;

/** Reports graphql-armor's refusal as our own error, with a code and the numbers. */
function reporter(code: string, describe: (found: number, limit: number) => string, limit: number) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    const found = Number(FOUND.exec(error.message)?.[1] ?? NaN);
    context?.reportError(
      refusal(code, describe(found, limit), 400, {
        limit,
        ...(Number.isNaN(found) ? {} : { found }),
      }),
    );
  };
}

/**
 * Validation rules for depth, aliases and directives (graphql-armor's, which Hive's documentation
 * recommends) and cost (./cost.ts); each refusal carries its own code. `listSizes` gives the
 * sizes the schema declares for its lists (`@listSize`); `variables`, when the request's are
 * known, the page sizes they ask for.
 */
export function limitRules(
  limits: OperationLimits,
  listSizes: () => ListSizes = () => new Map(),
  variables?: Readonly<Record<string, unknown>>,
): ValidationRule[] {
  return [
    ...shapeRules(limits),
    ...(limits.maxCost > 0 ? [costLimitRule(limits, listSizes, variables)] : []),
  ];
}

/** The cost limit alone (./cost.ts), refused with its code and the numbers. */
export function costLimitRule(
  limits: OperationLimits,
  listSizes: () => ListSizes,
  variables?: Readonly<Record<string, unknown>>,
): ValidationRule {
  return costRule(
    limits.maxCost,
    listSizes,
    (cost) =>
      refusal(
        'COST_LIMIT_EXCEEDED',
        `The operation's estimated cost is ${Math.ceil(cost)}; at most ${limits.maxCost} is allowed. Ask for fewer fields or smaller pages.`,
        400,
        { limit: limits.maxCost, found: Math.ceil(cost) },
      ),
    variables,
  );
}

/** Depth, aliases (`__typename` too) and directives, by graphql-armor. */
export function shapeRules(limits: OperationLimits): ValidationRule[] {
  const off = { enabled: false } as const;
  const rule = (n: number, code: string, describe: (found: number, limit: number) => string) =>
    n > 0
      ? {
          n,
          propagateOnRejection: false,
          exposeLimits: true,
          onReject: [reporter(code, describe, n)],
        }
      : off;
  const armor = new ApolloArmor({
    blockFieldSuggestion: off,
    maxTokens: off,
    maxDepth: {
      ...rule(
        limits.maxDepth,
        'DEPTH_LIMIT_EXCEEDED',
        (found, limit) =>
          `The operation is nested ${found} levels deep; at most ${limit} are allowed.`,
      ),
      flattenFragments: true,
    },
    maxAliases: {
      ...rule(
        limits.maxAliases,
        'ALIAS_LIMIT_EXCEEDED',
        (found, limit) => `The operation uses ${found} aliases; at most ${limit} are allowed.`,
      ),
      // graphql-armor lets `__typename` be aliased without limit; every alias is work to answer.
      allowList: [],
    },
    maxDirectives: rule(
      limits.maxDirectives,
      'DIRECTIVE_LIMIT_EXCEEDED',
      (found, limit) => `The operation uses ${found} directives; at most ${limit} are allowed.`,
    ),
    costLimit: off,
  });
  return armor.protect().validationRules;
}
