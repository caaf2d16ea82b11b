import { createHash } from 'node:crypto';
import { persistedQueryStore } from './persisted-queries';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('registered documents are forgotten after their time to live; the known ones never', async () => {
  const example = '{ known: __typename }';
  const store = persistedQueryStore([{ document: example }], {
    size: 10,
    maxBytes: 1 << 20,
    ttlMs: 50,
  });
  const registered = '{ registered: __typename }';
  store.set(sha256(registered), registered);
  expect(store.get(sha256(registered))).toBe(registered);
  expect(store.get(sha256(example))).toBe(example);
  await pause(120);
  expect(store.get(sha256(registered))).toBeUndefined();
  expect(store.get(sha256(example))).toBe(example);
});

test('the store holds at most its size of registered documents, the known ones besides', () => {
  const example = '{ known: __typename }';
  const store = persistedQueryStore([{ document: example }], { size: 2, maxBytes: 1 << 20 });
  const documents = ['{ a: __typename }', '{ b: __typename }', '{ c: __typename }'];
  for (const document of documents) store.set(sha256(document), document);
  expect(store.get(sha256(documents[0]))).toBeUndefined();
  expect(store.get(sha256(documents[2]))).toBe(documents[2]);
  expect(store.get(sha256(example))).toBe(example);
});

test('registered documents are bounded by their bytes, the known ones not counted', () => {
  const example = `{ known: __typename } # ${'x'.repeat(10_000)}`;
  const store = persistedQueryStore([{ document: example }], { size: 1000, maxBytes: 64 * 1024 });
  const padded = (i: number) => `{ n${i}: __typename } # ${'y'.repeat(8_000)}`;
  for (let i = 0; i < 50; i++) store.set(sha256(padded(i)), padded(i));
  expect(store.cache.bytes).toBeLessThanOrEqual(64 * 1024);
  expect(store.cache.bytes).toBeGreaterThan(48 * 1024);
  expect(store.get(sha256(padded(0)))).toBeUndefined();
  expect(store.get(sha256(padded(49)))).toBe(padded(49));
  expect(store.has(sha256(example))).toBe(true);
  expect(store.get(sha256(example))).toBe(example);
});

test('a document larger than the whole budget is not kept', () => {
  const store = persistedQueryStore([], { size: 1000, maxBytes: 64 * 1024 });
  const huge = `{ __typename } # ${'z'.repeat(40_000)}`;
  store.set(sha256(huge), huge);
  expect(store.has(sha256(huge))).toBe(false);
  expect(store.cache.bytes).toBe(0);
});
