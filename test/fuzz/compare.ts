import { isDeepStrictEqual } from 'node:util';
import {
  Kind,
  getOperationAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getNullableType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionNode,
} from 'graphql';
import {
  fragmentsOf,
  isIncluded,
  selectsAField,
} from '../../gateway/src/protection/conditional-selections';

export interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: unknown };
}

export interface GraphQLBody {
  data?: unknown;
  errors?: GraphQLError[];
  extensions?: { valueCompletion?: { path?: (string | number)[] }[] };
}

/**
 * Whether Apollo's null data comes only from its null for a field whose subfields are all left out
 * (it reports that in `extensions.valueCompletion`), in a non-null place.
 */
function nulledAnEmptiedField(theirs: GraphQLBody, emptied: string[]): boolean {
  const completions = theirs.extensions?.valueCompletion ?? [];
  return (
    completions.length > 0 &&
    completions.every((c) =>
      emptied.includes((c.path ?? []).filter((p) => typeof p === 'string').join('.')),
    )
  );
}

/**
 * What may differ between the two gateways' answers to one operation, each with its reason.
 * Everything else must be the same: `data` exactly, and each error's path and code.
 */
export const RULES = [
  'Error messages may differ: each gateway words its own, and ours replaces internal details with a message for people.',
  'HTTP statuses are not compared: GraphQL over HTTP lets a server answer a refused operation with 200 or 4xx for application/json.',
  'An operation refused by a limit (depth, aliases, directives) carries the limit’s own code in ours (DEPTH_LIMIT_EXCEEDED…); Apollo Server files every validation error under GRAPHQL_VALIDATION_FAILED.',
  'Apollo runs a field that a literal @include(if: false) or @skip(if: true) leaves out when an ancestor has a condition on a variable (its planner drops the literal condition), so an answer where Apollo reports an error at a skipped path is Apollo’s mistake and is not compared (pathIsSkipped).',
  'Apollo answers null, without fetching it, for a field whose every subfield @skip/@include leaves out; GraphQL runs that field and answers {} for an object that exists (or its error), as ours does. Values and errors at such paths are not compared (emptiedPaths), nor Apollo’s null data when its null for such a field, in a non-null place, nulled everything above it (its extensions.valueCompletion says so).',
  'Apollo sometimes nulls more than GraphQL’s null propagation requires (seen: an error in the nullable `coordinationCommittee.chair.assessmentsParticipated` made all of its data null). Where Apollo’s data is null and ours is not, ours must hold a null at each error’s path, in a nullable place, with the same errors (nullsOnlyWhereErrorsAre).',
  'With a subgraph stopped, Apollo’s errors for the failed fetches carry no path and say INTERNAL_SERVER_ERROR, where ours name each field left out (SUBGRAPH_UNAVAILABLE); so then only `data` is compared, exactly.',
];

const LIMIT_CODES = new Set([
  'DEPTH_LIMIT_EXCEEDED',
  'ALIAS_LIMIT_EXCEEDED',
  'DIRECTIVE_LIMIT_EXCEEDED',
]);

const pathOf = (error: GraphQLError) => (error.path ?? []).join('.');
const codeOf = (error: GraphQLError, apollo: boolean) => {
  const code = typeof error.extensions?.code === 'string' ? error.extensions.code : '(none)';
  return !apollo && !error.path && LIMIT_CODES.has(code) ? 'GRAPHQL_VALIDATION_FAILED' : code;
};

/** Whether Apollo's answer reports an error at a path the operation skips (see RULES). */
export function apolloRanASkippedField(
  theirs: GraphQLBody,
  document: DocumentNode,
  variables: Record<string, unknown>,
): boolean {
  return (theirs.errors ?? []).some(
    (error) => error.path !== undefined && pathIsSkipped(document, variables, error.path),
  );
}

/**
 * How the answers differ, in words; empty when they are alike under the rules. `emptied` are the
 * paths of fields whose every subfield the operation skips (emptiedPaths).
 */
export function differences(
  asked: GraphQLBody,
  answered: GraphQLBody,
  {
    fault,
    emptied,
    schema,
    document,
  }: { fault: boolean; emptied: string[]; schema: GraphQLSchema; document: DocumentNode },
): string[] {
  const found: string[] = [];
  const ours = withoutPaths(asked, emptied);
  const theirs = withoutPaths(answered, emptied);
  const overNulled =
    !fault &&
    theirs.data === null &&
    ours.data !== null &&
    (nullsOnlyWhereErrorsAre(schema, document, ours) || nulledAnEmptiedField(answered, emptied));
  if (!overNulled && !isDeepStrictEqual(ours.data, theirs.data)) found.push('data differ');
  if (fault) return found;
  const errors = (body: GraphQLBody, apollo: boolean) =>
    (body.errors ?? []).map((e) => `${pathOf(e)} ${codeOf(e, apollo)}`).sort();
  const a = errors(ours, false);
  const b = errors(theirs, true);
  if (!isDeepStrictEqual(a, b)) {
    found.push(`errors differ: ours [${a.join('; ')}], Apollo's [${b.join('; ')}]`);
  }
  return found;
}

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

/** Response paths (without list indices) of fields whose every subfield the operation skips. */
export function emptiedPaths(document: DocumentNode, variables: Record<string, unknown>): string[] {
  const fragments = fragmentsOf(document);
  const operation = getOperationAST(document);
  const found: string[] = [];
  const walk = (selections: Selections, prefix: string[]) => {
    for (const selection of selections) {
      if (!isIncluded(selection, variables)) continue;
      if (selection.kind === Kind.FIELD) {
        const path = [...prefix, selection.alias?.value ?? selection.name.value];
        if (!selection.selectionSet) continue;
        if (selectsAField(selection.selectionSet, variables, fragments)) {
          walk(selection.selectionSet.selections, path);
        } else found.push(path.join('.'));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet.selections, prefix);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet.selections, prefix);
      }
    }
  };
  if (operation) walk(operation.selectionSet.selections, []);
  return found;
}

/** The answer with the values at these paths set to a mark and the errors under them left out. */
export function withoutPaths(body: GraphQLBody, paths: string[]): GraphQLBody {
  if (paths.length === 0) return body;
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
