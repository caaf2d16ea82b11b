import { signToken } from '../../scripts/lib/tokens';
import { latencyResult } from './latency';
import type { LoadResult } from './load';
import type { WritePlan } from './write-plan';

/** How the report names the write, beside the read operations. */
export const WRITE_OPERATION = 'write: link recommendation';

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: unknown } }[];
}

/** Sends one GraphQL operation to a gateway and resolves with its parsed answer. */
export type Send = (query: string, variables: Record<string, unknown>) => Promise<Answer>;

/** A sender with an admin's token, signed with the JWT_SECRET the bench gives every service. */
export async function adminSender(url: string, jwtSecret: string): Promise<Send> {
  const token = await signToken(jwtSecret, { subject: 'bench-writer', roles: ['admin'] });
  return async (query, variables) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as Answer;
  };
}

const LINK = 'linkProjectRecommendations';
const UNLINK = 'unlinkProjectRecommendations';
const change = (field: string) => `mutation ($id: ID!, $version: Int!, $ids: [ID!]!) {
  ${field}(projectId: $id, expectedVersion: $version, recommendationIds: $ids) { version }
}`;
const VERSION = 'query ($id: ID!) { project(id: $id) { version } }';

/** A wrong answer, as opposed to no answer at all. */
class WrongAnswer extends Error {}

/** What an answer's first error says, with its code. */
export function reasonOf(answer: Answer): string | undefined {
  const error = answer.errors?.[0];
  if (!error) return undefined;
  const { code } = error.extensions ?? {};
  return `${typeof code === 'string' ? code : 'error'}: ${error.message}`;
}

function versionIn(answer: Answer, field: string): number {
  const { version } = (answer.data?.[field] ?? {}) as { version?: unknown };
  if (typeof version === 'number') return version;
  throw new WrongAnswer(reasonOf(answer) ?? `no ${field}.version in the answer`);
}

/** Links or unlinks a plan's recommendation at `version`; returns the version it makes. */
export async function changeLink(
  send: Send,
  plan: WritePlan,
  version: number,
  link: boolean,
): Promise<number> {
  const field = link ? LINK : UNLINK;
  const variables = { id: plan.projectId, version, ids: [plan.recommendationId] };
  return versionIn(await send(change(field), variables), field);
}

/**
 * Unlinks a plan's recommendation, whatever an earlier run cut short left, and returns the
 * project's version then. A gateway that cannot serve the write fails here, with its reason.
 */
export async function unlinked(send: Send, plan: WritePlan): Promise<number> {
  const version = versionIn(await send(VERSION, { id: plan.projectId }), 'project');
  return changeLink(send, plan, version, false);
}

/** Every plan's recommendation unlinked: the seed's links, which the reads expect. */
export async function unlinkAll(send: Send, plans: WritePlan[]): Promise<void> {
  await Promise.all(plans.map((plan) => unlinked(send, plan)));
}

/**
 * Write workers, a plan each: first (unmeasured) each plan's recommendation is unlinked and its
 * project's version read. Each run of the returned function then has every worker link and
 * unlink its recommendation in turn, on its own project, taking the next expectedVersion from
 * each answer, until `seconds` have passed and it is unlinked again, so the data is as it found
 * it. A failed write counts as an error; the worker then reads its project afresh. Fixed bodies
 * replayed (autocannon) would carry stale versions: CONFLICT.
 */
export async function writers(
  send: Send,
  plans: WritePlan[],
  now = () => performance.now(),
): Promise<(seconds: number) => Promise<LoadResult>> {
  const versions = await Promise.all(plans.map((plan) => unlinked(send, plan)));
  return async (seconds) => {
    const latencies: number[] = [];
    const failed = { errors: 0, wrong: 0 };
    const started = now();
    const deadline = started + seconds * 1000;
    const worker = async (plan: WritePlan, index: number) => {
      let linked = false;
      while (linked || now() < deadline) {
        const sent = now();
        try {
          versions[index] = await changeLink(send, plan, versions[index], !linked);
          latencies.push(now() - sent);
          linked = !linked;
        } catch (error) {
          failed.errors += 1;
          if (error instanceof WrongAnswer) failed.wrong += 1;
          versions[index] = await unlinked(send, plan);
          linked = false;
        }
      }
    };
    // Settled, not raced: a worker that fails must not leave the others running past the return.
    const outcomes = await Promise.allSettled(plans.map(worker));
    const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failure)
      throw failure.reason instanceof Error ? failure.reason : new Error(String(failure.reason));
    return latencyResult(latencies, failed, (now() - started) / 1000);
  };
}
