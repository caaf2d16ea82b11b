import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { ValidationRule } from 'graphql';
import type { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { Logger } from './logger';
import type { TracingConfig } from './observability/tracing';
import type { OperationLimits } from './protection/limits';
import type { RateLimitConfig } from './protection/rate-limit-policy';
import type { Viewer } from './viewer';

/**
 * One concern of a subgraph's server (protection, observability…), kept in its own module: the
 * Apollo plugins and validation rules it adds, the metrics it serves on the operations port, what
 * it releases on shutdown.
 */
export interface SubgraphFeature {
  apolloPlugins?: ApolloServerPlugin<BaseContext>[];
  validationRules?: ValidationRule[];
  /** Served at `/metrics` on the metrics listener, never on the clients' port. */
  metrics?: Registry;
  /** Runs around each GraphQL HTTP request (request ids, the server span); calls `next` once. */
  aroundRequest?: (
    request: IncomingMessage,
    response: ServerResponse,
    next: () => Promise<void>,
  ) => Promise<void>;
  /**
   * Runs once the request's body is read and its signature checked, before GraphQL sees it and
   * before a bad body or signature is refused; throws a refusal (`refusal()`) to answer instead.
   * `signed` says the request carries the graph's valid signature.
   */
  admitRequest?: (request: IncomingMessage, signed: boolean) => Promise<void>;
  close?: () => Promise<void>;
}

export interface SubgraphFeatureDeps {
  name: string;
  db: DataSource;
  logger: Logger;
  limits: OperationLimits;
  tracing: TracingConfig;
  /** Whether the subgraph answers introspection queries. */
  introspection: boolean;
  /** The subgraph's SDL, with the Federation directives its fields carry (`@listSize`…). */
  sdl: string;
  rateLimit: RateLimitConfig;
  /** `REDIS_KEY_PREFIX`: before every key the subgraph keeps in Redis. */
  redisKeyPrefix: string;
  /** The request's caller, from its token, verified once per request; rejects a bad token. */
  viewerOf: (request: IncomingMessage) => Promise<Viewer>;
}
