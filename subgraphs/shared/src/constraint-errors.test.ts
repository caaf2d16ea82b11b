import { QueryFailedError } from 'typeorm';
import { translateDatabaseError } from './constraint-errors';
import { LoggedClientError } from './errors';

/** The driver's error, as pg reports a failed statement. */
const violation = (code: string) =>
  new QueryFailedError(
    'INSERT INTO "funding"."project" (code) VALUES ($1)',
    ['X'],
    Object.assign(new Error('violation'), {
      code,
      schema: 'funding',
      table: 'project',
      column: 'code',
      constraint: 'project_code_key',
      detail: 'Key (code)=(X) already exists.',
    }),
  );

test.each([
  ['23505', 'CONFLICT'],
  ['23503', 'BAD_USER_INPUT'],
  ['23514', 'BAD_USER_INPUT'],
  ['23502', 'BAD_USER_INPUT'],
  ['22P02', 'BAD_USER_INPUT'],
  ['22003', 'BAD_USER_INPUT'],
])('SQLSTATE %s is %s, told without the schema, table, column or constraint', (sqlState, code) => {
  const error = translateDatabaseError(violation(sqlState));
  expect(error).toBeInstanceOf(LoggedClientError);
  const { message, extensions, logged } = error as LoggedClientError;
  expect(extensions.code).toBe(code);
  expect(message).toMatch(/Nothing was changed\./);
  expect(message).not.toMatch(/funding|project|code|Key \(|_key|INSERT/i);
  expect(logged).toEqual({
    sqlState,
    schema: 'funding',
    table: 'project',
    column: 'code',
    constraint: 'project_code_key',
    detail: 'Key (code)=(X) already exists.',
  });
});

test('any other failure stays an internal error', () => {
  const deadlock = violation('40P01');
  expect(translateDatabaseError(deadlock)).toBe(deadlock);
  const bug = new TypeError('x is undefined');
  expect(translateDatabaseError(bug)).toBe(bug);
});
