import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { refusal } from '../../../subgraphs/shared/src/protection/refusal';
import type { RateLimiter } from '../../../subgraphs/shared/src/protection/rate-limit';
import { retryAfter } from '../../../subgraphs/shared/src/protection/rate-limit-policy';
import { callerOf, type RateLimitPluginOptions } from './rate-limit';

export interface RegistrationLimitOptions extends Pick<
  RateLimitPluginOptions,
  'trustProxy' | 'verifiedSubject'
> {
  /** Counts registrations per caller, in windows of a minute. */
  limiter: RateLimiter;
  /** Registrations per caller per minute. */
  max: number;
  /** Whether the store already holds a document under this hash (the example operations do). */
  known: (hash: string) => boolean;
}

/**
 * Limits how many documents each caller registers for automatic persisted queries: a request
 * that carries a hash and the text of a document the store does not hold. Each batch item
 * counts; sending a known document's hash, or its text again, never does. Placed before the
 * persisted-query step, so a refused document is not stored.
 */
export function useRegistrationLimit({ limiter, max, known, ...caller }: RegistrationLimitOptions) {
  const plugin: GatewayPlugin = {
    async onParams({ params, request, context }) {
      const persisted = (params.extensions as { persistedQuery?: { sha256Hash?: unknown } })
        ?.persistedQuery;
      const hash = persisted?.sha256Hash;
      if (typeof params.query !== 'string' || typeof hash !== 'string' || known(hash)) return;
      const decision = await limiter.take(callerOf(request, context, caller));
      if (decision.allowed) return;
      const wait = retryAfter(decision);
      throw refusal(
        'PERSISTED_QUERY_REGISTRATION_LIMITED',
        `Too many new persisted queries: each caller may register at most ${max} a minute. Send registered documents by their hash alone, or try again in ${wait} s.`,
        429,
        { limit: max },
        { 'retry-after': wait },
      );
    },
  };
  return plugin;
}
