import { MemoryResponseCache } from './response-memory';

const answer = (i: number, size: number) => ({ data: { id: i, text: 'a'.repeat(size) } });

test('answers beyond the budget push out the least recently used; the bytes stay within it', () => {
  const cache = new MemoryResponseCache({ maxBytes: 256 * 1024, maxEntries: 10_000 });
  for (let i = 0; i < 100; i++) cache.set(`response-cache:${i}`, answer(i, 4_000));
  expect(cache.bytes).toBeLessThanOrEqual(256 * 1024);
  expect(cache.bytes).toBeGreaterThan(128 * 1024);
  expect(cache.maxBytes).toBe(256 * 1024);
  expect(cache.get('response-cache:0')).toBeUndefined();
  expect(cache.get('response-cache:99')).toEqual(answer(99, 4_000));
});

test('an answer over a sixteenth of the budget is not cached', () => {
  const cache = new MemoryResponseCache({ maxBytes: 160 * 1024, maxEntries: 100 });
  cache.set('small', answer(1, 100));
  cache.set('large', answer(2, 5_000));
  expect(cache.get('small')).toEqual(answer(1, 100));
  expect(cache.get('large')).toBeUndefined();
});

test('the entry count is a second bound; keys are found by prefix and deleted', () => {
  const cache = new MemoryResponseCache({ maxBytes: 1 << 20, maxEntries: 3 });
  for (const key of ['a:1', 'a:2', 'b:1', 'a:3']) cache.set(key, {});
  expect(cache.getKeysByPrefix('a:').sort()).toEqual(['a:2', 'a:3']);
  expect(cache.delete('a:2')).toBe(true);
  expect(cache.getKeysByPrefix('a:')).toEqual(['a:3']);
});
