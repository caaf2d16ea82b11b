import { unwrapResolverError } from '@apollo/server/errors';
import type { ValidationError } from 'class-validator';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { QueryFailedError } from 'typeorm';
import { LoggedClientError } from './errors';
import type { Logger } from './logger';

/**
 * Keeps internal failures (a database error, a bug) away from callers: they get a code and a
 * plain message, the log gets the detail. Errors raised on purpose (GraphQLError with a code)
 * pass through, their cause logged when only operators may read it. `exposeDetails` is for
 * developers only.
 */
export function createErrorFormatter(logger: Logger, exposeDetails: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof ArgumentValidationError) return validationFailure(formatted, original);
    const code = formatted.extensions?.code;
    if (original instanceof LoggedClientError) {
      logger.warn({ code, path: formatted.path, cause: original.logged }, original.message);
      return formatted;
    }
    if (original instanceof GraphQLError || (code && code !== 'INTERNAL_SERVER_ERROR')) {
      return formatted;
    }
    if (isStatementTimeout(original)) {
      logger.warn({ path: formatted.path }, 'a statement ran past statement_timeout');
      return {
        message:
          'A step of this request took longer than the database allows and was cancelled; nothing it would have written was kept. Ask for less, or try again later.',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'REQUEST_TIMEOUT' },
      };
    }
    if (isDatabaseUnreachable(original)) {
      logger.warn({ err: original, path: formatted.path }, 'the database could not be reached');
      return {
        message:
          'The database cannot be reached right now; nothing of this part was read or written. Try again shortly.',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'DATABASE_UNAVAILABLE', retryable: true },
      };
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

/** Socket errors of a database server that is down or restarting. */
const UNREACHABLE_SOCKET = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

/**
 * The database server is down, restarting or not accepting connections: a refused or dropped
 * connection, the pool's connect timeout, an administrator shutdown or a server still starting
 * (SQLSTATE class 08, 57P01–57P03). Nothing ran, so the caller may simply retry.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  const driver =
    error instanceof QueryFailedError ? (error.driverError as unknown) : (error as unknown);
  if (!driver || typeof driver !== 'object') return false;
  const { code, message } = driver as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (UNREACHABLE_SOCKET.has(code) || /^(08|57P0[123])/.test(code)))
    return true;
  return (
    typeof message === 'string' &&
    /^(timeout exceeded when trying to connect|Connection terminated)/.test(message)
  );
}

/** PostgreSQL cancelled a statement at its statement_timeout (SQLSTATE 57014). */
function isStatementTimeout(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { code?: string } | undefined)?.code === '57014'
  );
}

/** Each failed input field with its first message, such as `input.title`. */
function fieldMessages(
  errors: ValidationError[],
  prefix: string,
): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {})[0];
    return [
      ...(own ? [{ field, message: own.replace(error.property, field) }] : []),
      ...fieldMessages(error.children ?? [], field),
    ];
  });
}

/** One message per field, in words a person can act on, and the list in `extensions.fields`. */
function validationFailure(
  formatted: GraphQLFormattedError,
  error: ArgumentValidationError,
): GraphQLFormattedError {
  const fields = fieldMessages(error.extensions.validationErrors as ValidationError[], '');
  return {
    message: `The input is not valid: ${fields.map((f) => f.message).join('; ')}.`,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'BAD_USER_INPUT', fields },
  };
}
