import type { ApolloServerPlugin } from '@apollo/server';
import { validate } from 'graphql';
import type { SubgraphFeature, SubgraphFeatureDeps } from './features';
import { checkTokens, limitRules, readOperationLimits } from './protection/limits';

/**
 * Limits that keep a subgraph answering when callers reach it directly: the same operation
 * limits as the gateway's (depth, aliases, directives, tokens, cost), each refusal a GraphQL
 * error with its code and status 400. Page sizes are capped by the connections themselves and
 * the body size by the server. The gateway's signed requests are the plans of operations it
 * has already held to these limits.
 */
export function protection({ env }: SubgraphFeatureDeps): SubgraphFeature {
  const limits = readOperationLimits(env);
  const rules = limitRules(limits);
  const refused = new WeakSet<Error>();
  const plugin: ApolloServerPlugin = {
    // Apollo Server turns an error thrown before parsing into a 500; a refusal is passed on as is.
    async unexpectedErrorProcessingRequest({ error }) {
      if (refused.has(error)) throw error;
    },
    async requestDidStart({ contextValue }) {
      // The gateway held the caller's operation to the same limits before it planned this one.
      if ((contextValue as { signed?: boolean }).signed) return;
      return {
        // Before parsing, so a huge document costs a count of its tokens and no more.
        async didResolveSource({ source }) {
          try {
            checkTokens(source, limits.maxTokens);
          } catch (error) {
            refused.add(error as Error);
            throw error;
          }
        },
        async didResolveOperation({ schema, document }) {
          const [error] = validate(schema, document, rules);
          if (error) throw error;
        },
      };
    },
  };
  return { apolloPlugins: [plugin] };
}
