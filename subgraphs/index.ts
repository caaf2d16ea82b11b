import { assessments } from './assessments/src/subgraph';
import { funding } from './funding/src/subgraph';
import { membership } from './membership/src/subgraph';
import type { SubgraphDefinition } from './shared/src/subgraph';

/** The subgraphs of the graph, in the order they are migrated, seeded and started. */
export const subgraphs: SubgraphDefinition<unknown>[] = [
  membership as SubgraphDefinition<unknown>,
  assessments as SubgraphDefinition<unknown>,
  funding as SubgraphDefinition<unknown>,
];
