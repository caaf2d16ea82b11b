import type { DataGeneration } from '../../subgraphs/shared/src/data-generation';
import { ConfigError } from '../../subgraphs/shared/src/settings';
import { dataGenerations, responseCacheKey } from './response-cache';

/** A generation the test moves, or makes unreadable, by hand. */
function generation(): DataGeneration & { value: string | undefined } {
  let count = 0;
  const self = {
    value: '0' as string | undefined,
    current: async () => self.value,
    advance: async () => {
      count += 1;
      self.value = String(count);
      return true;
    },
    close: async () => undefined,
  };
  return self;
}

const parts = {
  documentString: '{ memberState(iso3: "NGA") { name } }',
  variableValues: {},
  operationName: null,
  sessionId: null,
};

test('the key names the data generation: a write gives every answer a new key', async () => {
  const shared = generation();
  const local = generation();
  const key = responseCacheKey(() => 'supergraph', [shared, local]);
  const before = await key(parts);
  expect(await key(parts)).toBe(before);
  await shared.advance();
  const afterShared = await key(parts);
  expect(afterShared).not.toBe(before);
  await local.advance();
  expect(await key(parts)).not.toBe(afterShared);
  expect(await key(parts)).not.toBe(before);
});

test('while a generation cannot be read, every request gets a key of its own', async () => {
  const shared = generation();
  const key = responseCacheKey(() => 'supergraph', [shared]);
  shared.value = undefined;
  const one = await key(parts);
  const two = await key(parts);
  expect(one).toMatch(/^uncached:/);
  expect(two).toMatch(/^uncached:/);
  expect(one).not.toBe(two);
});

test('a cache in memory without the subgraphs in this process does not start', () => {
  const settings = { redisUrl: undefined, redisKeyPrefix: 'compact-graph:' };
  expect(() => dataGenerations(settings, undefined)).toThrow(ConfigError);
  expect(() => dataGenerations(settings, undefined)).toThrow(/REDIS_URL/);
  const inProcess = generation();
  expect(dataGenerations(settings, inProcess)).toEqual([inProcess]);
});
