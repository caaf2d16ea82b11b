import { fakeGraph, PLANS } from './fake-graph';
import { coverageProblem } from './write-check';

test('coverageProblem finds nothing wrong when links reach assessments, and ends unlinked', async () => {
  const graph = fakeGraph();
  expect(await coverageProblem(graph.send, PLANS[0])).toBeUndefined();
  expect(graph.projects.get('p1')!.links.size).toBe(0);
  expect(graph.addressed.size).toBe(0);
});

test('coverageProblem says so when a side answers writes without delivering coverage', async () => {
  const graph = fakeGraph({ delivers: false });
  graph.addressed.clear();
  expect(await coverageProblem(graph.send, PLANS[1], 100)).toMatch(
    /link did not reach assessments/,
  );
  expect(graph.projects.get('p2')!.links.size).toBe(0);
});
