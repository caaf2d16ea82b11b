import {
  Kind,
  getNamedType,
  getNullableType,
  getOperationAST,
  isListType,
  isNonNullType,
  isObjectType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionNode,
} from 'graphql';
import {
  fragmentsOf,
  isIncluded,
  selectsAField,
} from '../../gateway/src/protection/conditional-selections';
import type { GraphQLBody } from './compare';

/** Where in an operation and its answers the rules of ./compare.ts apply. */

type Selections = readonly SelectionNode[];

/**
 * Whether an error's path runs through a selection that `@skip`/`@include` leaves out: Apollo's
 * query planner drops a literal `@include(if: false)` under a conditional parent (it sent
 * `thematicAreas @include(if: $v) { recommendations(…) @include(if: false) }` to the subgraph as
 * `thematicAreas { recommendations(…) }`), so it runs fields that the operation skips.
 */
export function pathIsSkipped(
  document: DocumentNode,
  variables: Record<string, unknown>,
  path: readonly (string | number)[],
): boolean {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const operation = getOperationAST(document);
  if (!operation) return false;
  let level: { selections: Selections; skipped: boolean }[] = [
    { selections: operation.selectionSet.selections, skipped: false },
  ];
  for (const key of path.filter((part): part is string => typeof part === 'string')) {
    const next: typeof level = [];
    const search = (selections: Selections, skipped: boolean) => {
      for (const selection of selections) {
        const out = skipped || !isIncluded(selection, variables);
        if (selection.kind === Kind.FIELD) {
          if ((selection.alias?.value ?? selection.name.value) === key) {
            next.push({ selections: selection.selectionSet?.selections ?? [], skipped: out });
          }
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          search(selection.selectionSet.selections, out);
        } else {
          const fragment = fragments.get(selection.name.value);
          if (fragment) search(fragment.selectionSet.selections, out);
        }
      }
    };
    for (const { selections, skipped } of level) search(selections, skipped);
    if (next.length === 0) return false;
    level = next;
  }
  return level.every((entry) => entry.skipped);
}

/**
 * Response paths (without list indices) where Apollo's null lands for a field whose every
 * subfield the operation skips: the field itself, or, when it is non-null, the nearest nullable
 * field above it ("" for the whole data).
 */
export function emptiedPaths(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
): string[] {
  const fragments = fragmentsOf(document);
  const operation = getOperationAST(document);
  const found: string[] = [];
  interface Segment {
    key: string;
    type: GraphQLOutputType;
  }
  const landing = (segments: Segment[]) => {
    let i = segments.length - 1;
    while (i >= 0 && isNonNullType(segments[i]!.type)) {
      i -= 1;
      if (i < 0) break;
      const inner = getNullableType(segments[i]!.type);
      // A null item of a list of nullable items stays an item: the list is where it shows.
      if (isListType(inner) && !isNonNullType(inner.ofType)) break;
    }
    return segments
      .slice(0, i + 1)
      .map((segment) => segment.key)
      .join('.');
  };
  const walk = (selections: Selections, parent: GraphQLOutputType, prefix: Segment[]) => {
    const object = getNamedType(parent);
    if (!isObjectType(object)) return;
    for (const selection of selections) {
      if (!isIncluded(selection, variables)) continue;
      if (selection.kind === Kind.FIELD) {
        const type = object.getFields()[selection.name.value]?.type;
        if (!type || !selection.selectionSet) continue;
        const path = [...prefix, { key: selection.alias?.value ?? selection.name.value, type }];
        if (selectsAField(selection.selectionSet, variables, fragments)) {
          walk(selection.selectionSet.selections, type, path);
        } else found.push(landing(path));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet.selections, parent, prefix);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet.selections, parent, prefix);
      }
    }
  };
  const root = operation && schema.getRootType(operation.operation);
  if (operation && root) walk(operation.selectionSet.selections, root, []);
  return found;
}

/** The answer with the values at these paths set to a mark and the errors under them left out. */
export function withoutPaths(body: GraphQLBody, paths: string[]): GraphQLBody {
  if (paths.length === 0) return body;
  if (paths.includes(''))
    return { ...body, data: '(not compared)', errors: body.errors?.filter((e) => !e.path) };
  const under = (path: (string | number)[]) => {
    const key = path.filter((p) => typeof p === 'string').join('.');
    return paths.some((p) => key === p || key.startsWith(`${p}.`));
  };
  const mark = (value: unknown, prefix: string[]): unknown => {
    if (Array.isArray(value)) return value.map((item) => mark(item, prefix));
    if (!value || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => {
        const path = [...prefix, key];
        return [key, paths.includes(path.join('.')) ? '(not compared)' : mark(item, path)];
      }),
    );
  };
  return {
    ...body,
    data: mark(body.data, []),
    errors: body.errors?.filter((error) => !error.path || !under(error.path)),
  };
}

/**
 * Whether an answer's data holds a null at each of its errors' paths, each in a nullable place
 * of the schema: GraphQL's null propagation, checked on its own rather than against Apollo.
 */
export function nullsOnlyWhereErrorsAre(
  schema: GraphQLSchema,
  document: DocumentNode,
  body: GraphQLBody,
): boolean {
  const fragments = fragmentsOf(document);
  const operation = getOperationAST(document);
  if (!operation || !body.data || !body.errors?.length) return false;
  /** The field nodes with this response key in a selection set, through fragments. */
  const nodesFor = (selections: Selections, key: string): FieldNode[] =>
    selections.flatMap((selection) => {
      if (selection.kind === Kind.FIELD) {
        return (selection.alias?.value ?? selection.name.value) === key ? [selection] : [];
      }
      const set =
        selection.kind === Kind.INLINE_FRAGMENT
          ? selection.selectionSet
          : fragments.get(selection.name.value)?.selectionSet;
      return set ? nodesFor(set.selections, key) : [];
    });
  return body.errors.every((error) => {
    if (!error.path?.length) return false;
    let value: unknown = body.data;
    let type: GraphQLOutputType | undefined = schema.getQueryType() ?? undefined;
    let selections: Selections = operation.selectionSet.selections;
    for (const part of error.path) {
      if (value === null || value === undefined || !type) return false;
      if (typeof part === 'number') {
        const list = getNullableType(type);
        if (!isListType(list)) return false;
        type = list.ofType as GraphQLOutputType;
        value = (value as unknown[])[part];
        continue;
      }
      const parent: GraphQLOutputType = getNullableType(type);
      const node = nodesFor(selections, part)[0];
      if (!isObjectType(parent) || !node) return false;
      type = parent.getFields()[node.name.value]?.type;
      selections = node.selectionSet?.selections ?? [];
      value = (value as Record<string, unknown>)[part];
    }
    return value === null && !!type && !isNonNullType(type);
  });
}
