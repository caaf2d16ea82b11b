import { context, SpanKind, SpanStatusCode, type Span, type Tracer } from '@opentelemetry/api';
import {
  ATTR_DB_NAMESPACE,
  ATTR_DB_OPERATION_NAME,
  ATTR_DB_QUERY_TEXT,
  ATTR_DB_SYSTEM_NAME,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  DB_SYSTEM_NAME_VALUE_POSTGRESQL,
} from '@opentelemetry/semantic-conventions';
import type {
  AfterQueryEvent,
  BeforeQueryEvent,
  DataSource,
  EntitySubscriberInterface,
  QueryRunner,
} from 'typeorm';
import type { OperationMetrics } from './metrics';
import { currentRequest } from './request-scope';
import { tracingEnabled } from './tracing';

interface Pending {
  started: number;
  operation: string;
  span?: Span;
}

/** `SELECT`, `INSERT`, `START TRANSACTION`…: the statement kind, a label with few values. */
function operationOf(sql: string): string {
  const words = /^\s*(START TRANSACTION|[A-Za-z]+)/.exec(sql);
  return words ? words[1].toUpperCase() : 'OTHER';
}

/** Where the data source connects, for span attributes; never the password. */
function serverOf(db: DataSource): { database?: string; host?: string; port?: number } {
  const options = db.options as { url?: string; replication?: unknown };
  // With replicas a statement may go to any of several servers; the span then names none.
  if (!options.url || options.replication) return {};
  const url = options.url;
  const parsed = new URL(url);
  return {
    database: decodeURIComponent(parsed.pathname.slice(1)) || undefined,
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 5432,
  };
}

/**
 * Times every SQL statement the data source sends (TypeORM's beforeQuery/afterQuery events,
 * which wrap the driver call itself) and, when tracing is on, records it as a client span of
 * the request's current span. Statements on one connection complete in the order they were sent,
 * so each runner keeps a queue.
 */
export class SqlObserver implements EntitySubscriberInterface {
  private readonly pending = new WeakMap<QueryRunner, Pending[]>();
  private readonly server: ReturnType<typeof serverOf>;
  private readonly schema: string;

  constructor(
    db: DataSource,
    private readonly tracer: Tracer,
    private readonly metrics: OperationMetrics,
  ) {
    this.server = serverOf(db);
    this.schema = db.driver.schema ?? 'public';
  }

  beforeQuery(event: BeforeQueryEvent): void {
    const operation = operationOf(event.query);
    const entry: Pending = { started: performance.now(), operation };
    if (tracingEnabled()) {
      const parent = currentRequest()?.traceContext ?? context.active();
      entry.span = this.tracer.startSpan(
        `${operation} ${this.schema}`,
        {
          kind: SpanKind.CLIENT,
          attributes: {
            [ATTR_DB_SYSTEM_NAME]: DB_SYSTEM_NAME_VALUE_POSTGRESQL,
            [ATTR_DB_OPERATION_NAME]: operation,
            // Parameterised text: the values stay out of the trace.
            [ATTR_DB_QUERY_TEXT]: event.query.slice(0, 4000),
            [ATTR_DB_NAMESPACE]: this.server.database,
            [ATTR_SERVER_ADDRESS]: this.server.host,
            [ATTR_SERVER_PORT]: this.server.port,
          },
        },
        parent,
      );
    }
    const queue = this.pending.get(event.queryRunner);
    if (queue) queue.push(entry);
    else this.pending.set(event.queryRunner, [entry]);
  }

  afterQuery(event: AfterQueryEvent): void {
    const entry = this.pending.get(event.queryRunner)?.shift();
    if (!entry) return;
    const outcome = event.success ? 'success' : 'error';
    this.metrics.queryDuration.observe(
      { operation: entry.operation, outcome },
      (performance.now() - entry.started) / 1000,
    );
    if (!entry.span) return;
    if (!event.success) {
      const error = event.error instanceof Error ? event.error : new Error(String(event.error));
      entry.span.recordException(error);
      entry.span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
    }
    entry.span.end();
  }
}

/** Has a data source report its statements to `observer` until the returned function is called. */
export function observeStatements(db: DataSource, observer: SqlObserver): () => void {
  db.subscribers.push(observer);
  return () => {
    const index = db.subscribers.indexOf(observer);
    if (index >= 0) db.subscribers.splice(index, 1);
  };
}
