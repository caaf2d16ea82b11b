import { join } from 'node:path';
import { startChild, type Child } from './child';

/**
 * A version of the graph whose services the bench runs: this working tree, or the baseline
 * checked out and built in a worktree of its own.
 */
export interface Side {
  /** How the report names it. */
  name: string;
  /** Where its services run, so that each reads its own schema/supergraph.graphql. */
  root: string;
  /** Its compiled bench/processes. */
  processes: string;
  /** Where its processes write CPU profiles (`--profile`), if anywhere. */
  profileDir?: string;
}

export const WORKING_TREE: Side = {
  name: 'working tree',
  root: process.cwd(),
  processes: join(__dirname, '..', 'processes'),
};

/** The three subgraphs of one side, each in its own process, in the order they depend on each other. */
export async function startSubgraphs(side: Side, databaseUrl: string) {
  const children: Child[] = [];
  const urls: Record<string, string> = {};
  try {
    for (const name of ['membership', 'assessments', 'funding']) {
      const { child, ready } = await startChild<{ url: string }>(
        join(side.processes, 'subgraph.js'),
        [name],
        {
          DATABASE_URL: databaseUrl,
          PEER_URLS: JSON.stringify(urls),
          // The gateways compared do not all sign their calls, and all the load comes from one
          // address: a subgraph's rate limit would measure itself. Both sides get this and
          // GATEWAY_SIGNING_SECRET; a version that predates them ignores them.
          RATE_LIMIT_MAX: '0',
        },
        side.root,
        side.profileDir,
      );
      children.push(child);
      urls[name] = ready.url;
    }
  } catch (error) {
    await Promise.all(children.map((c) => c.stop()));
    throw didNotStart(side, 'subgraphs', error);
  }
  return {
    urls,
    pids: children.map((c) => c.pid),
    /** SQL statements all three have sent so far. */
    async statements(): Promise<number> {
      const counts = await Promise.all(children.map((c) => c.ask<{ count: number }>('statements')));
      return counts.reduce((n, c) => n + c.count, 0);
    },
    /** Warnings and errors all three have logged so far. */
    problems: () => children.reduce((n, c) => n + c.problems(), 0),
    stop: () => Promise.all(children.map((c) => c.stop())),
  };
}

export type Subgraphs = Awaited<ReturnType<typeof startSubgraphs>>;

/** One gateway of a side, in front of that side's subgraphs. */
export async function startGateway(side: Side, kind: string, subgraphs: Subgraphs) {
  const { child, ready } = await startChild<{ url?: unknown }>(
    join(side.processes, 'gateway.js'),
    [kind],
    { SUBGRAPH_URLS: JSON.stringify(subgraphs.urls) },
    side.root,
    side.profileDir,
  ).catch((error: unknown) => {
    throw didNotStart(side, `gateway ${kind}`, error);
  });
  if (typeof ready.url !== 'string') {
    await child.stop();
    throw new Error(`The ${side.name}'s bench has no gateway "${kind}"`);
  }
  return { child, url: ready.url };
}

function didNotStart(side: Side, what: string, error: unknown) {
  const reason = error instanceof Error ? error.message : String(error);
  return new Error(`The ${side.name}'s ${what} did not start (${reason}); its output is above.`);
}
