import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { createErrorFormatter, isDatabaseUnreachable } from './errors-format';
import { createLogger } from './logger';

const format = createErrorFormatter(createLogger('test', 'silent'), false);
const formatted = {
  message: 'raw',
  path: ['projects'],
  extensions: { code: 'INTERNAL_SERVER_ERROR' },
};
const failed = (driverError: object) =>
  new QueryFailedError('SELECT 1', [], Object.assign(new Error('driver'), driverError));

test.each([
  [
    'a refused connection',
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
  ],
  ['the pool connect timeout', new Error('timeout exceeded when trying to connect')],
  ['a connection dropped mid-query', new Error('Connection terminated unexpectedly')],
  ['an administrator shutdown (57P01)', failed({ code: '57P01' })],
  ['a server still starting up (57P03)', failed({ code: '57P03' })],
])('%s is DATABASE_UNAVAILABLE, retryable, without its detail', (_name, error) => {
  expect(isDatabaseUnreachable(error)).toBe(true);
  const answer = format(formatted, error);
  expect(answer.extensions).toEqual({ code: 'DATABASE_UNAVAILABLE', retryable: true });
  expect(answer.path).toEqual(['projects']);
  expect(answer.message).not.toMatch(/5432|ECONN|57P/);
});

test.each([
  ['a unique violation', failed({ code: '23505' })],
  ['a bug', new TypeError('cannot read properties of undefined')],
])('%s stays an INTERNAL_SERVER_ERROR', (_name, error) => {
  expect(isDatabaseUnreachable(error)).toBe(false);
  expect(format(formatted, error).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
});

test('an error raised on purpose passes through', () => {
  const error = new GraphQLError('nope', { extensions: { code: 'FORBIDDEN' } });
  expect(format({ message: 'nope', extensions: { code: 'FORBIDDEN' } }, error).extensions).toEqual({
    code: 'FORBIDDEN',
  });
});
