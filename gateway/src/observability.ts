import type { FeatureDeps, GatewayFeature } from './features';

/** Metrics, traces and request ids for operators. */
export function observability(_deps: FeatureDeps): GatewayFeature {
  return {};
}
