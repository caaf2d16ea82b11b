import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError, type ValidationRule } from 'graphql';
import { refusal } from '../../../subgraphs/shared/src/protection/refusal';

/**
 * graphql-js 16 does not check that the schema has the operation's root type; the query planner
 * then fails on `subscription { … }` with an internal error. Refused here as invalid instead.
 */
const knownOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(operation) {
    if (context.getSchema().getRootType(operation.operation)) return;
    context.reportError(
      new GraphQLError(`This graph serves no ${operation.operation}s.`, {
        nodes: [operation],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }),
    );
  },
});

/**
 * Requests graphql-yoga fails on with a 500: a `variables` or `extensions` parameter that is not
 * JSON (GET, or a form POST), and operations of a type the graph does not serve. Both are the
 * caller's mistake, answered with 400.
 */
export function useMalformedRequests(): GatewayPlugin {
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (error) {
          if (error instanceof GraphQLError) throw error;
          throw refusal(
            'BAD_REQUEST',
            'The request could not be read: "variables" and "extensions" must be JSON objects.',
            400,
          );
        }
      });
    },
    onValidate({ addValidationRule }) {
      addValidationRule(knownOperationTypes);
    },
  };
}
