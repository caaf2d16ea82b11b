import { setTimeout as sleep } from 'node:timers/promises';
import type { WritePlan } from './write-plan';
import { changeLink, reasonOf, unlinked, type Send } from './writes';

const UNADDRESSED = `query ($assessment: ID!) {
  unaddressedRecommendations(first: 100, filter: { assessment: $assessment }) {
    edges { node { id } }
  }
}`;

/** How long coverage may take to reach assessments after a write's answer. */
const SETTLE_MS = 3_000;

async function isUnaddressed(send: Send, plan: WritePlan): Promise<boolean> {
  const answer = await send(UNADDRESSED, { assessment: plan.assessmentId });
  const reason = reasonOf(answer);
  if (reason) throw new Error(`coverage not checked (${reason})`);
  const { edges } = answer.data?.unaddressedRecommendations as {
    edges: { node: { id: string } }[];
  };
  return edges.some((edge) => edge.node.id === plan.recommendationId);
}

async function settles(
  send: Send,
  plan: WritePlan,
  unaddressed: boolean,
  settleMs: number,
): Promise<boolean> {
  const deadline = Date.now() + settleMs;
  while ((await isUnaddressed(send, plan)) !== unaddressed) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

/**
 * What is wrong, if anything, with how a side's write reaches assessments: after a link,
 * assessments must stop counting the recommendation as unaddressed, and after the unlink count it
 * again. A side whose delivery fails (a baseline on a schema migrated past its own) still answers
 * every write, having done less, so its figures would flatter it. Ends unlinked; throws when
 * the graph cannot say (a gateway that cannot serve the write, a graph without the query).
 */
export async function coverageProblem(
  send: Send,
  plan: WritePlan,
  settleMs = SETTLE_MS,
): Promise<string | undefined> {
  const version = await unlinked(send, plan);
  if (!(await settles(send, plan, true, settleMs)))
    return 'unlinked, the recommendation still counts as addressed in assessments';
  const linked = await changeLink(send, plan, version, true);
  let addressed: boolean;
  try {
    addressed = await settles(send, plan, false, settleMs);
  } finally {
    await changeLink(send, plan, linked, false);
  }
  if (!addressed) return 'a link did not reach assessments: the recommendation stayed unaddressed';
  if (!(await settles(send, plan, true, settleMs)))
    return 'an unlink did not reach assessments: the recommendation stayed addressed';
  return undefined;
}
