import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { badStringRefusal } from '../../../subgraphs/shared/src/protection/strings';

/**
 * Strings PostgreSQL could not store (a NUL, a lone surrogate) are refused at the gateway as the
 * caller's error, in literals and variables alike, before the operation is planned. Each
 * operation of a batch, GET or POST, passes here with its own variables.
 */
export function useStringCheck(): GatewayPlugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const refused = badStringRefusal(args.document, args.variableValues);
      // Stopped rather than thrown, so the hooks before this one still see the operation end.
      if (refused) setResultAndStopExecution({ errors: [refused] });
    },
  };
}
