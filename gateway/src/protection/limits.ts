import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { ListSizes } from '../../../subgraphs/shared/src/protection/cost';
import {
  checkTokens,
  limitRules,
  type OperationLimits,
} from '../../../subgraphs/shared/src/protection/limits';

/**
 * The operation limits at the gateway: tokens counted before the document is parsed; depth,
 * aliases, directives and cost checked with the other validation rules, before any planning.
 */
export function useOperationLimits(
  limits: OperationLimits,
  listSizes: () => ListSizes,
): GatewayPlugin {
  const rules = limitRules(limits, listSizes);
  return {
    onParse({ params }) {
      const source = params.source as string | { body?: string };
      const text = typeof source === 'string' ? source : source?.body;
      if (typeof text === 'string') checkTokens(text, limits.maxTokens);
    },
    onValidate({ addValidationRule }) {
      for (const rule of rules) addValidationRule(rule);
    },
  };
}
