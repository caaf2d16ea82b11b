import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { getOperationAST } from 'graphql';
import { BoundedLabel } from '../../../subgraphs/shared/src/observability/bounded-label';

export interface ClientOperation {
  /** The operation's name, or `Anonymous`. */
  name: string;
  /** `query`, `mutation` or `subscription`. */
  type: string;
}

/**
 * The client's operation behind each request. The query planner's calls to subgraphs are
 * anonymous, so metrics and logs name them by the operation that caused them.
 */
export class ClientOperations {
  private readonly byRequest = new WeakMap<Request, ClientOperation>();
  private readonly names = new BoundedLabel();

  /** An operation name as metrics label it: one bounded set of names for every metric. */
  label(name: string): string {
    return this.names.of(name);
  }

  of(request: Request | undefined): ClientOperation | undefined {
    return request && this.byRequest.get(request);
  }

  plugin(): GatewayPlugin {
    return {
      onExecute: ({ args, context }) => {
        const operation = getOperationAST(args.document, args.operationName);
        if (!operation || !context.request) return;
        this.byRequest.set(context.request, {
          name: this.label(operation.name?.value ?? 'Anonymous'),
          type: operation.operation,
        });
      },
    };
  }
}
