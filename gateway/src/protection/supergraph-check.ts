import { createRequire } from 'node:module';

// The planner package declares ESM types, but ships a CommonJS build too; this is that build.
const { QueryPlanner } = createRequire(__filename)('@graphql-hive/router-query-planner') as {
  QueryPlanner: new (supergraphSdl: string) => unknown;
};

/**
 * Throws if the query planner would refuse this supergraph, with the planner's reason. A file
 * can parse and still be refused (a field owned by a subgraph the file does not declare): the
 * gateway checks before it swaps, so such a file never replaces the last good supergraph.
 */
export function assertPlannable(supergraphSdl: string): void {
  try {
    new QueryPlanner(supergraphSdl);
  } catch (error) {
    throw new Error(
      `The query planner refuses this supergraph: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}
