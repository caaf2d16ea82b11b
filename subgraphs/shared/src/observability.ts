import type { SubgraphFeature, SubgraphFeatureDeps } from './features';

/** Metrics, traces and request ids for operators. */
export function observability(_deps: SubgraphFeatureDeps): SubgraphFeature {
  return {};
}
