import { z } from 'zod';
import type { AuthConfig } from './auth';
import type { TracingConfig } from './observability/tracing';
import type { OperationLimits } from './protection/limits';
import type { RateLimitConfig } from './protection/rate-limit-policy';
import { secret, setting, type SettingsOf } from './settings';

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * The variables the gateway and every subgraph read alike. Each service's own configuration
 * (gateway/src/config.ts, subgraphs/shared/src/subgraph-config.ts) adds its own to these and
 * reads them all at once; `.env.example` lists every one, and a test holds the two together.
 */
export const commonSettings = {
  HOST: setting.string('0.0.0.0'),
  METRICS_HOST: setting.string('127.0.0.1'),
  LOG_LEVEL: z
    .enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })
    .default('info'),
  EXPOSE_ERROR_DETAILS: setting.bool(false),
  INTROSPECTION: setting.bool(true),
  MAX_BODY_BYTES: setting.int(1_048_576, { min: 1024 }),
  // Operation limits (protection/limits.ts)
  MAX_DEPTH: setting.int(15),
  MAX_ALIASES: setting.int(30),
  MAX_DIRECTIVES: setting.int(50),
  MAX_TOKENS: setting.int(2000),
  MAX_DOCUMENT_BYTES: setting.int(32_768),
  MAX_COST: setting.int(500_000),
  // Rate limits (protection/rate-limit-policy.ts)
  RATE_LIMIT_MAX: setting.int(600),
  RATE_LIMIT_WINDOW_MS: setting.int(60_000, { min: 100 }),
  RATE_LIMIT_TRUST_PROXY: setting.bool(false),
  REDIS_URL: secret(setting.url(['redis', 'rediss'])),
  // Callers' tokens (auth.ts)
  JWT_SECRET: secret(setting.optional()),
  JWKS_URL: setting.url(['https', 'http']),
  JWT_ISSUER: setting.optional(),
  JWT_AUDIENCE: setting.optional(),
  JWT_MAX_AGE: setting.duration('24h'),
  JWT_CLOCK_TOLERANCE: setting.duration('30s'),
  // The gateway's signature (gateway-signature.ts)
  GATEWAY_SIGNING_SECRET: secret(setting.optional()),
  GATEWAY_SIGNING_SECRET_PREVIOUS: secret(setting.optional()),
  // Tracing (observability/tracing.ts)
  OTEL_EXPORTER_OTLP_ENDPOINT: setting.url(['http', 'https']),
  OTEL_SERVICE_NAME: setting.optional(),
  OTEL_TRACES_SAMPLER_ARG: z.coerce
    .number({ error: 'must be a number from 0 to 1' })
    .min(0, { error: 'must be a number from 0 to 1' })
    .max(1, { error: 'must be a number from 0 to 1' })
    .default(1),
};

type CommonValues = SettingsOf<typeof commonSettings>;

/** The rules across the common variables: one that needs another, secrets long enough. */
export function checkCommon(
  values: CommonValues,
  issue: (name: keyof typeof commonSettings, message: string) => void,
): void {
  if (values.JWT_SECRET !== undefined && values.JWT_SECRET.length < 32) {
    issue('JWT_SECRET', 'must be at least 32 characters long');
  }
  if (values.JWKS_URL && (!values.JWT_ISSUER || !values.JWT_AUDIENCE)) {
    issue(
      'JWKS_URL',
      'needs JWT_ISSUER and JWT_AUDIENCE, so tokens minted for other services are refused',
    );
  }
  for (const name of ['GATEWAY_SIGNING_SECRET', 'GATEWAY_SIGNING_SECRET_PREVIOUS'] as const) {
    const value = values[name];
    if (value !== undefined && value.length < 32)
      issue(name, 'must be at least 32 characters long');
  }
  if (!values.GATEWAY_SIGNING_SECRET && values.GATEWAY_SIGNING_SECRET_PREVIOUS) {
    issue(
      'GATEWAY_SIGNING_SECRET_PREVIOUS',
      'needs GATEWAY_SIGNING_SECRET, the secret that replaces it',
    );
  }
}

/** What every service makes of the common variables. */
export interface CommonConfig {
  /** `LOG_LEVEL`: trace, debug, info, warn, error, fatal or silent. @default 'info' */
  logLevel: LogLevel;
  /** `EXPOSE_ERROR_DETAILS`: stack traces and internal messages in responses. @default false */
  exposeErrorDetails: boolean;
  /** `INTROSPECTION`; when false, errors do not suggest names ("Did you mean …?") either. @default true */
  introspection: boolean;
  /** `MAX_BODY_BYTES`: largest request body. @default 1048576 */
  maxBodyBytes: number;
  limits: OperationLimits;
  rateLimit: RateLimitConfig;
  auth: AuthConfig;
  tracing: TracingConfig;
  /**
   * `GATEWAY_SIGNING_SECRET` and, during a rotation, `GATEWAY_SIGNING_SECRET_PREVIOUS`: the
   * gateway's signature, each at least 32 characters (docs/security.md). @default none: requests
   * are neither signed nor trusted
   */
  signingSecrets: string[];
}

export function commonConfig(values: CommonValues, serviceName: string): CommonConfig {
  return {
    logLevel: values.LOG_LEVEL,
    exposeErrorDetails: values.EXPOSE_ERROR_DETAILS,
    introspection: values.INTROSPECTION,
    maxBodyBytes: values.MAX_BODY_BYTES,
    limits: {
      maxDepth: values.MAX_DEPTH,
      maxAliases: values.MAX_ALIASES,
      maxDirectives: values.MAX_DIRECTIVES,
      maxTokens: values.MAX_TOKENS,
      maxDocumentBytes: values.MAX_DOCUMENT_BYTES,
      maxCost: values.MAX_COST,
    },
    rateLimit: {
      rateLimitMax: values.RATE_LIMIT_MAX,
      rateLimitWindowMs: values.RATE_LIMIT_WINDOW_MS,
      trustProxy: values.RATE_LIMIT_TRUST_PROXY,
      redisUrl: values.REDIS_URL,
    },
    auth: {
      secret: values.JWT_SECRET,
      jwksUrl: values.JWKS_URL,
      issuer: values.JWT_ISSUER,
      audience: values.JWT_AUDIENCE,
      maxAge: values.JWT_MAX_AGE,
      clockTolerance: values.JWT_CLOCK_TOLERANCE,
    },
    tracing: {
      endpoint: values.OTEL_EXPORTER_OTLP_ENDPOINT,
      serviceName: values.OTEL_SERVICE_NAME ?? serviceName,
      sampleRatio: values.OTEL_TRACES_SAMPLER_ARG,
    },
    signingSecrets: [values.GATEWAY_SIGNING_SECRET, values.GATEWAY_SIGNING_SECRET_PREVIOUS].filter(
      (value): value is string => value !== undefined,
    ),
  };
}
