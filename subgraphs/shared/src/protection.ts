import type { ApolloServerPlugin } from '@apollo/server';
import { validate } from 'graphql';
import type { SubgraphFeature, SubgraphFeatureDeps } from './features';
import { refuseStatementsPastBudget } from './protection/budget';
import { listSizesOf } from './protection/cost';
import { checkTokens, costLimitRule, readOperationLimits, shapeRules } from './protection/limits';
import { badStringRefusal } from './protection/strings';
import { withoutSuggestions } from './protection/suggestions';

/**
 * Limits that keep a subgraph answering when callers reach it directly: the same operation
 * limits as the gateway's (depth, aliases, directives, tokens, cost), and strings PostgreSQL could
 * not store refused as the caller's error; each refusal a GraphQL error with its code and status
 * 400. Page sizes are capped by the connections themselves and the body size by the server.
 * With introspection off, no error suggests names the caller did not send. The gateway's signed
 * requests are the plans of operations it has already held to these limits.
 */
export function protection({ db, env, introspection, sdl }: SubgraphFeatureDeps): SubgraphFeature {
  const limits = readOperationLimits(env);
  const stopGuarding = refuseStatementsPastBudget(db);
  const shape = shapeRules(limits);
  const sizes = listSizesOf(sdl);
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
        async didResolveOperation({ schema, document, request }) {
          // Cost with the request's variables: the page sizes and representations it asks for.
          const rules =
            limits.maxCost > 0
              ? [...shape, costLimitRule(limits, () => sizes, request.variables ?? {})]
              : shape;
          const [error] = validate(schema, document, rules);
          if (error) throw error;
          const badString = badStringRefusal(document, request.variables);
          if (badString) throw badString;
        },
        // Apollo Server's hideSchemaDetailsFromClientErrors covers validation errors only; a
        // variable's value is coerced later, and its errors suggest enum values and fields too.
        ...(introspection
          ? {}
          : {
              async didEncounterErrors({ errors }) {
                for (const error of errors) error.message = withoutSuggestions(error.message);
              },
            }),
      };
    },
  };
  return {
    apolloPlugins: [plugin],
    async close() {
      stopGuarding();
    },
  };
}
