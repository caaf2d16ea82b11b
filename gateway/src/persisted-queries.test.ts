import { createHash } from 'node:crypto';
import { persistedQueryStore } from './persisted-queries';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('registered documents are forgotten after their time to live; the known ones never', async () => {
  const example = '{ known: __typename }';
  const store = persistedQueryStore([{ document: example }], { size: 10, ttlMs: 50 });
  const registered = '{ registered: __typename }';
  await store.set(sha256(registered), registered);
  expect(await store.get(sha256(registered))).toBe(registered);
  expect(await store.get(sha256(example))).toBe(example);
  await pause(120);
  expect(await store.get(sha256(registered))).toBeUndefined();
  expect(await store.get(sha256(example))).toBe(example);
});

test('the store holds at most its size of registered documents, the known ones besides', async () => {
  const example = '{ known: __typename }';
  const store = persistedQueryStore([{ document: example }], { size: 2 });
  const documents = ['{ a: __typename }', '{ b: __typename }', '{ c: __typename }'];
  for (const document of documents) await store.set(sha256(document), document);
  expect(await store.get(sha256(documents[0]))).toBeUndefined();
  expect(await store.get(sha256(documents[2]))).toBe(documents[2]);
  expect(await store.get(sha256(example))).toBe(example);
});
