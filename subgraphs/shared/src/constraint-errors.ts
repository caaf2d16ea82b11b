import { QueryFailedError } from 'typeorm';
import { LoggedClientError } from './errors';

const NOTHING_CHANGED = 'Nothing was changed.';

/** What the caller is told for each PostgreSQL error that is theirs to fix, by SQLSTATE. */
const REFUSALS: Record<string, { code: string; status?: number; message: string }> = {
  '23505': {
    code: 'CONFLICT',
    status: 409,
    message: `That already exists: a value given must be unique and another record has it. ${NOTHING_CHANGED} Choose another value, or change the record that has it.`,
  },
  '23503': {
    code: 'BAD_USER_INPUT',
    message: `The change names a record that does not exist, or removes one that others still refer to. ${NOTHING_CHANGED} Check the ids given.`,
  },
  '23514': {
    code: 'BAD_USER_INPUT',
    message: `A value given is outside what the data allows. ${NOTHING_CHANGED} Check the values against the field descriptions.`,
  },
  '23502': {
    code: 'BAD_USER_INPUT',
    message: `A value the record needs is missing. ${NOTHING_CHANGED} Give every required field.`,
  },
  '22P02': {
    code: 'BAD_USER_INPUT',
    message: `A value given is not in the form its field takes. ${NOTHING_CHANGED} Check the values against the field descriptions.`,
  },
  '22003': {
    code: 'BAD_USER_INPUT',
    message: `A number given is too large for its field. ${NOTHING_CHANGED}`,
  },
};

/**
 * Constraint violations are the caller's to fix (a duplicate, a dangling reference, a value out
 * of range); say so with a code instead of failing as an internal error. The caller learns what
 * to do, never the table, column or constraint: those go to the log, for operators.
 */
export function translateDatabaseError(error: unknown): unknown {
  if (!(error instanceof QueryFailedError)) return error;
  const { code, detail, constraint, table, column, schema } = error.driverError as Partial<
    Record<'code' | 'detail' | 'constraint' | 'table' | 'column' | 'schema', string>
  >;
  const refusal = code ? REFUSALS[code] : undefined;
  if (!refusal) return error;
  return new LoggedClientError(
    refusal.message,
    { code: refusal.code, ...(refusal.status ? { http: { status: refusal.status } } : {}) },
    { sqlState: code, schema, table, column, constraint, detail },
  );
}
