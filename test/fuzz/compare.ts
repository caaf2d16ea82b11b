import { isDeepStrictEqual } from 'node:util';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { nullsOnlyWhereErrorsAre, pathIsSkipped, withoutPaths } from './paths';

interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: unknown };
}

export interface GraphQLBody {
  data?: unknown;
  errors?: GraphQLError[];
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
  'Apollo answers null, without fetching it, for a field whose every subfield @skip/@include leaves out; GraphQL runs that field and answers {} for an object that exists (or its error), as ours does. Values and errors at such paths are not compared (emptiedPaths), nor the nullable field above it that Apollo’s null reaches when such a field is non-null.',
  'Apollo sometimes nulls more than GraphQL’s null propagation requires (seen: an error in the nullable `coordinationCommittee.chair.assessmentsParticipated` made all of its data null). Where Apollo’s data is null and ours is not, ours must hold a null at each error’s path, in a nullable place, with the same errors (nullsOnlyWhereErrorsAre).',
  'When both answers’ data are null, Apollo may leave out the errors of fetches whose results it dropped; its errors must all be among ours.',
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
    nullsOnlyWhereErrorsAre(schema, document, ours);
  if (!overNulled && !isDeepStrictEqual(ours.data, theirs.data)) found.push('data differ');
  if (fault) return found;
  const errors = (body: GraphQLBody, apollo: boolean) =>
    (body.errors ?? []).map((e) => `${pathOf(e)} ${codeOf(e, apollo)}`).sort();
  const a = errors(ours, false);
  const b = errors(theirs, true);
  // With all data null, Apollo leaves out errors of fetches whose results it dropped.
  const dropped = ours.data === null && theirs.data === null && isSubset(b, a);
  if (!dropped && !isDeepStrictEqual(a, b)) {
    found.push(`errors differ: ours [${a.join('; ')}], Apollo's [${b.join('; ')}]`);
  }
  return found;
}

/** Whether every item of `part` is in `whole`, as many times (both sorted). */
function isSubset(part: string[], whole: string[]): boolean {
  const left = [...whole];
  return part.every((item) => {
    const at = left.indexOf(item);
    if (at === -1) return false;
    left.splice(at, 1);
    return true;
  });
}
