import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { Kind, validate, type DocumentNode, type GraphQLError, type GraphQLSchema } from 'graphql';
import type { ListSizes } from '../../../subgraphs/shared/src/protection/cost';
import {
  checkTokens,
  costLimitRule,
  shapeRules,
  type OperationLimits,
} from '../../../subgraphs/shared/src/protection/limits';

/**
 * The operation limits at the gateway: tokens counted before the document is parsed; depth,
 * aliases and directives checked with the other validation rules; cost once the variables are
 * known (a page size or an `@skip` may be a variable), before any planning. The cost is not a
 * validation rule because validation results are cached by document, whatever the variables.
 */
export function useOperationLimits(
  limits: OperationLimits,
  listSizes: () => ListSizes,
): GatewayPlugin {
  const rules = shapeRules(limits);
  /** Refusals of documents whose cost no variable changes, by schema and document (parsed once). */
  const fixed = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, readonly GraphQLError[]>>();
  const refusals = (args: {
    schema: GraphQLSchema;
    document: DocumentNode;
    variableValues?: unknown;
  }) => {
    let bySchema = fixed.get(args.schema);
    if (!bySchema) fixed.set(args.schema, (bySchema = new WeakMap()));
    const known = bySchema.get(args.document);
    if (known) return known;
    const variables = (args.variableValues ?? {}) as Record<string, unknown>;
    const errors = validate(args.schema, args.document, [
      costLimitRule(limits, listSizes, variables),
    ]);
    const usesVariables = args.document.definitions.some(
      (d) => d.kind === Kind.OPERATION_DEFINITION && d.variableDefinitions?.length,
    );
    if (!usesVariables) bySchema.set(args.document, errors);
    return errors;
  };
  return {
    onParse({ params }) {
      const source = params.source as string | { body?: string };
      const text = typeof source === 'string' ? source : source?.body;
      if (typeof text === 'string') checkTokens(text, limits.maxTokens);
    },
    onValidate({ addValidationRule }) {
      for (const rule of rules) addValidationRule(rule);
    },
    onExecute({ args, setResultAndStopExecution }) {
      if (limits.maxCost <= 0) return;
      const errors = refusals(args);
      if (errors.length) setResultAndStopExecution({ errors });
    },
  };
}
