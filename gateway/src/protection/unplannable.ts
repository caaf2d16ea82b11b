import { types } from 'node:util';
import type { Logger as HiveLogger } from '@graphql-hive/logger';
import type { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import type { ExecutionRequest, ExecutionResult } from '@graphql-tools/utils';
import { refusal } from '../../../subgraphs/shared/src/protection/refusal';
import type { Logger } from '../../../subgraphs/shared/src/logger';

type UnifiedGraphHandler = typeof unifiedGraphHandler;

/** The query planner's refusals: errors from its native module that say planning failed. */
const PLANNER_FAILURE = /^Failed to (plan query|normalize operation)\b/;
const UNREACHABLE_FIELD = /No paths found for selection item: (\w+)/;

export function isPlannerFailure(error: unknown): error is Error {
  // The native module's errors are not always of this realm's Error (under jest, for one).
  return (
    types.isNativeError(error) &&
    (error as { code?: unknown }).code === 'GenericFailure' &&
    PLANNER_FAILURE.test(error.message)
  );
}

function advice(reason: string): string {
  const field = UNREACHABLE_FIELD.exec(reason)?.[1];
  if (field === '__schema' || field === '__type') {
    return `Ask for "${field}" in an operation of its own, without other fields.`;
  }
  if (field) return `"${field}" cannot be fetched where it is selected: ask for it on its own.`;
  return 'Ask for its parts in separate operations, and select at least one field that no @skip or @include leaves out.';
}

/** What the caller is told: that the operation, though valid, has to change. */
export function notPlannable(reason: string) {
  return refusal(
    'OPERATION_NOT_PLANNABLE',
    `This operation is valid, but the gateway cannot plan how to fetch it from the subgraphs. ${advice(reason)}`,
    400,
  );
}

/**
 * The planner refuses some valid operations (an introspection field beside data fields, every
 * field skipped by a literal `@include(if: false)`); the runtime would answer its error as an
 * unexpected one, a 500 logged twice without the request id. Here it is the caller's error,
 * OPERATION_NOT_PLANNABLE with 400, and one warning on the request's logger, which carries the
 * request id, with the planner's reason for the operator.
 */
export function refusingUnplannable(
  handler: UnifiedGraphHandler,
  fallbackLogger: Logger,
): UnifiedGraphHandler {
  return async (options) => {
    const handled = await handler(options);
    const { executor } = handled;
    if (!executor) return handled;
    return {
      ...handled,
      async executor(request: ExecutionRequest) {
        try {
          return await executor(request);
        } catch (error) {
          if (!isPlannerFailure(error)) throw error;
          const fields = { operationName: request.operationName, reason: error.message };
          const log = (request.context as { log?: HiveLogger } | undefined)?.log;
          if (log) log.warn(fields, 'the query planner cannot plan this operation');
          else fallbackLogger.warn(fields, 'the query planner cannot plan this operation');
          return { errors: [notPlannable(error.message)] } satisfies ExecutionResult;
        }
      },
    };
  };
}
