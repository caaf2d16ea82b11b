import type { RateLimitDecision } from './rate-limit';

/** How many requests a caller may make, the same settings at the gateway and at each subgraph. */
export interface RateLimitConfig {
  /** `RATE_LIMIT_MAX`: requests per caller per window; 0 turns rate limiting off. @default 600 */
  rateLimitMax: number;
  /** `RATE_LIMIT_WINDOW_MS` @default 60000 */
  rateLimitWindowMs: number;
  /**
   * `RATE_LIMIT_TRUST_PROXY`: take the client address from `X-Forwarded-For` (behind a load
   * balancer); otherwise the connection's address. @default false
   */
  trustProxy: boolean;
  /**
   * `REDIS_URL`: share rate limits between the replicas of a service; in memory when unset.
   * @default none
   */
  redisUrl: string | undefined;
}

/**
 * The caller a limit applies to: the subject of a token that verified, else the client address.
 * A bad token's `sub` is never used: a caller could send a new one with each request.
 */
export function callerKey(
  subject: string | null | undefined,
  address: { forwardedFor?: string | null; remote?: string },
  trustProxy: boolean,
): string {
  if (subject) return `sub:${subject}`;
  const forwarded = trustProxy ? address.forwardedFor?.split(',')[0]?.trim() : undefined;
  return `ip:${forwarded || address.remote || 'unknown'}`;
}

/** The `retry-after` header of a refusal, in whole seconds, at least 1. */
export const retryAfter = (decision: RateLimitDecision) =>
  String(Math.max(1, Math.ceil(decision.resetMs / 1000)));

export function tooManyRequests(decision: RateLimitDecision, max: number): string {
  return `Too many requests: at most ${max} per window for each caller. Try again in ${retryAfter(decision)} s.`;
}
