import type { SubgraphFeature, SubgraphFeatureDeps } from './features';

/** Limits that keep a subgraph answering when callers reach it directly. */
export function protection(_deps: SubgraphFeatureDeps): SubgraphFeature {
  return {};
}
