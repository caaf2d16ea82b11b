import {
  Kind,
  parse,
  type ConstDirectiveNode,
  type FieldDefinitionNode,
  type ObjectTypeDefinitionNode,
  type TypeNode,
} from 'graphql';

/** A field of the supergraph and the subgraphs that resolve it. */
interface FieldRouting {
  /** `Type.field`. */
  coordinate: string;
  type: TypeNode;
  /** The subgraphs that resolve it (an `@external` declaration does not count). */
  graphs: string[];
  /** The fields of its parent it is computed from, asked of another subgraph (`@requires`). */
  requires?: string;
}

export interface TypeRouting {
  name: string;
  /** The subgraphs that define the type. */
  graphs: string[];
  /** The subgraphs that resolve it by key: an entity has at least one. */
  keyGraphs: string[];
  fields: Map<string, FieldRouting>;
}

/** Which subgraph resolves each object type and field of a supergraph, from its join directives. */
export interface SupergraphRouting {
  /** The subgraphs' names, as errors name them in `extensions.serviceName`. */
  graphs: string[];
  types: Map<string, TypeRouting>;
}

const stringArgument = (directive: ConstDirectiveNode, name: string): string | undefined => {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  if (!value) return undefined;
  if (value.kind === Kind.STRING || value.kind === Kind.ENUM) return value.value;
  if (value.kind === Kind.BOOLEAN) return String(value.value);
  return undefined;
};

const directives = (node: { directives?: readonly ConstDirectiveNode[] }, name: string) =>
  (node.directives ?? []).filter((d) => d.name.value === name);

export function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

/** Reads the `@join__graph`, `@join__type` and `@join__field` directives of a supergraph. */
export function readRouting(supergraphSdl: string): SupergraphRouting {
  const document = parse(supergraphSdl);
  const graphNames = new Map<string, string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') {
      continue;
    }
    for (const value of definition.values ?? []) {
      const [graph] = directives(value, 'join__graph');
      graphNames.set(value.name.value, stringArgument(graph, 'name') ?? value.name.value);
    }
  }
  const graphOf = (directive: ConstDirectiveNode) => {
    const value = stringArgument(directive, 'graph');
    return value === undefined ? undefined : (graphNames.get(value) ?? value);
  };

  const types = new Map<string, TypeRouting>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    types.set(definition.name.value, typeRouting(definition, graphOf));
  }
  return { graphs: [...graphNames.values()], types };
}

function typeRouting(
  definition: ObjectTypeDefinitionNode,
  graphOf: (directive: ConstDirectiveNode) => string | undefined,
): TypeRouting {
  const joins = directives(definition, 'join__type');
  const graphs = unique(joins.map(graphOf));
  const keyGraphs = unique(
    joins
      .filter((d) => stringArgument(d, 'key') && stringArgument(d, 'resolvable') !== 'false')
      .map(graphOf),
  );
  const fields = new Map<string, FieldRouting>();
  for (const field of definition.fields ?? []) {
    fields.set(field.name.value, fieldRouting(definition.name.value, field, graphs, graphOf));
  }
  return { name: definition.name.value, graphs, keyGraphs, fields };
}

function fieldRouting(
  typeName: string,
  field: FieldDefinitionNode,
  typeGraphs: string[],
  graphOf: (directive: ConstDirectiveNode) => string | undefined,
): FieldRouting {
  const joins = directives(field, 'join__field');
  const resolving = joins.filter((d) => stringArgument(d, 'external') !== 'true');
  return {
    coordinate: `${typeName}.${field.name.value}`,
    type: field.type,
    // A field with no @join__field is resolved by every subgraph that defines its type.
    graphs: joins.length ? unique(resolving.map(graphOf)) : typeGraphs,
    requires: resolving.map((d) => stringArgument(d, 'requires')).find((r) => r !== undefined),
  };
}

function unique(values: (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== undefined))];
}
