import { fakeGraph, PLANS } from './fake-graph';
import { writers } from './writes';

test('writers link and unlink in turn on each worker’s project and end unlinked', async () => {
  const graph = fakeGraph();
  const write = await writers(graph.send, PLANS, graph.now);
  const result = await write(0.2);
  expect(result.errors).toBe(0);
  expect(result.p50).toBeGreaterThan(0);
  expect(result.requests % 2).toBe(0);
  expect(result.requests).toBe(graph.sent.length - PLANS.length);
  const ofP1 = graph.sent.filter((s) => s.startsWith('p1 ')).map((s) => s.slice(3));
  expect(ofP1.slice(0, 4)).toEqual([
    'unlinkProjectRecommendations',
    'linkProjectRecommendations',
    'unlinkProjectRecommendations',
    'linkProjectRecommendations',
  ]);
  expect(ofP1.at(-1)).toBe('unlinkProjectRecommendations');
  expect([...graph.projects.values()].map((p) => p.links.size)).toEqual([0, 0]);
  // The next run goes on from the versions the last answers gave.
  expect((await write(0.1)).errors).toBe(0);
});

test('a refused write counts as an error, and the worker goes on from a fresh read', async () => {
  const graph = fakeGraph({ conflictAt: 5 });
  const result = await (await writers(graph.send, PLANS, graph.now))(0.2);
  expect(result).toMatchObject({ errors: 1, wrong: 1 });
  expect(result.requests).toBeGreaterThan(4);
  expect([...graph.projects.values()].map((p) => p.links.size)).toEqual([0, 0]);
});

test('a gateway that cannot serve the write fails with its reason', async () => {
  const graph = fakeGraph({ refuse: true });
  await expect(writers(graph.send, PLANS, graph.now)).rejects.toThrow('UNAUTHENTICATED: Sign in');
});
