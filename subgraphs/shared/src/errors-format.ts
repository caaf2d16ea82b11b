import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from './logger';

/**
 * Keeps internal failures (a database error, a bug) away from callers: they get a code and a
 * plain message, the log gets the detail. Errors raised on purpose (GraphQLError with a code)
 * pass through. `exposeDetails` is for developers only.
 */
export function createErrorFormatter(logger: Logger, exposeDetails: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code;
    if (original instanceof GraphQLError || (code && code !== 'INTERNAL_SERVER_ERROR')) {
      return formatted;
    }
    logger.error({ err: original, path: formatted.path }, 'resolver failed');
    if (exposeDetails) return formatted;
    return {
      message:
        'The server could not complete this request. It has been logged; please try again later.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
