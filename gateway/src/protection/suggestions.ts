import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { withoutSuggestions } from '../../../subgraphs/shared/src/protection/suggestions';

/**
 * With introspection off, no answer suggests names the caller did not send: validation errors,
 * a variable's coercion and a subgraph's errors alike, in each answer of a batch.
 */
export function useNoSuggestions(): GatewayPlugin {
  return {
    onResultProcess({ result }) {
      for (const answer of Array.isArray(result) ? result : [result]) {
        if (Symbol.asyncIterator in answer) continue;
        for (const error of answer.errors ?? []) error.message = withoutSuggestions(error.message);
      }
    },
  };
}
