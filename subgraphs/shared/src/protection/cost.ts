import {
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  Kind,
  parse,
  visit,
  type FieldNode,
  type FragmentDefinitionNode,
  type InterfaceTypeDefinitionNode,
  type ObjectTypeDefinitionNode,
  type ObjectTypeExtensionNode,
  type VariableDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLError,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/**
 * graphql-armor's cost estimate (1 per scalar, 2 per object, ×1.5 per level, fragments
 * flattened), with every list counted at the size it may have, as the GraphQL cost spec's
 * `@listSize` has it:
 * - a connection (a field that takes `first`) counts its `edges` at the page asked for: the
 *   literal, the largest page for a variable whose value is not known, the default page when
 *   `first` is absent;
 * - any other list at the `@listSize(assumedSize:)` declared next to its field, or
 *   `DEFAULT_LIST_SIZE` where none is; `_entities` at the number of representations;
 * - introspection at a fixed weight per `__schema` or `__type`, and `__typename` as a scalar, so
 *   that aliasing them costs what it serves.
 */
const COST = { scalar: 1, object: 2, depthFactor: 1.5 } as const;

/**
 * pagination.ts's MAX_PAGE_SIZE and DEFAULT_PAGE_SIZE, repeated (a test keeps them equal)
 * because importing that module brings type-graphql into the gateway.
 */
export const LARGEST_PAGE = 100;
export const DEFAULT_PAGE = 20;

/** A list no `@listSize` sizes; a contract test keeps every list of the graph declared. */
export const DEFAULT_LIST_SIZE = 10;

/**
 * One whole-schema introspection answers ~166 KB here (every type and field is described), one
 * type a few KB: weights that let the IDE introspect in one request, and no operation hold more
 * than five copies of the schema.
 */
export const INTROSPECTION = { schema: 100_000, type: 2_000 } as const;

/** Declared list sizes by `Type.field`, read from an SDL's `@listSize(assumedSize:)`. */
export type ListSizes = ReadonlyMap<string, number>;

export function listSizesOf(sdl: string): ListSizes {
  const sizes = new Map<string, number>();
  const collect = (
    type: ObjectTypeDefinitionNode | ObjectTypeExtensionNode | InterfaceTypeDefinitionNode,
  ) => {
    for (const field of type.fields ?? []) {
      const directive = field.directives?.find((d) => d.name.value === 'listSize');
      const assumed = directive?.arguments?.find((a) => a.name.value === 'assumedSize')?.value;
      if (assumed?.kind === Kind.INT) {
        sizes.set(`${type.name.value}.${field.name.value}`, Number(assumed.value));
      }
    }
  };
  visit(parse(sdl), {
    ObjectTypeDefinition: collect,
    ObjectTypeExtension: collect,
    InterfaceTypeDefinition: collect,
  });
  return sizes;
}

export interface CostContext {
  schema: GraphQLSchema;
  fragment: (name: string) => FragmentDefinitionNode | undefined;
  listSizes: ListSizes;
  /** The request's variables, where known (a subgraph has them; validation does not). */
  variables?: Readonly<Record<string, unknown>>;
}

/**
 * An integer argument: its literal; for a variable, its value when the request's variables are
 * known (or the variable's default when it was not sent), else `unknown`.
 */
function intArgument(
  node: FieldNode,
  name: string,
  variables: CostContext['variables'],
  definitions: readonly VariableDefinitionNode[],
): number | 'unknown' | undefined {
  const value = node.arguments?.find((a) => a.name.value === name)?.value;
  if (!value) return undefined;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind !== Kind.VARIABLE) return undefined;
  if (!variables) return 'unknown';
  const given = variables[value.name.value];
  if (typeof given === 'number' && Number.isInteger(given)) return given;
  if (given !== undefined && given !== null) return 'unknown';
  const fallback = definitions.find(
    (d) => d.variable.name.value === value.name.value,
  )?.defaultValue;
  return fallback?.kind === Kind.INT ? Number(fallback.value) : undefined;
}

function representationCount(node: FieldNode, variables: CostContext['variables']): number {
  const argument = node.arguments?.find((a) => a.name.value === 'representations');
  if (argument?.value.kind === Kind.LIST) return argument.value.values.length;
  if (argument?.value.kind === Kind.VARIABLE) {
    const given = variables?.[argument.value.name.value];
    if (Array.isArray(given)) return given.length;
  }
  return DEFAULT_LIST_SIZE;
}

/**
 * False for a selection that `@skip`/`@include` leaves out, with the request's variables (or
 * literally, when they are not known); a condition that cannot be read counts as running.
 */
function mayRun(selection: SelectionNode, variables: CostContext['variables']): boolean {
  if (!selection.directives?.length) return true;
  try {
    const skip = getDirectiveValues(GraphQLSkipDirective, selection, variables ?? {});
    const include = getDirectiveValues(GraphQLIncludeDirective, selection, variables ?? {});
    return skip?.if !== true && include?.if !== false;
  } catch {
    return true;
  }
}

const takesFirst = (field: GraphQLField<unknown, unknown>) =>
  field.args.some((a) => a.name === 'first');

export function operationCost(operation: OperationDefinitionNode, context: CostContext): number {
  const { schema, fragment, listSizes, variables } = context;
  const visiting = new Set<string>();
  const definitions = operation.variableDefinitions ?? [];

  /** The page a connection or sliced list asks for: without `first`, its default page. */
  const pageSize = (node: FieldNode, field?: GraphQLField<unknown, unknown>): number => {
    const first = intArgument(node, 'first', variables, definitions);
    if (first === undefined) {
      const declared = field?.args.find((a) => a.name === 'first')?.defaultValue;
      return typeof declared === 'number' ? Math.max(1, declared) : DEFAULT_PAGE;
    }
    if (first === 'unknown') return LARGEST_PAGE;
    return Math.max(1, first);
  };

  /** The cost of a selection set on `parent`; `edges`, when given, sizes a connection's edges. */
  const selections = (
    set: SelectionSetNode,
    parent: GraphQLCompositeType | undefined,
    edges?: number,
  ): number => {
    let cost = 0;
    for (const selection of set.selections) {
      if (!mayRun(selection, variables)) continue;
      if (selection.kind === Kind.FIELD) {
        cost += COST.depthFactor * field(selection, parent, edges);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition?.name.value;
        const type = condition ? schema.getType(condition) : parent;
        cost += selections(selection.selectionSet, isCompositeType(type) ? type : undefined, edges);
      } else {
        const name = selection.name.value;
        const definition = fragment(name);
        // A fragment that spreads itself is invalid; validation reports it, cost stops here.
        if (!definition || visiting.has(name)) continue;
        visiting.add(name);
        const type = schema.getType(definition.typeCondition.name.value);
        cost += selections(
          definition.selectionSet,
          isCompositeType(type) ? type : undefined,
          edges,
        );
        visiting.delete(name);
      }
    }
    return cost;
  };

  const field = (
    node: FieldNode,
    parent: GraphQLCompositeType | undefined,
    edges: number | undefined,
  ): number => {
    const name = node.name.value;
    if (name === '__schema') return INTROSPECTION.schema;
    if (name === '__type') return INTROSPECTION.type;
    const definition = parent && 'getFields' in parent ? parent.getFields()[name] : undefined;
    if (!definition) {
      // `__typename`, or a field validation refuses: a scalar, or an object of unknown size.
      return node.selectionSet
        ? COST.object + selections(node.selectionSet, undefined)
        : COST.scalar;
    }
    const type = getNamedType(definition.type);
    const connection = takesFirst(definition) && !isListType(getNullableType(definition.type));
    const inner = node.selectionSet
      ? COST.object +
        selections(
          node.selectionSet,
          isCompositeType(type) ? type : undefined,
          connection ? pageSize(node, definition) : undefined,
        )
      : COST.scalar;
    if (!isListType(getNullableType(definition.type))) return inner;
    if (name === 'edges' && edges !== undefined) return inner * edges;
    if (takesFirst(definition)) return inner * pageSize(node, definition);
    if (name === '_entities') return inner * representationCount(node, variables);
    return inner * (listSizes.get(`${parent!.name}.${name}`) ?? DEFAULT_LIST_SIZE);
  };

  const root = schema.getRootType(operation.operation) ?? undefined;
  return selections(operation.selectionSet, root) / COST.depthFactor;
}

/** Reports each operation whose estimated cost is over `max`. */
export function costRule(
  max: number,
  listSizes: () => ListSizes,
  report: (cost: number) => GraphQLError,
  variables?: Readonly<Record<string, unknown>>,
): ValidationRule {
  return (context: ValidationContext) => ({
    OperationDefinition(operation) {
      const cost = operationCost(operation, {
        schema: context.getSchema(),
        fragment: (name) => context.getFragment(name) ?? undefined,
        listSizes: listSizes(),
        variables,
      });
      if (cost > max) context.reportError(report(cost));
    },
  });
}
