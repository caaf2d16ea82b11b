import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { refusal } from './refusal';

/**
 * An operation of a type the subgraph's schema has no root for (a subscription, today) is the
 * caller's mistake: 400 with a code of its own. graphql-js 16 does not check the root type in
 * validation, and executing it failed as an internal error.
 */
export const servedOperationTypes: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ schema, operation }) {
        if (!operation || schema.getRootType(operation.operation)) return;
        throw refusal(
          'OPERATION_TYPE_NOT_SERVED',
          `This subgraph serves no ${operation.operation}s: send a query or a mutation.`,
          400,
        );
      },
    };
  },
};
