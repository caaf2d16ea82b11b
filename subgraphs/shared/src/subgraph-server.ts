import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { partialAnswersAreOk } from './partial-answers';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { createErrorFormatter } from './errors-format';
import type { SignatureCheck } from './signature-check';
import { BudgetExceeded, withinBudget } from './protection/budget';
import { rawPath } from './raw-path';
import type { SubgraphFeature } from './features';
import type { Logger } from './logger';
import { createMetricsListener, urlHost } from './observability/metrics-listener';
import { servedOperationTypes } from './protection/operation-types';

export interface SubgraphServerOptions<TContext extends BaseContext> {
  name: string;
  schema: GraphQLSchema;
  logger: Logger;
  /**
   * Builds the per-request context (DataLoaders, caller); `signed` says the request carries
   * the graph's valid signature.
   */
  context: (request: IncomingMessage, signed: boolean) => Promise<TContext>;
  /**
   * How long one request may take; past it the caller gets `REQUEST_TIMEOUT` and the request's
   * next SQL statement is refused. 0 turns it off. @default 0
   */
  requestBudgetMs?: number;
  /**
   * Checks a request's gateway signature (signature-check.ts). @default none: every request is
   * unsigned
   */
  checkSignature?: (body: unknown, authorization: string | undefined) => Promise<SignatureCheck>;
  /** Whether the service can serve: its database answers. */
  ready: () => Promise<boolean>;
  /** @default 1048576 */
  maxBodyBytes?: number;
  /** Return stack traces and internal messages to callers (development only). @default false */
  exposeErrorDetails?: boolean;
  /** Serve introspection queries. @default true */
  introspection?: boolean;
  features?: SubgraphFeature[];
}

/** Where a subgraph listens: clients on one port, Prometheus on another. */
interface ListenAddresses {
  /** 0 picks a free port. */
  port: number;
  /** @default '0.0.0.0' */
  host?: string;
  /** The metrics listener's port; 0 picks a free one. */
  metricsPort: number;
  /** @default '127.0.0.1' */
  metricsHost?: string;
}

export interface SubgraphServer {
  readonly server: Server;
  /** Starts both listeners; resolves to the GraphQL URL. */
  listen(addresses: ListenAddresses): Promise<string>;
  /** The metrics listener's URL once listening. */
  readonly metricsUrl: string | undefined;
  stop(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}

/** A feature's refusal (`refusal()`): its status and headers, its code and extensions. */
function sendRefusal(response: ServerResponse, error: GraphQLError): void {
  const { http, ...extensions } = error.extensions as {
    http: { status: number; headers?: Record<string, string> };
  };
  sendJson(
    response,
    http.status,
    { errors: [{ message: error.message, extensions }] },
    http.headers,
  );
}

const isRefusal = (error: unknown): error is GraphQLError =>
  error instanceof GraphQLError &&
  typeof (error.extensions.http as { status?: unknown } | undefined)?.status === 'number';

async function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) {
    throw new HttpError(413, 'PAYLOAD_TOO_LARGE', `Request bodies are limited to ${limit} bytes.`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      throw new HttpError(
        413,
        'PAYLOAD_TOO_LARGE',
        `Request bodies are limited to ${limit} bytes.`,
      );
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function parseBody(request: IncomingMessage, limit: number): Promise<unknown> {
  if (request.method !== 'POST') return undefined;
  const text = await readBody(request, limit);
  const type = request.headers['content-type'] ?? '';
  if (!type.includes('json')) return text;
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    throw new HttpError(400, 'BAD_REQUEST', 'The request body is not valid JSON.');
  }
}

/**
 * Serves one subgraph over node:http: GraphQL at `/graphql` (GET and POST), liveness at
 * `/health`, readiness at `/ready`, and its features' metrics on a listener of their own. A thin
 * adapter rather than a web framework, since it routes three paths.
 */
export async function createSubgraphServer<TContext extends BaseContext>(
  options: SubgraphServerOptions<TContext>,
): Promise<SubgraphServer> {
  const limit = options.maxBodyBytes ?? 1_048_576;
  const features = options.features ?? [];
  const registry = features.find((feature) => feature.metrics)?.metrics;
  const metrics = registry && createMetricsListener(registry);
  let metricsUrl: string | undefined;
  const arounds = features.flatMap((feature) => feature.aroundRequest ?? []);
  const admits = features.flatMap((feature) => feature.admitRequest ?? []);
  const admit = async (request: IncomingMessage, signed: boolean) => {
    for (const check of admits) await check(request, signed);
  };
  const { logger } = options;
  const checkSignature = options.checkSignature ?? (async () => 'unsigned' as const);
  const server = createServer();
  const apollo = new ApolloServer<TContext>({
    schema: options.schema,
    introspection: options.introspection ?? true,
    includeStacktraceInErrorResponses: options.exposeErrorDetails ?? false,
    // The process owns shutdown (run.ts): Apollo's own handler would re-raise SIGTERM once it
    // stopped, killing the process before the pool closes and the last spans are sent.
    stopOnTerminationSignals: false,
    formatError: createErrorFormatter(logger, options.exposeErrorDetails ?? false),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      partialAnswersAreOk,
      servedOperationTypes,
      ...features.flatMap((feature) => feature.apolloPlugins ?? []),
    ],
    validationRules: features.flatMap((feature) => feature.validationRules ?? []),
    logger: {
      debug: (message) => logger.debug(message),
      info: (message) => logger.info(message),
      warn: (message) => logger.warn(message),
      error: (message) => logger.error(message),
    },
  });
  await apollo.start();

  async function handleGraphQL(request: IncomingMessage, response: ServerResponse, url: URL) {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown;
    let signature: SignatureCheck;
    try {
      body = await parseBody(request, limit);
      signature = await checkSignature(body, request.headers.authorization);
    } catch (error) {
      // A body too large or not JSON cannot be signed: the caller is admitted (counted) first.
      await admit(request, false);
      throw error;
    }
    // Once the signature is known, so the graph's own calls are never refused, and before a bad,
    // old or replayed signature is, so those are counted too.
    await admit(request, signature === 'signed');
    if (typeof signature === 'object') throw new HttpError(401, signature.code, signature.message);
    const result = await withinBudget(options.requestBudgetMs ?? 0, () =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: request.method?.toUpperCase() ?? 'GET',
          headers,
          search: url.search,
          body,
        },
        context: () => options.context(request, signature === 'signed'),
      }),
    );
    for (const [key, value] of result.headers) response.setHeader(key, value);
    response.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      response.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  }

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const route = async () => {
      switch (rawPath(request.url)) {
        case '/graphql':
          return arounds.reduceRight<() => Promise<void>>(
            (next, around) => () => around(request, response, next),
            () => handleGraphQL(request, response, url),
          )();
        case '/health':
          return sendJson(response, 200, { status: 'ok', service: options.name });
        case '/ready': {
          const ready = await options.ready().catch(() => false);
          return sendJson(response, ready ? 200 : 503, {
            status: ready ? 'ready' : 'unavailable',
            service: options.name,
          });
        }
        default:
          return sendJson(response, 404, {
            errors: [
              {
                message: 'Nothing is served at this path; GraphQL is at /graphql.',
                extensions: { code: 'NOT_FOUND' },
              },
            ],
          });
      }
    };
    route().catch((error: unknown) => {
      if (response.headersSent) return response.destroy();
      if (error instanceof HttpError) {
        return sendJson(response, error.status, {
          errors: [{ message: error.message, extensions: { code: error.code } }],
        });
      }
      if (error instanceof BudgetExceeded) {
        logger.warn({ budgetMs: error.budgetMs }, 'request stopped at its time budget');
        return sendJson(response, 200, error.body);
      }
      if (isRefusal(error)) return sendRefusal(response, error);
      logger.error({ err: error }, 'request failed');
      sendJson(response, 500, {
        errors: [
          {
            message: 'The server could not complete this request.',
            extensions: { code: 'INTERNAL_SERVER_ERROR' },
          },
        ],
      });
    });
  });

  const closeServer = () =>
    new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));

  return {
    server,
    get metricsUrl() {
      return metricsUrl;
    },
    async listen({ port, host = '0.0.0.0', metricsPort, metricsHost = '127.0.0.1' }) {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      try {
        metricsUrl = await metrics?.listen(metricsPort, metricsHost);
      } catch (error) {
        await closeServer();
        throw error;
      }
      const address = server.address() as AddressInfo;
      return `http://${urlHost(host)}:${address.port}/graphql`;
    },
    async stop() {
      await apollo.stop();
      // Scrapes go on while requests drain; the registry is cleared only once they have stopped.
      await metrics?.close();
      await Promise.all(features.flatMap((feature) => (feature.close ? [feature.close()] : [])));
      await closeServer();
    },
  };
}
