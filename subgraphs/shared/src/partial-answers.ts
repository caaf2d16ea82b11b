import type { ApolloServerPlugin } from '@apollo/server';

/**
 * GraphQL over HTTP: an answer that carries `data` (even null) is a 200, whatever its errors say. A field's
 * error may name a status (FORBIDDEN's 403, CONFLICT's 409), which Apollo Server would give the
 * whole response; a client or gateway that reads a 4xx as a failed request then drops the data
 * the rest of the operation got (@apollo/gateway does). Requests refused before execution keep
 * their status.
 */
export const partialAnswersAreOk: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind === 'single' && response.body.singleResult.data !== undefined) {
          response.http.status = 200;
        }
      },
    };
  },
};
