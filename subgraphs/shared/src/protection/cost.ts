import {
  Kind,
  type ASTNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/**
 * graphql-armor's cost estimate (1 per scalar, 2 per object, ×1.5 per level, fragments
 * flattened) with one change: a page size given in a variable (`first: $first`) counts as the
 * largest page a connection serves, where graphql-armor counts it as 1 — otherwise moving the
 * page size into a variable would hide it.
 */
export const COST = { scalar: 1, object: 2, depthFactor: 1.5 } as const;

/**
 * pagination.ts's MAX_PAGE_SIZE, repeated (a test keeps them equal) because importing that module
 * brings type-graphql into the gateway.
 */
export const LARGEST_PAGE = 100;

function pageSize(node: ASTNode): number {
  if (node.kind !== Kind.FIELD) return 1;
  const argument = node.arguments?.find((a) => a.name.value === 'first' || a.name.value === 'last');
  if (!argument) return 1;
  if (argument.value.kind === Kind.INT) return Math.max(1, Number(argument.value.value));
  if (argument.value.kind === Kind.VARIABLE) return LARGEST_PAGE;
  return 1;
}

export function operationCost(
  operation: OperationDefinitionNode,
  fragment: (name: string) => FragmentDefinitionNode | undefined,
): number {
  const visiting = new Set<string>();
  const selections = (set: SelectionSetNode): number => {
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        // Introspection is not counted: the IDE's schema query must always pass.
        if (selection.name.value === '__schema' || selection.name.value === '__type') continue;
        cost += COST.depthFactor * field(selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        cost += selections(selection.selectionSet);
      } else {
        const name = selection.name.value;
        const definition = fragment(name);
        // A fragment that spreads itself is invalid; validation reports it, cost stops here.
        if (!definition || visiting.has(name)) continue;
        visiting.add(name);
        cost += selections(definition.selectionSet);
        visiting.delete(name);
      }
    }
    return cost;
  };
  const field = (node: ASTNode & { selectionSet?: SelectionSetNode }): number =>
    node.selectionSet
      ? (COST.object + selections(node.selectionSet)) * pageSize(node)
      : COST.scalar;
  return selections(operation.selectionSet) / COST.depthFactor;
}

/** Reports each operation whose estimated cost is over `max`. */
export function costRule(max: number, report: (cost: number) => GraphQLError): ValidationRule {
  return (context: ValidationContext) => ({
    OperationDefinition(operation) {
      const cost = operationCost(operation, (name) => context.getFragment(name) ?? undefined);
      if (cost > max) context.reportError(report(cost));
    },
  });
}
