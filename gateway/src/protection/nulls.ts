import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import {
  Kind,
  getOperationAST,
  isAbstractType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import {
  hasConditions,
  isIncluded,
  selectsNothing,
  withHiddenFields,
  withoutHiddenFields,
} from './conditional-selections';

/** Stands for a null in a non-null place, on its way up to the nearest nullable one. */
const PROPAGATE = Symbol('propagate');
type Completed = unknown | typeof PROPAGATE;

/**
 * The answer's data with every null in a non-null place moved up to the nearest nullable field
 * or list item, as GraphQL requires: a null item of `[Entity!]` nulls the list. The query
 * planner's runtime nulls an object that lacks a non-null field, but stops there, so a subgraph
 * that failed could leave nulls where the schema promises none; it also leaves out a field whose
 * fetch failed, which is a null here (a field that `@skip`/`@include` leaves out stays out).
 */
export function propagateNulls(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  data: Record<string, unknown>,
  variables?: Readonly<Record<string, unknown>>,
): Record<string, unknown> | null {
  const operation = getOperationAST(document, operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return data;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }

  const applies = (type: GraphQLObjectType, condition: string | undefined) => {
    if (!condition || condition === type.name) return true;
    const conditionType = schema.getType(condition);
    return (
      !!conditionType && isAbstractType(conditionType) && schema.isSubType(conditionType, type)
    );
  };

  const collect = (type: GraphQLObjectType, selectionSets: readonly SelectionSetNode[]) => {
    const fields = new Map<string, FieldNode[]>();
    const visit = (set: SelectionSetNode) => {
      for (const selection of set.selections) {
        if (!isIncluded(selection, variables)) continue;
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          fields.set(key, [...(fields.get(key) ?? []), selection]);
          continue;
        }
        const fragment =
          selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
        if (fragment && applies(type, fragment.typeCondition?.name.value)) {
          visit(fragment.selectionSet);
        }
      }
    };
    selectionSets.forEach(visit);
    return fields;
  };

  const completeObject = (
    type: GraphQLObjectType,
    selectionSets: readonly SelectionSetNode[],
    value: Record<string, unknown>,
  ): Completed => {
    const result: Record<string, unknown> = { ...value };
    for (const [key, nodes] of collect(type, selectionSets)) {
      const field = type.getFields()[nodes[0].name.value];
      if (!field) {
        // A meta field: `__typename` is the type's name, even where the answer lost it.
        if (nodes[0].name.value === '__typename') result[key] = type.name;
        continue;
      }
      const completed = complete(field.type, nodes, value[key] ?? null);
      if (completed === PROPAGATE) return PROPAGATE;
      result[key] = completed;
    }
    return result;
  };

  const complete = (type: GraphQLOutputType, nodes: FieldNode[], value: unknown): Completed => {
    if (isNonNullType(type)) {
      const completed = complete(type.ofType, nodes, value);
      return completed === null || completed === undefined ? PROPAGATE : completed;
    }
    if (value === null || value === undefined) return value;
    if (isListType(type)) {
      const items = (value as unknown[]).map((item) => complete(type.ofType, nodes, item));
      return items.includes(PROPAGATE) ? null : items;
    }
    if (isLeafType(type)) return value;
    const object = value as Record<string, unknown>;
    const runtime = isObjectType(type)
      ? type
      : typeof object.__typename === 'string'
        ? schema.getType(object.__typename)
        : undefined;
    // An abstract type without __typename in the answer: its fields cannot be checked.
    if (!runtime || !isObjectType(runtime)) return value;
    const selectionSets = nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
    const completed = completeObject(runtime, selectionSets, object);
    return completed === PROPAGATE ? null : completed;
  };

  const completed = completeObject(root, [operation.selectionSet], data);
  return completed === PROPAGATE ? null : (completed as Record<string, unknown>);
}

/**
 * Applies {@link propagateNulls} to each answer that carries errors, the only ones that can hold
 * such a null; an answer without errors is passed on untouched. An operation that ran has `data`
 * in its answer. Selections that `@skip`/`@include` empty are answered as GraphQL says
 * (./conditional-selections.ts).
 */
export function useNullPropagation(): GatewayPlugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const variables = args.variableValues ?? undefined;
      const conditions = hasConditions(args.document);
      if (conditions && selectsNothing(args.document, args.operationName, variables)) {
        setResultAndStopExecution({ data: {} });
        return;
      }
      const asked = args.document;
      const document = conditions ? withHiddenFields(args.schema, asked, variables) : undefined;
      if (document) args.document = document;
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in Object(result)) return;
          const answer = result as ExecutionResult;
          const data = document
            ? (withoutHiddenFields(answer.data) as ExecutionResult['data'])
            : answer.data;
          if (!answer.errors?.length) {
            if (document || data === undefined) setResult({ ...answer, data: data ?? {} });
            return;
          }
          // Refused as a whole (no error names a field, as when it cannot be planned): no data.
          if (data === undefined && answer.errors.every((error) => !error.path)) return;
          setResult({
            ...answer,
            data: propagateNulls(
              args.schema,
              // The operation as asked: the hidden fields are gone from the data.
              asked,
              args.operationName,
              data ?? {},
              variables,
            ),
          });
        },
      };
    },
  };
}
