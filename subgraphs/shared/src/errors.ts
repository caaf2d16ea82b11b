import { GraphQLError, type GraphQLErrorExtensions } from 'graphql';
import { refusal } from './protection/refusal';

/** Error codes the graph returns in `extensions.code`, besides GraphQL's own. */
const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

/**
 * A client error about one argument or input field; `argument` names it for the caller. Raised
 * before execution, it takes the HTTP `status` of the refusal (400); raised by a resolver, the
 * answer keeps GraphQL's 200 with whatever data the rest of the operation found.
 */
export function badUserInput(message: string, argument?: string, status?: number): GraphQLError {
  const extensions = argument ? { argument } : {};
  if (status) return refusal(ErrorCode.BAD_USER_INPUT, message, status, extensions);
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, ...extensions },
  });
}

/**
 * A client error whose cause is for operators only, such as the table and columns of a
 * constraint a write broke: the caller gets the message and the code, and the error formatter
 * logs `logged` with the request's id.
 */
export class LoggedClientError extends GraphQLError {
  constructor(
    message: string,
    extensions: GraphQLErrorExtensions,
    readonly logged: Record<string, unknown>,
  ) {
    super(message, { extensions });
  }
}
