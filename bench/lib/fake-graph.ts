import type { WritePlan } from './write-plan';
import type { Send } from './writes';

/** Two workers' plans, for the fake graph below. */
export const PLANS: WritePlan[] = [
  { projectId: 'p1', recommendationId: 'r1', assessmentId: 'a1' },
  { projectId: 'p2', recommendationId: 'r2', assessmentId: 'a2' },
];

/**
 * The graph as the write sees it, in memory, for unit tests: projects with a version and linked
 * recommendations (p1 still links r1, as a run cut short would leave it), the coverage
 * assessments counts, and a clock that moves 10 ms a request.
 */
export function fakeGraph(
  options: { conflictAt?: number; refuse?: boolean; delivers?: boolean } = {},
) {
  const projects = new Map([
    ['p1', { version: 3, links: new Set(['r1']) }],
    ['p2', { version: 9, links: new Set<string>() }],
  ]);
  const addressed = new Set(['r1']);
  const clock = { ms: 0 };
  const sent: string[] = [];
  const send: Send = async (query, variables) => {
    await Promise.resolve();
    clock.ms += 10;
    if (query.includes('unaddressedRecommendations')) {
      const ids = PLANS.filter((p) => p.assessmentId === variables.assessment)
        .map((p) => p.recommendationId)
        .filter((id) => !addressed.has(id));
      return {
        data: { unaddressedRecommendations: { edges: ids.map((id) => ({ node: { id } })) } },
      };
    }
    const project = projects.get(variables.id as string)!;
    if (query.startsWith('query')) return { data: { project: { version: project.version } } };
    if (options.refuse)
      return { errors: [{ message: 'Sign in', extensions: { code: 'UNAUTHENTICATED' } }] };
    const field = /\{\s*(\w+)\(/.exec(query)![1];
    sent.push(`${variables.id as string} ${field}`);
    if (sent.length === options.conflictAt || variables.version !== project.version)
      return { errors: [{ message: 'stale', extensions: { code: 'CONFLICT' } }] };
    const link = field.startsWith('link');
    for (const id of variables.ids as string[]) {
      project.links[link ? 'add' : 'delete'](id);
      if (options.delivers !== false) addressed[link ? 'add' : 'delete'](id);
    }
    project.version += 1;
    return { data: { [field]: { version: project.version } } };
  };
  return { send, projects, addressed, sent, now: () => clock.ms };
}
