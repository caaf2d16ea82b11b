import {
  Kind,
  getNamedType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { SupergraphRouting } from '../../../scripts/contract/routing';

type Path = (string | number)[];

/** Where a null stopped: the nullable field (or list item) that took it, and the fields it came from. */
export interface Landing {
  path: Path;
  /** `Type.field` of the field that is null. */
  field: string;
  /** `Type.field` of each field the down subgraph resolves that caused it. */
  origins: string[];
}

export interface OutageAnswer {
  /** The answer with everything up, less what the down subgraph resolves, nulls moved up. */
  data: unknown;
  landings: Landing[];
}

/** A value that must become null at the nearest nullable position above, and why. */
class Lost {
  constructor(readonly origins: string[]) {}
}

/**
 * What an answer must be with one subgraph down, from the answer with everything up: each
 * field that only the down subgraph resolves (or that is computed from such a field through
 * `@requires`) is null, and GraphQL moves that null up through non-null fields to the nearest
 * nullable one. Fields several subgraphs resolve (keys, shared value types) stay.
 */
export function answerWithout(
  schema: GraphQLSchema,
  routing: SupergraphRouting,
  operation: string | DocumentNode,
  upData: Record<string, unknown>,
  down: string,
): OutageAnswer {
  const document = typeof operation === 'string' ? parse(operation) : operation;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const landings: Landing[] = [];

  const resolvedOnlyByDown = (typeName: string, fieldName: string): boolean => {
    const field = routing.types.get(typeName)?.fields.get(fieldName);
    if (!field) return false;
    if (field.graphs.length > 0 && field.graphs.every((graph) => graph === down)) return true;
    if (field.requires === undefined) return false;
    const required = parse(`{ ${field.requires} }`).definitions[0];
    if (required.kind !== Kind.OPERATION_DEFINITION) return false;
    return required.selectionSet.selections.some(
      (s) => s.kind === Kind.FIELD && resolvedOnlyByDown(typeName, s.name.value),
    );
  };

  const collect = (type: GraphQLObjectType, selectionSets: readonly SelectionSetNode[]) => {
    const fields = new Map<string, FieldNode[]>();
    const visit = (set: SelectionSetNode) => {
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          fields.set(key, [...(fields.get(key) ?? []), selection]);
        } else {
          const fragment =
            selection.kind === Kind.INLINE_FRAGMENT
              ? selection
              : fragments.get(selection.name.value)!;
          const condition = fragment.typeCondition?.name.value;
          if (!condition || condition === type.name) visit(fragment.selectionSet);
        }
      }
    };
    selectionSets.forEach(visit);
    return fields;
  };

  const land = (path: Path, field: string, lost: Lost) => {
    landings.push({ path, field, origins: lost.origins });
    return null;
  };

  const object = (
    type: GraphQLObjectType,
    selectionSets: readonly SelectionSetNode[],
    value: Record<string, unknown>,
    path: Path,
  ): Record<string, unknown> | Lost => {
    const result: Record<string, unknown> = {};
    const lost: string[] = [];
    for (const [key, nodes] of collect(type, selectionSets)) {
      const name = nodes[0].name.value;
      if (name === '__typename') {
        result[key] = value[key];
        continue;
      }
      const definition = type.getFields()[name];
      const coordinate = `${type.name}.${name}`;
      const child = resolvedOnlyByDown(type.name, name)
        ? new Lost([coordinate])
        : output(definition.type, nodes, value[key], [...path, key], coordinate);
      if (!(child instanceof Lost)) result[key] = child;
      else if (isNonNullType(definition.type)) lost.push(...child.origins);
      else result[key] = land([...path, key], coordinate, child);
    }
    return lost.length ? new Lost(lost) : result;
  };

  const output = (
    type: GraphQLOutputType,
    nodes: FieldNode[],
    value: unknown,
    path: Path,
    coordinate: string,
  ): unknown => {
    if (value === null || value === undefined) return value;
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) {
      const items = (value as unknown[]).map((item, index) => {
        const child = output(inner.ofType, nodes, item, [...path, index], coordinate);
        if (!(child instanceof Lost) || isNonNullType(inner.ofType)) return child;
        return land([...path, index], coordinate, child);
      });
      const lost = items.filter((item): item is Lost => item instanceof Lost);
      return lost.length ? new Lost(lost.flatMap((l) => l.origins)) : items;
    }
    const named = getNamedType(inner);
    if (!isObjectType(named)) return value;
    const selectionSets = nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
    return object(named, selectionSets, value as Record<string, unknown>, path);
  };

  const operationNode = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operationNode || operationNode.kind !== Kind.OPERATION_DEFINITION) {
    throw new Error('The document has no operation.');
  }
  const root = schema.getQueryType()!;
  const data = object(root, [operationNode.selectionSet], upData, []);
  return { data: data instanceof Lost ? land([], 'Query', data) : data, landings };
}
