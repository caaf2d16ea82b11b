import type { FeatureDeps, GatewayFeature } from './features';

/** Limits, timeouts, retries and rate limits that keep the gateway answering. */
export function protection(_deps: FeatureDeps): GatewayFeature {
  return {};
}
