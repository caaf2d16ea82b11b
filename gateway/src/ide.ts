import type { FeatureDeps, GatewayFeature } from './features';

/** The GraphQL IDE analysts use, served from files installed with the project. */
export function ide(_deps: FeatureDeps): GatewayFeature {
  return { options: { graphiql: false, landingPage: false } };
}
