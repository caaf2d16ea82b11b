import {
  GraphQLIncludeDirective,
  TypeInfo,
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
  visitWithTypeInfo,
  type GraphQLOutputType,
  type GraphQLSchema,
  GraphQLSkipDirective,
  Kind,
  getDirectiveValues,
  getOperationAST,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * Selections that `@skip`/`@include` empty. The query planner plans no fetch for an object whose
 * every field is left out, and answers `{}` for it even where the subgraph would say null; and it
 * cannot plan an operation whose every root field is left out. GraphQL answers null for the first
 * (when the object is null) and `{ data: {} }` for the second.
 */

/** The alias of the field added to a selection that would otherwise be empty. */
export const HIDDEN_FIELD = 'cgHiddenField__';

/**
 * A field that makes the planner fetch an object: a scalar of its own without arguments (`id`
 * where there is one). `__typename` would not do: the planner answers it without a fetch.
 */
function hiddenField(type: GraphQLOutputType | null | undefined): FieldNode {
  const named = type ? getNamedType(type) : undefined;
  let name = '__typename';
  if (named && isObjectType(named)) {
    const fields = Object.values(named.getFields()).filter(
      (field) =>
        isLeafType(getNamedType(field.type)) && field.args.every((a) => !isNonNullType(a.type)),
    );
    name = (fields.find((field) => field.name === 'id') ?? fields[0])?.name ?? name;
  }
  return {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: HIDDEN_FIELD },
    name: { kind: Kind.NAME, value: name },
  };
}

type Variables = Readonly<Record<string, unknown>> | undefined;

/** Whether `@skip` and `@include` keep a selection, with these variables. */
export function isIncluded(
  node: SelectionNode,
  variables: Readonly<Record<string, unknown>> | undefined,
): boolean {
  if (!node.directives?.length) return true;
  try {
    if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
    return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
  } catch {
    // A variable that does not coerce: execution has refused the operation already.
    return true;
  }
}

export function fragmentsOf(document: DocumentNode) {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/** Whether a selection set selects at least one field once `@skip`/`@include` are applied. */
export function selectsAField(
  set: SelectionSetNode,
  variables: Variables,
  fragments: Map<string, FragmentDefinitionNode>,
  seen = new Set<string>(),
): boolean {
  return set.selections.some((selection) => {
    if (!isIncluded(selection, variables)) return false;
    if (selection.kind === Kind.FIELD) return true;
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      return selectsAField(selection.selectionSet, variables, fragments, seen);
    }
    const fragment = fragments.get(selection.name.value);
    if (!fragment || seen.has(selection.name.value)) return false;
    return selectsAField(
      fragment.selectionSet,
      variables,
      fragments,
      new Set([...seen, fragment.name.value]),
    );
  });
}

const conditional = new WeakMap<DocumentNode, boolean>();

/**
 * Whether a document has any `@skip` or `@include`: only then can a selection be emptied. Kept
 * per document, which the gateway's parser cache shares between requests.
 */
export function hasConditions(document: DocumentNode): boolean {
  let found = conditional.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      Directive(node) {
        if (node.name.value === 'skip' || node.name.value === 'include') found = true;
      },
    });
    conditional.set(document, found);
  }
  return found;
}

/** Whether `@skip`/`@include` leave the operation's root selection without any field. */
export function selectsNothing(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Variables,
): boolean {
  const operation = getOperationAST(document, operationName);
  return !!operation && !selectsAField(operation.selectionSet, variables, fragmentsOf(document));
}

/**
 * The document with a hidden field in each field's selection set that `@skip`/`@include`
 * would leave empty, so the object is fetched and may be null; undefined when none is empty.
 */
export function withHiddenFields(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Variables,
): DocumentNode | undefined {
  const fragments = fragmentsOf(document);
  const typeInfo = new TypeInfo(schema);
  let added = false;
  const changed = visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (!node.selectionSet || selectsAField(node.selectionSet, variables, fragments)) {
          return undefined;
        }
        added = true;
        const selections = [...node.selectionSet.selections, hiddenField(typeInfo.getType())];
        return { ...node, selectionSet: { ...node.selectionSet, selections } };
      },
    }),
  );
  return added ? changed : undefined;
}

/** The answer's data without the hidden fields. */
export function withoutHiddenFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutHiddenFields);
  if (!value || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key !== HIDDEN_FIELD) result[key] = withoutHiddenFields(item);
  }
  return result;
}
