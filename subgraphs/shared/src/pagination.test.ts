import { GraphQLError } from 'graphql';
import { decodeCursor, encodeCursor, pageSize, type KeysetOrder } from './pagination';

const order: KeysetOrder = {
  keys: [
    { property: 'startedOn', kind: 'date' },
    { property: 'id', kind: 'uuid' },
  ],
  direction: 'DESC',
};

test('a cursor decodes to the sort key it was made from', () => {
  const key = ['2022-05-01', '0180d4c0-1234-7abc-8def-0123456789ab'];
  expect(decodeCursor(encodeCursor(key), order)).toEqual(key);
});

test.each([
  ['not base64 JSON', 'not a cursor!'],
  ['the wrong length', encodeCursor(['2022-05-01'])],
  [
    'a value of the wrong kind',
    encodeCursor(['yesterday', '0180d4c0-1234-7abc-8def-0123456789ab']),
  ],
  ['an object', encodeCursor({} as unknown as unknown[])],
])('a cursor with %s is refused as BAD_USER_INPUT', (_case, cursor) => {
  expect.assertions(2);
  try {
    decodeCursor(cursor, order);
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
  }
});

test('page size defaults to 20 and accepts 0 to 100', () => {
  expect(pageSize(undefined)).toBe(20);
  expect(pageSize(null)).toBe(20);
  expect(pageSize(0)).toBe(0);
  expect(pageSize(100)).toBe(100);
  expect(() => pageSize(101)).toThrow('"first" must be a whole number from 0 to 100');
  expect(() => pageSize(-1)).toThrow(GraphQLError);
});
